package se.lotsbok.domain.casepath;

import se.lotsbok.domain.common.Refusal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import se.lotsbok.domain.participant.AgeBand;

/**
 * The consent gate: no enrollment without a valid consent, plus a guardian's when the participant is
 * under 18 on the enrollment date (that consent stays valid after the 18th birthday).
 */
public final class ConsentRules {

    public static final int ADULT_AGE = 18;
    /** A consent ending within this many days is flagged as expiring. */
    public static final int WARNING_DAYS = 30;

    /** How the participant's consent stands on a day. */
    public enum State {
        NONE,
        VALID,
        EXPIRING,
        EXPIRED,
        WITHDRAWN
    }

    /** The state and, for expiring, expired or withdrawn, the day that matters. */
    public record Standing(State state, LocalDate date) {
    }

    private ConsentRules() {
    }

    /**
     * Why enrollment on {@code date} is not possible yet, or empty when the consents allow it.
     * The refusal names what is missing.
     */
    public static Optional<Refusal> checkEnrollment(List<Consent> consents, LocalDate birthDate, LocalDate date) {
        List<Consent> valid = consents.stream().filter(c -> c.validOn(date)).toList();
        if (valid.isEmpty()) {
            Standing standing = standingOn(consents, date);
            return Optional.of(switch (standing.state()) {
                case WITHDRAWN -> new Refusal("consent.refused.withdrawn", standing.date());
                case EXPIRED -> new Refusal("consent.refused.expired", standing.date());
                default -> new Refusal("consent.refused.missing");
            });
        }
        int age = AgeBand.ageOn(birthDate, date);
        if (age < ADULT_AGE && valid.stream().noneMatch(c -> c.guardianConsentOn(date))) {
            return Optional.of(new Refusal("consent.refused.guardian", age));
        }
        return Optional.empty();
    }

    /** How the consent stands on {@code today}: valid, ending within 30 days, expired, withdrawn or none. */
    public static Standing standingOn(List<Consent> consents, LocalDate today) {
        Optional<Consent> valid = consents.stream().filter(c -> c.validOn(today))
                .max(Comparator.comparing(c -> c.validUntil() == null ? LocalDate.MAX : c.validUntil()));
        if (valid.isPresent()) {
            LocalDate end = valid.get().validUntil();
            if (end != null && ChronoUnit.DAYS.between(today, end) <= WARNING_DAYS) {
                return new Standing(State.EXPIRING, end);
            }
            return new Standing(State.VALID, end);
        }
        Optional<Consent> latest = consents.stream().filter(c -> !c.given().isAfter(today))
                .max(Comparator.comparing(Consent::given).thenComparingLong(Consent::id));
        if (latest.isEmpty()) {
            return new Standing(State.NONE, null);
        }
        Consent last = latest.get();
        if (last.withdrawn() != null && !today.isBefore(last.withdrawn())) {
            return new Standing(State.WITHDRAWN, last.withdrawn());
        }
        return new Standing(State.EXPIRED, last.validUntil());
    }

    /** True when the consent needs attention: ending within 30 days, expired or withdrawn. */
    public static boolean needsAttention(Standing standing) {
        return standing.state() == State.EXPIRING || standing.state() == State.EXPIRED
                || standing.state() == State.WITHDRAWN;
    }
}
