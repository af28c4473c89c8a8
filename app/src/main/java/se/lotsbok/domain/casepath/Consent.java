package se.lotsbok.domain.casepath;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Samtycke till sekretessgenombrott: which partners may share information about the participant,
 * from when and until when. A withdrawal is recorded as its own dated row and shown here.
 *
 * @param validUntil the last day the consent holds, or null for no end date
 * @param withdrawn the day the consent was withdrawn (no longer valid from that day), or null
 */
public record Consent(long id, long participantId, LocalDate given, LocalDate validUntil, Set<Partner> partners,
        List<GuardianConsent> guardians, LocalDate withdrawn, Instant recordedAt, String recordedBy) {

    /** A guardian's (vårdnadshavare's) consent, needed when the participant is under 18 at enrollment. */
    public record GuardianConsent(String name, LocalDate given) {
        public GuardianConsent {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(given, "given");
        }
    }

    public Consent {
        Objects.requireNonNull(given, "given");
        partners = partners.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(partners));
        guardians = List.copyOf(guardians);
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }

    /** Given by {@code date}, not yet past its last day, and not withdrawn on or before {@code date}. */
    public boolean validOn(LocalDate date) {
        return !given.isAfter(date)
                && (validUntil == null || !date.isAfter(validUntil))
                && (withdrawn == null || date.isBefore(withdrawn));
    }

    /** At least one guardian had consented by {@code date}. */
    public boolean guardianConsentOn(LocalDate date) {
        return guardians.stream().anyMatch(g -> !g.given().isAfter(date));
    }
}
