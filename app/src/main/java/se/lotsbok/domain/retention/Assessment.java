package se.lotsbok.domain.retention;

import java.time.LocalDate;

/**
 * What {@link RetentionRule} found for one case file.
 *
 * @param lastEntry the newest entry in the case file; null only when it has none
 * @param dueOn the day gallring becomes due (the last entry plus the retention years); null with no entry
 * @param deadline the last day by which gallring must be done: 31 December of the year after {@code dueOn}
 * @param closedOn the day the case was closed; null when it is open or was never raised
 */
public record Assessment(long participantId, Standing standing, LocalDate lastEntry, LocalDate dueOn,
        LocalDate deadline, LocalDate closedOn) {

    /** Where a case file stands for gallring. */
    public enum Standing {
        /** The case is open (or no case was ever raised): never offered. */
        OPEN,
        /** Closed, but the retention years have not yet run out since the last entry. */
        NOT_YET_DUE,
        /** Due, but marked to be kept (bevaras): not offered while marked. */
        KEPT,
        /** Due, but the person is in the research sample, which the law keeps: never offered. */
        RESEARCH_SAMPLE,
        /** Due: offered for gallring. */
        DUE
    }

    public boolean due() {
        return standing == Standing.DUE;
    }
}
