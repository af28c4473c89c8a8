package se.lotsbok.domain.casepath;

import java.time.LocalDate;
import java.util.Objects;
import se.lotsbok.domain.common.TypedText;

/**
 * A move the user asks for: to {@code status} on {@code date}, with what that status needs. A value
 * the status does not take (a closure reason on a referral, say) is dropped: a row records only what
 * belongs to its step. {@code followUpAgreed}, for a discharge, records that the participant agreed
 * to be contacted for a follow-up after it.
 */
public record Move(CaseStatus status, LocalDate date, ReferralSource source, DischargeReason dischargeReason,
        ClosureReason closureReason, Situation situation, String note, boolean followUpAgreed) {

    /** A move without a follow-up agreement. */
    public Move(CaseStatus status, LocalDate date, ReferralSource source, DischargeReason dischargeReason,
            ClosureReason closureReason, Situation situation, String note) {
        this(status, date, source, dischargeReason, closureReason, situation, note, false);
    }

    public Move {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(date, "date");
        source = status.takesSource() ? source : null;
        dischargeReason = status.takesDischargeReason() ? dischargeReason : null;
        closureReason = status.takesClosureReason() ? closureReason : null;
        situation = status.takesSituation() ? situation : null;
        note = TypedText.strip(note);
    }

    public static Move referral(LocalDate date, ReferralSource source) {
        return new Move(CaseStatus.REFERRED, date, source, null, null, null, "");
    }

    public static Move to(CaseStatus status, LocalDate date) {
        return new Move(status, date, null, null, null, null, "");
    }

    public static Move enrollment(LocalDate date, Situation situation) {
        return new Move(CaseStatus.ENROLLED, date, null, null, null, situation, "");
    }

    public static Move discharge(LocalDate date, DischargeReason reason, Situation situation) {
        return new Move(CaseStatus.DISCHARGED, date, null, reason, null, situation, "");
    }

    /** A discharge after which the participant agreed to be contacted for a follow-up. */
    public static Move dischargeWithFollowUp(LocalDate date, DischargeReason reason, Situation situation) {
        return new Move(CaseStatus.DISCHARGED, date, null, reason, null, situation, "", true);
    }

    public static Move closure(LocalDate date, ClosureReason reason) {
        return new Move(CaseStatus.CONTACTED_NOT_ENROLLED, date, null, null, reason, null, "");
    }
}
