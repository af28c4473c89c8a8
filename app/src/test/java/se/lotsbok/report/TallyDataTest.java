package se.lotsbok.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.CaseTransitions;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.FollowUpRules;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.RandomCasePaths;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The tallies count from register rows kept in memory and brought up to date by reading again only
 * the participants whose rows changed. On registers of random case paths (re-referrals,
 * annulments, waiting lists, closures, consents withdrawn, goals met, situations at enrollment and
 * discharge, follow-ups after discharge; seeded, so a failure
 * repeats), every month and year counted that way equals the count from a fresh reading of the
 * whole register, after further changes too, and the dashboard agrees with the single month.
 */
class TallyDataTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = TestDatabases.TODAY;

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void countsFromTheKeptRowsEqualCountsFromAFreshReadingAfterEveryRoundOfChanges(long seed) {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        Random random = new Random(seed);
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            ReportService kept = chef.services().reports();
            int serial = 0;
            for (int round = 0; round < 3; round++) {
                serial = generate(chef, random, 15, serial);
                change(chef, random);
                try (Session fresh = register.login("chef")) {
                    ReportService whole = fresh.services().reports();
                    for (YearMonth m = YearMonth.from(START); !m.isAfter(YearMonth.from(END)); m = m.plusMonths(1)) {
                        assertThat(kept.month(chef.actor(), m)).as(m + " after round " + round)
                                .isEqualTo(whole.month(fresh.actor(), m));
                    }
                    for (int y = START.getYear(); y <= END.getYear(); y++) {
                        assertThat(kept.year(chef.actor(), Year.of(y))).isEqualTo(whole.year(fresh.actor(), Year.of(y)));
                    }
                }
            }
            assertThat(kept.fullReads()).as("later rounds read only what changed").isEqualTo(1);
        }
    }

    @Test
    void aChangeMadeByAnotherProgramIsCountedToo() {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            generate(chef, new Random(4), 10, 0);
            ReportService reports = chef.services().reports();
            YearMonth october = YearMonth.of(2026, 10);
            long before = reports.month(chef.actor(), october).total("referrals");
            try (Session other = register.login("chef")) {
                ParticipantInput input = ParticipantInputs.valid().name("Ny", "Person")
                        .identity(Pins.dashed("19980101", "777")).build();
                long id = ((SaveOutcome.Saved) other.services().participants().create(other.actor(), input))
                        .participant().id();
                done(other.services().cases().move(other.actor(), id,
                        Move.referral(LocalDate.of(2026, 10, 5), ReferralSource.POLICE)));
            }
            assertThat(reports.month(chef.actor(), october).total("referrals")).isEqualTo(before + 1);
        }
    }

    @Test
    void aFollowUpRecordedAfterTheMonthWasCountedIsCountedToo() {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            var cases = chef.services().cases();
            ParticipantInput input = ParticipantInputs.valid().name("Ny", "Person")
                    .identity(Pins.dashed("19980101", "777")).build();
            long id = ((SaveOutcome.Saved) chef.services().participants().create(chef.actor(), input))
                    .participant().id();
            done(cases.move(chef.actor(), id, Move.referral(LocalDate.of(2026, 1, 5), ReferralSource.POLICE)));
            done(cases.recordConsent(chef.actor(), id, LocalDate.of(2026, 1, 10), null, EnumSet.allOf(Partner.class),
                    List.of()));
            done(cases.move(chef.actor(), id, Move.enrollment(LocalDate.of(2026, 1, 10), RandomCasePaths.situation(new Random(1)))));
            CaseFile file = done(cases.move(chef.actor(), id, Move.dischargeWithFollowUp(LocalDate.of(2026, 3, 10),
                    DischargeReason.PLANNED_GOALS_MET, RandomCasePaths.situation(new Random(2)))));
            ReportService reports = chef.services().reports();
            YearMonth september = YearMonth.of(2026, 9);
            assertThat(reports.month(chef.actor(), september).value("followup_due", "not_recorded")).contains(1L);

            done(cases.recordFollowUp(chef.actor(), id, file.history().latest().orElseThrow().id(), END,
                    DischargeFollowUp.Result.REACHED, RandomCasePaths.situation(new Random(3))));

            assertThat(reports.month(chef.actor(), september).value("followup_due", "reached")).contains(1L);
            assertThat(reports.fullReads()).as("read again from the change record, not whole").isEqualTo(1);
        }
    }

    @Test
    void theDashboardsMonthEqualsTheMonthOnItsOwn() {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            generate(chef, new Random(9), 30, 0);
            ReportService reports = chef.services().reports();
            for (YearMonth month : List.of(YearMonth.of(2025, 3), YearMonth.of(2026, 1), YearMonth.of(2026, 10))) {
                ReportService.Dashboard dashboard = reports.dashboard(chef.actor(), month, p -> { });
                assertThat(dashboard.tally()).isEqualTo(reports.month(chef.actor(), month));
                assertThat(dashboard.years().getFirst()).isEqualTo(reports.year(chef.actor(), Year.of(month.getYear())));
                for (ReportService.MonthPoint point : dashboard.trend()) {
                    assertThat(point.enrolledAtEnd()).as(point.month().toString())
                            .isEqualTo(reports.month(chef.actor(), point.month()).total("enrolled_at_end"));
                }
            }
        }
    }

    /**
     * Changes to rows already there: consents withdrawn, goals met, partners ended, follow-ups after
     * discharge recorded, a participant edited.
     */
    private static void change(Session chef, Random random) {
        var cases = chef.services().cases();
        for (var p : chef.services().participants().list(chef.actor())) {
            if (random.nextInt(3) > 0) {
                continue;
            }
            // One kind of change per participant, so that each kind must be noticed on its own.
            CaseFile file = cases.caseFile(chef.actor(), p.id());
            switch (random.nextInt(5)) {
                case 0 -> file.consents().stream().filter(c -> c.withdrawn() == null).findFirst().ifPresent(c ->
                        cases.withdrawConsent(chef.actor(), p.id(), c.id(), END.minusDays(random.nextInt(300))));
                case 1 -> file.goals().stream().findFirst()
                        .ifPresent(g -> cases.setGoalStatus(chef.actor(), p.id(), g.id(), Goal.Status.MET));
                case 2 -> file.partners().stream().filter(x -> x.to() == null).findFirst()
                        .ifPresent(x -> cases.endPartner(chef.actor(), p.id(), x.id(), END.minusDays(random.nextInt(300))));
                case 3 -> FollowUpRules.pending(file.history(), file.followUps()).stream().findFirst()
                        .ifPresent(d -> cases.recordFollowUp(chef.actor(), p.id(), d.id(), END,
                                DischargeFollowUp.Result.REACHED, RandomCasePaths.situation(random)));
                default -> {
                    var participant = chef.services().participants().open(chef.actor(), p.id()).orElseThrow();
                    chef.services().participants().update(chef.actor(), p.id(), participant.version(),
                            ParticipantInput.of(new se.lotsbok.domain.participant.ParticipantData(
                                    participant.data().firstName(), participant.data().lastName(),
                                    participant.data().identityNumber(), participant.data().birthDate(),
                                    se.lotsbok.domain.participant.Gender.WOMAN, participant.data().programme(),
                                    "", "", "")));
                }
            }
        }
    }

    /** Random legal case paths through the services, with consents, goals, partners and annulments. */
    private static int generate(Session chef, Random random, int participants, int serial) {
        for (int i = serial; i < serial + participants; i++) {
            ParticipantInput input = ParticipantInputs.valid().name("P" + i, "Test")
                    .identity(Pins.dashed("19990101", Integer.toString(100 + i))).build();
            long id = ((SaveOutcome.Saved) chef.services().participants().create(chef.actor(), input)).participant().id();
            RandomCasePaths.walk(chef, random, id, START, END);
        }
        return serial + participants;
    }

    private static CaseFile done(CaseResult result) {
        assertThat(result).isInstanceOf(CaseResult.Done.class);
        return ((CaseResult.Done) result).file();
    }
}
