package se.lotsbok.domain.casepath;

import se.lotsbok.domain.common.Refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentRulesTest {

    /** Turns 18 on 2026-12-01. */
    private static final LocalDate BORN = LocalDate.of(2008, 12, 1);
    private static final LocalDate GIVEN = LocalDate.of(2026, 10, 1);

    @Test
    void aMinorNeedsAGuardiansConsentAsWell() {
        LocalDate dayBefore18 = LocalDate.of(2026, 11, 30);
        assertThat(ConsentRules.checkEnrollment(List.of(consent(GIVEN, null, null)), BORN, dayBefore18))
                .contains(new Refusal("consent.refused.guardian", 17));
        assertThat(ConsentRules.checkEnrollment(List.of(consent(GIVEN, null, null,
                new Consent.GuardianConsent("Maria Berg", GIVEN))), BORN, dayBefore18)).isEmpty();
    }

    @Test
    void onTheEighteenthBirthdayTheParticipantsOwnConsentIsEnough() {
        assertThat(ConsentRules.checkEnrollment(List.of(consent(GIVEN, null, null)), BORN, LocalDate.of(2026, 12, 1)))
                .isEmpty();
    }

    @Test
    void aGuardiansConsentGivenAfterTheEnrollmentDateDoesNotCount() {
        LocalDate enrollment = LocalDate.of(2026, 10, 10);
        Consent late = consent(GIVEN, null, null, new Consent.GuardianConsent("Maria Berg", enrollment.plusDays(1)));
        assertThat(ConsentRules.checkEnrollment(List.of(late), BORN, enrollment))
                .contains(new Refusal("consent.refused.guardian", 17));
    }

    @Test
    void theConsentOfAMinorStaysValidAfterTheEighteenthBirthday() {
        Consent withGuardian = consent(GIVEN, null, null, new Consent.GuardianConsent("Maria Berg", GIVEN));
        assertThat(ConsentRules.checkEnrollment(List.of(withGuardian), BORN, LocalDate.of(2026, 11, 1))).isEmpty();
        assertThat(ConsentRules.standingOn(List.of(withGuardian), LocalDate.of(2027, 6, 1)).state())
                .isEqualTo(ConsentRules.State.VALID);
    }

    @ParameterizedTest(name = "valid until 2027-03-31, on {0}: {1}")
    @CsvSource({"2027-03-30, true", "2027-03-31, true", "2027-04-01, false"})
    void aConsentHoldsThroughItsLastDay(LocalDate day, boolean valid) {
        assertThat(consent(GIVEN, LocalDate.of(2027, 3, 31), null).validOn(day)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "withdrawn 2026-11-20, on {0}: {1}")
    @CsvSource({"2026-11-19, true", "2026-11-20, false", "2026-12-01, false"})
    void aWithdrawnConsentNoLongerHoldsFromTheDayOfWithdrawal(LocalDate day, boolean valid) {
        assertThat(consent(GIVEN, null, LocalDate.of(2026, 11, 20)).validOn(day)).isEqualTo(valid);
    }

    @Test
    void aConsentNotYetGivenDoesNotHold() {
        assertThat(consent(GIVEN, null, null).validOn(GIVEN.minusDays(1))).isFalse();
    }

    @ParameterizedTest(name = "today {0}: {1}")
    @CsvSource({
            "2027-03-01, EXPIRING", // 30 days left
            "2027-02-28, VALID",    // 31 days left
            "2027-03-31, EXPIRING", // the last day
            "2027-04-01, EXPIRED",
    })
    void expiringWithinThirtyDaysOnTheBoundary(LocalDate today, ConsentRules.State state) {
        assertThat(ConsentRules.standingOn(List.of(consent(GIVEN, LocalDate.of(2027, 3, 31), null)), today).state())
                .isEqualTo(state);
    }

    @Test
    void withdrawnAndExpiredAndMissingConsentsNameTheirState() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        assertThat(ConsentRules.standingOn(List.of(consent(GIVEN, null, LocalDate.of(2026, 11, 20))), today))
                .isEqualTo(new ConsentRules.Standing(ConsentRules.State.WITHDRAWN, LocalDate.of(2026, 11, 20)));
        assertThat(ConsentRules.standingOn(List.of(), today).state()).isEqualTo(ConsentRules.State.NONE);
        assertThat(ConsentRules.checkEnrollment(List.of(consent(GIVEN, null, LocalDate.of(2026, 11, 20))),
                LocalDate.of(1990, 1, 1), today)).contains(new Refusal("consent.refused.withdrawn", LocalDate.of(2026, 11, 20)));
        assertThat(ConsentRules.checkEnrollment(List.of(consent(GIVEN, LocalDate.of(2026, 11, 1), null)),
                LocalDate.of(1990, 1, 1), today)).contains(new Refusal("consent.refused.expired", LocalDate.of(2026, 11, 1)));
        assertThat(ConsentRules.checkEnrollment(List.of(), LocalDate.of(1990, 1, 1), today))
                .contains(new Refusal("consent.refused.missing"));
    }

    @Test
    void aNewConsentAfterAWithdrawalMakesItValidAgain() {
        LocalDate today = LocalDate.of(2026, 12, 10);
        List<Consent> consents = List.of(consent(GIVEN, null, LocalDate.of(2026, 11, 20)),
                new Consent(2, 1, LocalDate.of(2026, 12, 5), null, Set.of(Partner.SCHOOL), List.of(), null,
                        Instant.EPOCH, "chef"));
        assertThat(ConsentRules.standingOn(consents, today).state()).isEqualTo(ConsentRules.State.VALID);
    }

    private static Consent consent(LocalDate given, LocalDate until, LocalDate withdrawn,
            Consent.GuardianConsent... guardians) {
        return new Consent(1, 1, given, until, Set.of(Partner.POLICE, Partner.SCHOOL), List.of(guardians), withdrawn,
                Instant.EPOCH, "chef");
    }
}
