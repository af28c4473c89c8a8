package se.lotsbok.domain.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import se.lotsbok.domain.casepath.CaseHistory;

/**
 * A participant's case file as gallring sees it.
 *
 * @param birthDate the birth date as recorded (from the identity number, or as entered)
 * @param history the case path, to tell whether the case is closed and since when
 * @param entries the date of every entry in the case file: each dated row's own date (a move, a
 *     consent, a withdrawal, an assignment, a partner's start, a goal's status, a meeting) and the
 *     day it was written down, in the unit's time zone; the newest of them is the last entry
 * @param kept whether the unit head has marked the case file to be kept (bevaras)
 */
public record RetentionCase(long participantId, LocalDate birthDate, CaseHistory history, List<LocalDate> entries,
        boolean kept) {

    public RetentionCase {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(history, "history");
        entries = List.copyOf(entries);
    }
}
