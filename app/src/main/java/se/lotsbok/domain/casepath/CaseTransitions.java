package se.lotsbok.domain.casepath;

import se.lotsbok.domain.common.Refusal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.lotsbok.domain.common.DateLimits;

/**
 * The legal moves of a case: referral, then optionally assessment and the waiting list, then
 * enrollment and discharge; from any step before enrollment the case may close as contacted, not
 * enrolled. After either ending a new referral starts a new case. Nothing moves backwards: a
 * mistake is undone by annulling the latest move.
 */
public final class CaseTransitions {

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = new EnumMap<>(CaseStatus.class);

    static {
        NEXT.put(CaseStatus.REFERRED, EnumSet.of(CaseStatus.ASSESSMENT, CaseStatus.WAITING_LIST,
                CaseStatus.ENROLLED, CaseStatus.CONTACTED_NOT_ENROLLED));
        NEXT.put(CaseStatus.ASSESSMENT, EnumSet.of(CaseStatus.WAITING_LIST, CaseStatus.ENROLLED,
                CaseStatus.CONTACTED_NOT_ENROLLED));
        NEXT.put(CaseStatus.WAITING_LIST, EnumSet.of(CaseStatus.ENROLLED, CaseStatus.CONTACTED_NOT_ENROLLED));
        NEXT.put(CaseStatus.ENROLLED, EnumSet.of(CaseStatus.DISCHARGED));
        NEXT.put(CaseStatus.DISCHARGED, EnumSet.of(CaseStatus.REFERRED));
        NEXT.put(CaseStatus.CONTACTED_NOT_ENROLLED, EnumSet.of(CaseStatus.REFERRED));
    }

    private CaseTransitions() {
    }

    /** The statuses a case may move to from {@code from}; from no case, only a referral. */
    public static Set<CaseStatus> nextFrom(Optional<CaseStatus> from) {
        return from.map(s -> Set.copyOf(NEXT.get(s))).orElse(Set.of(CaseStatus.REFERRED));
    }

    public static boolean allowed(Optional<CaseStatus> from, CaseStatus to) {
        return nextFrom(from).contains(to);
    }

    /**
     * Checks a move against the history, the calendar, what the move must carry, and, for an
     * enrollment, the consent gate. Empty when the move may be recorded.
     */
    public static Optional<Refusal> check(CaseHistory history, Move move, LocalDate today, List<Consent> consents,
            LocalDate birthDate) {
        Optional<CaseStatus> current = history.current();
        if (!allowed(current, move.status())) {
            return Optional.of(current.isEmpty()
                    ? new Refusal("case.refused.noCase", move.status())
                    : new Refusal("case.refused.illegal", current.get(), move.status()));
        }
        if (move.date().isAfter(today)) {
            return Optional.of(new Refusal("case.refused.future", move.date()));
        }
        Optional<Refusal> implausible = DateLimits.check(move.date(), today);
        if (implausible.isPresent()) {
            return implausible;
        }
        Optional<LocalDate> latest = history.latest().map(CaseEvent::date);
        if (latest.isPresent() && move.date().isBefore(latest.get())) {
            return Optional.of(new Refusal("case.refused.beforeLatest", latest.get()));
        }
        Optional<Refusal> missing = switch (move.status()) {
            case REFERRED -> move.source() == null ? Optional.of(new Refusal("case.refused.source")) : Optional.empty();
            case DISCHARGED -> move.dischargeReason() == null ? Optional.of(new Refusal("case.refused.reason"))
                    : move.situation() == null ? Optional.of(new Refusal("case.refused.situation")) : Optional.empty();
            case CONTACTED_NOT_ENROLLED -> move.closureReason() == null
                    ? Optional.of(new Refusal("case.refused.reason")) : Optional.empty();
            case ENROLLED -> move.situation() == null ? Optional.of(new Refusal("case.refused.situation"))
                    : ConsentRules.checkEnrollment(consents, birthDate, move.date());
            case ASSESSMENT, WAITING_LIST -> Optional.empty();
        };
        return missing;
    }

    /** Only the latest move can be annulled, so the path that remains is always a legal one. */
    public static Optional<Refusal> checkAnnulment(CaseHistory history, long eventId) {
        Optional<CaseEvent> latest = history.latest();
        if (latest.isEmpty() || latest.get().id() != eventId) {
            return Optional.of(new Refusal("case.refused.annulNotLatest"));
        }
        return Optional.empty();
    }
}
