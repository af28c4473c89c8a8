package se.lotsbok.domain.casepath;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated row of a participant's case history. Rows are never changed or deleted: a mistaken move
 * is undone by an annulment row ({@code annulledBy} on the original, {@code annuls} on the
 * annulment) that is itself dated and signed, and both stay readable.
 *
 * @param status the status moved to; null for an annulment row
 * @param source for a referral
 * @param dischargeReason for a discharge
 * @param closureReason for a closure without enrollment
 * @param situation at enrollment and at discharge
 * @param followUpDue for a discharge the participant agreed to be contacted after: when the
 *     follow-up after discharge is due (null otherwise)
 */
public record CaseEvent(
        long id,
        long participantId,
        LocalDate date,
        CaseStatus status,
        ReferralSource source,
        DischargeReason dischargeReason,
        ClosureReason closureReason,
        Situation situation,
        Long annuls,
        String note,
        Instant recordedAt,
        String recordedBy,
        LocalDate followUpDue) {

    /** A row without a follow-up after discharge. */
    public CaseEvent(long id, long participantId, LocalDate date, CaseStatus status, ReferralSource source,
            DischargeReason dischargeReason, ClosureReason closureReason, Situation situation, Long annuls, String note,
            Instant recordedAt, String recordedBy) {
        this(id, participantId, date, status, source, dischargeReason, closureReason, situation, annuls, note,
                recordedAt, recordedBy, null);
    }

    public CaseEvent {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
        if ((status == null) == (annuls == null)) {
            throw new IllegalArgumentException("a row is either a move (status) or an annulment (annuls)");
        }
        if (followUpDue != null && status != CaseStatus.DISCHARGED) {
            throw new IllegalArgumentException("only a discharge has a follow-up after it");
        }
    }

    public boolean isAnnulment() {
        return annuls != null;
    }
}
