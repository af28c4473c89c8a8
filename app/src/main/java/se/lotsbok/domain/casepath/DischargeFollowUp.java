package se.lotsbok.domain.casepath;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The follow-up after a discharge the participant agreed to: on {@code date} the lots reached the
 * person and recorded the situation again, or could not reach them, or the person declined. One per
 * discharge; like every row of the case file it is added, never changed.
 *
 * @param situation the situation on {@code date}; only when the person was reached
 */
public record DischargeFollowUp(long id, long participantId, long dischargeEventId, LocalDate date, Result result,
        Situation situation, Instant recordedAt, String recordedBy) {

    /** How the follow-up went. */
    public enum Result {
        REACHED,
        NOT_REACHED,
        DECLINED
    }

    public DischargeFollowUp {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
        if ((result == Result.REACHED) != (situation != null)) {
            throw new IllegalArgumentException("a situation is recorded when, and only when, the person was reached");
        }
    }
}
