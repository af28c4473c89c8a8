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
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.report.MonthlyTally;
import se.lotsbok.domain.report.RegisterSnapshot;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.store.Database;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The tallies read only the participants whose case can count in the period. On registers of
 * random case paths (re-referrals, annulments, waiting lists, closures; seeded, so a failure
 * repeats), every month and year counted from that narrowed reading equals the count from the
 * whole register, and the dashboard agrees with the single month.
 */
class SnapshotWindowTest {

    private static final Situation SITUATION = new Situation(Situation.Occupation.UNKNOWN, Situation.Housing.UNKNOWN,
            Situation.SubstanceUse.UNKNOWN);
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = TestDatabases.TODAY;

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyPeriodCountsTheSameFromTheNarrowedAndTheWholeRegister(long seed) {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            generate(chef, new Random(seed), 40);
        }
        try (Database db = register.openDirectly()) {
            RegisterSnapshot whole = db.transaction(repos -> repos.reports().snapshot(TestDatabases.UNIT_HEAD, "all",
                    LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31)));
            boolean narrowedSome = false;
            for (YearMonth m = YearMonth.from(START); !m.isAfter(YearMonth.from(END)); m = m.plusMonths(1)) {
                YearMonth month = m;
                RegisterSnapshot narrowed = db.transaction(repos -> repos.reports().snapshot(TestDatabases.UNIT_HEAD,
                        "month", month.atDay(1), month.atEndOfMonth()));
                assertThat(MonthlyTally.of(month, narrowed)).as(month.toString())
                        .isEqualTo(MonthlyTally.of(month, whole));
                assertThat(narrowed.cases().size()).isLessThanOrEqualTo(whole.cases().size());
                narrowedSome |= narrowed.cases().size() < whole.cases().size();
            }
            assertThat(narrowedSome).as("some month reads fewer participants than the whole register").isTrue();
            for (int y = START.getYear(); y <= END.getYear(); y++) {
                Year year = Year.of(y);
                RegisterSnapshot narrowed = db.transaction(repos -> repos.reports().snapshot(TestDatabases.UNIT_HEAD,
                        "year", year.atDay(1), year.atMonth(12).atEndOfMonth(), null, null));
                assertThat(MonthlyTally.yearly(year, narrowed)).isEqualTo(MonthlyTally.yearly(year, whole));
            }
        }
    }

    @Test
    void theDashboardsMonthEqualsTheMonthOnItsOwn() {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            generate(chef, new Random(9), 30);
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

    /** Random legal case paths through the services, with consents, goals, partners and annulments. */
    private static void generate(Session chef, Random random, int participants) {
        var cases = chef.services().cases();
        int span = (int) (END.toEpochDay() - START.toEpochDay());
        for (int i = 0; i < participants; i++) {
            ParticipantInput input = ParticipantInputs.valid().name("P" + i, "Test")
                    .identity(Pins.dashed("19990101", Integer.toString(100 + i))).build();
            long id = ((SaveOutcome.Saved) chef.services().participants().create(chef.actor(), input)).participant().id();
            LocalDate date = START.plusDays(random.nextInt(span));
            CaseStatus current = null;
            boolean partner = false;
            int steps = 1 + random.nextInt(7);
            for (int s = 0; s < steps && !date.isAfter(END); s++) {
                List<CaseStatus> next = new ArrayList<>(CaseTransitions.nextFrom(java.util.Optional.ofNullable(current)));
                next.sort(null);
                CaseStatus to = next.get(random.nextInt(next.size()));
                Move move = switch (to) {
                    case REFERRED -> Move.referral(date, ReferralSource.values()[random.nextInt(7)]);
                    case ENROLLED -> Move.enrollment(date, SITUATION);
                    case DISCHARGED -> Move.discharge(date, DischargeReason.values()[random.nextInt(6)], SITUATION);
                    case CONTACTED_NOT_ENROLLED -> Move.closure(date, ClosureReason.values()[random.nextInt(5)]);
                    case ASSESSMENT, WAITING_LIST -> Move.to(to, date);
                };
                if (to == CaseStatus.ENROLLED) {
                    done(cases.recordConsent(chef.actor(), id, date, null, EnumSet.allOf(Partner.class), List.of()));
                    if (random.nextBoolean()) {
                        done(cases.addGoal(chef.actor(), id, Goal.LifeArea.OCCUPATION_EDUCATION, "Mål", Partner.SCHOOL,
                                date.plusDays(random.nextInt(200))));
                    }
                    if (!partner && random.nextBoolean()) {
                        done(cases.addPartner(chef.actor(), id, Partner.POLICE, date));
                        partner = true;
                    }
                }
                CaseFile file = done(cases.move(chef.actor(), id, move));
                current = to;
                if (random.nextInt(6) == 0) {
                    done(cases.annul(chef.actor(), id, file.history().latest().orElseThrow().id(), "fel"));
                    current = file.history().all().size() > 1
                            ? cases.caseFile(chef.actor(), id).history().current().orElse(null) : null;
                }
                date = date.plusDays(random.nextInt(120));
            }
        }
    }

    private static CaseFile done(CaseResult result) {
        assertThat(result).isInstanceOf(CaseResult.Done.class);
        return ((CaseResult.Done) result).file();
    }
}
