package se.lotsbok.domain.casepath;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import se.lotsbok.domain.common.DateLimits;
import se.lotsbok.domain.common.Refusal;

/**
 * The follow-up after discharge: which discharges still wait for theirs, and what a recorded
 * follow-up must satisfy. A follow-up belongs to a discharge (not annulled) that the participant
 * agreed to be contacted after; it is dated on or after the discharge and not in the future, and
 * carries the situation when, and only when, the person was reached. One per discharge.
 */
public final class FollowUpRules {

    private FollowUpRules() {
    }

    /** The discharges with a follow-up agreed and none recorded yet, oldest due first. */
    public static List<CaseEvent> pending(CaseHistory history, List<DischargeFollowUp> recorded) {
        Set<Long> done = recorded.stream().map(DischargeFollowUp::dischargeEventId).collect(Collectors.toSet());
        return history.effective().stream()
                .filter(e -> e.followUpDue() != null && !done.contains(e.id()))
                .sorted(java.util.Comparator.comparing(CaseEvent::followUpDue))
                .toList();
    }

    /** Why this follow-up cannot be recorded, or empty. */
    public static Optional<Refusal> check(CaseHistory history, List<DischargeFollowUp> recorded, long dischargeEventId,
            LocalDate date, DischargeFollowUp.Result result, Situation situation, LocalDate today) {
        Optional<CaseEvent> discharge = history.effective().stream().filter(e -> e.id() == dischargeEventId).findFirst();
        if (discharge.isEmpty() || discharge.get().followUpDue() == null) {
            return Optional.of(new Refusal("followup.refused.notAgreed"));
        }
        if (recorded.stream().anyMatch(f -> f.dischargeEventId() == dischargeEventId)) {
            return Optional.of(new Refusal("followup.refused.already"));
        }
        if (date == null || result == null) {
            return Optional.of(new Refusal("followup.refused.missing"));
        }
        if (date.isAfter(today)) {
            return Optional.of(new Refusal("case.refused.future", date));
        }
        if (date.isBefore(discharge.get().date())) {
            return Optional.of(new Refusal("followup.refused.beforeDischarge", discharge.get().date()));
        }
        Optional<Refusal> implausible = DateLimits.check(date, today);
        if (implausible.isPresent()) {
            return implausible;
        }
        if ((result == DischargeFollowUp.Result.REACHED) != (situation != null)) {
            return Optional.of(new Refusal(situation == null ? "followup.refused.situation"
                    : "followup.refused.situationNotReached"));
        }
        return Optional.empty();
    }
}
