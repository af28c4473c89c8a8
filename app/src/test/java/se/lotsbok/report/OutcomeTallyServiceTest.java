package se.lotsbok.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.casepath.Situation.Housing;
import se.lotsbok.domain.casepath.Situation.Occupation;
import se.lotsbok.domain.casepath.Situation.SubstanceUse;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.report.OutcomeOrder;
import se.lotsbok.domain.report.OutcomeSettings;
import se.lotsbok.domain.report.OutcomeTally;
import se.lotsbok.domain.report.Ranking;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.report.TallyRow;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.casepath.CaseService;
import se.lotsbok.testing.PastRegister;
import se.lotsbok.testing.TestDatabases;

/**
 * The outcome measures, counted exactly on a register written through the services over 2025-2026
 * ("today" is 2026-11-25): the discharges of October 2026 with their situations, goals and days,
 * the follow-ups after discharge due in October, and the boundaries of the month and the case.
 */
class OutcomeTallyServiceTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path temp;

    private PastRegister past;
    private Session chef;
    private CaseService cases;
    private int serial = 100;

    @BeforeEach
    void register() {
        past = PastRegister.create(TestDatabases.folder(temp), LocalDate.of(2025, 1, 2));
        chef = past.chef();
        cases = chef.services().cases();
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void theDischargesOfTheMonthAreCountedWithTheirSituationsGoalsAndDays() {
        octoberRegister();

        Tally october = month(OCTOBER);

        // A, B, C and H were discharged in October (A on its last day); D on 1 November, E on 30
        // September, G's October discharge was annulled, F is still enrolled.
        assertThat(october.total("discharges")).isEqualTo(4);
        assertThat(split(october, "occupation_at_enrollment"))
                .containsExactly(e("total", 4), e("studies", 0), e("work", 1), e("internship", 1), e("none", 2),
                        e("unknown", 0));
        assertThat(split(october, "occupation_at_discharge"))
                .containsExactly(e("total", 4), e("studies", 1), e("work", 0), e("internship", 1), e("none", 1),
                        e("unknown", 1));
        assertThat(split(october, "housing_at_enrollment")).containsExactly(e("total", 4), e("own", 1), e("parents", 1),
                e("others", 0), e("institution", 2), e("none", 0), e("unknown", 0));
        assertThat(split(october, "substance_use_at_discharge"))
                .containsExactly(e("total", 4), e("yes", 1), e("no", 3), e("unknown", 0));

        // occupation: A none→internship better, B work→studies same level, C internship→none worse,
        // H none→unknown unknown; housing: A institution→institution, B parents→others (same level),
        // C own→none, H institution→parents; substance use: A yes→no, B no→yes, C unknown→no, H no→no.
        assertThat(split(october, "outcome_occupation")).containsExactly(e("total", 4), e("improved", 1),
                e("unchanged", 1), e("worsened", 1), e("unknown", 1));
        assertThat(split(october, "outcome_housing")).containsExactly(e("total", 4), e("improved", 1),
                e("unchanged", 2), e("worsened", 1), e("unknown", 0));
        assertThat(split(october, "outcome_substance_use")).containsExactly(e("total", 4), e("improved", 1),
                e("unchanged", 1), e("worsened", 1), e("unknown", 1));

        // A and H are women (A unga, H unga vuxna), B a man in unga vuxna, C a man in unga.
        assertThat(split(october, "outcome_occupation_improved_by_gender")).containsExactly(e("total", 1),
                e("man", 0), e("kvinna", 1), e("annat", 0), e("okant", 0));
        assertThat(split(october, "outcome_occupation_worsened_by_programme")).containsExactly(e("total", 1),
                e("unga", 1), e("unga_vuxna", 0));
        assertThat(split(october, "outcome_substance_use_worsened_by_gender")).containsEntry("man", 1L);
        assertThat(split(october, "outcome_housing_unchanged_by_programme")).containsExactly(e("total", 2),
                e("unga", 1), e("unga_vuxna", 1));

        // A: one goal met on the discharge day, one still ongoing then (not met only later); B: one
        // cancelled; H: one partly met, and one of an earlier case that is not this case's.
        assertThat(split(october, "goals_at_discharge")).containsExactly(e("total", 4), e("ongoing", 1), e("met", 1),
                e("partly_met", 1), e("not_met", 0), e("cancelled", 1));
        assertThat(split(october, "goals_at_discharge_by_life_area")).containsEntry("total", 4L)
                .containsEntry("occupation_education", 1L).containsEntry("housing", 1L).containsEntry("family", 1L)
                .containsEntry("substance_use", 1L).containsEntry("criminality", 0L);
        assertThat(split(october, "goals_met_at_discharge_by_life_area")).containsEntry("total", 1L)
                .containsEntry("occupation_education", 1L).containsEntry("housing", 0L);

        // Whole days enrolled: B 30, C 122, H 202, A 213; nearest rank.
        assertThat(split(october, OutcomeTally.ENROLLMENT_DAYS)).containsExactly(e("total", 4), e("p25", 30),
                e("median", 122), e("p75", 202));

        // The default order, as ranks.
        assertThat(split(october, "outcome_order_occupation")).containsExactly(e("total", 3), e("studies", 1),
                e("work", 1), e("internship", 2), e("none", 3));
        assertThat(split(october, "outcome_order_housing")).containsExactly(e("total", 4), e("own", 1),
                e("parents", 2), e("others", 2), e("institution", 3), e("none", 4));
        assertThat(split(october, "outcome_order_substance_use")).containsExactly(e("total", 2), e("yes", 2),
                e("no", 1));
    }

    @Test
    void aDischargeOnTheLastDayOfTheMonthBelongsToThatMonthAndNotTheNext() {
        octoberRegister();

        Tally november = month(OCTOBER.plusMonths(1));
        Tally september = month(OCTOBER.minusMonths(1));

        // November holds D only (discharged on its first day): unknown → work, none → own, no → unknown.
        assertThat(split(november, "outcome_occupation")).containsExactly(e("total", 1), e("improved", 0),
                e("unchanged", 0), e("worsened", 0), e("unknown", 1));
        assertThat(split(november, "outcome_housing")).containsEntry("improved", 1L);
        assertThat(november.value(OutcomeTally.ENROLLMENT_DAYS, "median")).contains(31L);
        // September holds E (30 September), studies → work: the same level.
        assertThat(split(september, "outcome_occupation")).containsEntry("total", 1L).containsEntry("unchanged", 1L);
    }

    @Test
    void theFollowUpsDueInTheMonthAreCountedWithTheShareReached() {
        octoberRegister();

        Tally october = month(OCTOBER);

        // J (due 10 October) reached, K (30 October) not reached, M (5 October) declined, L (20
        // October) not recorded yet; A's follow-up falls due only in April 2027.
        assertThat(split(october, OutcomeTally.FOLLOW_UP_DUE)).containsExactly(e("total", 4), e("reached", 1),
                e("not_reached", 1), e("declined", 1), e("not_recorded", 1));
        // J: none → work, parents → own, yes → yes between the discharge and the follow-up.
        assertThat(split(october, "occupation_at_followup")).containsExactly(e("total", 4), e("studies", 0),
                e("work", 1), e("internship", 0), e("none", 0), e("unknown", 3));
        assertThat(split(october, "outcome_occupation_followup")).containsExactly(e("total", 4), e("improved", 1),
                e("unchanged", 0), e("worsened", 0), e("unknown", 3));
        assertThat(split(october, "outcome_housing_followup")).containsEntry("improved", 1L);
        assertThat(split(october, "outcome_substance_use_followup")).containsEntry("unchanged", 1L);
        // E's (discharged 15 March) fell due on 15 September and was never recorded.
        assertThat(split(month(OCTOBER.minusMonths(1)), OutcomeTally.FOLLOW_UP_DUE)).containsExactly(e("total", 1),
                e("reached", 0), e("not_reached", 0), e("declined", 0), e("not_recorded", 1));
    }

    @Test
    void theYearIsTheSumOfItsMonthsForEveryCountAndItsOwnPercentiles() {
        octoberRegister();

        Tally year = chef.services().reports().year(chef.actor(), Year.of(2026));
        Map<String, Long> summed = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            for (TallyRow row : month(YearMonth.of(2026, m)).rows()) {
                if (OutcomeTally.kindOf(row.measure()) == OutcomeTally.Kind.COUNT && isOutcome(row.measure())) {
                    summed.merge(row.measure() + "/" + row.category(), row.value(), Long::sum);
                }
            }
        }

        Map<String, Long> yearly = new LinkedHashMap<>();
        year.rows().stream().filter(r -> OutcomeTally.kindOf(r.measure()) == OutcomeTally.Kind.COUNT
                && isOutcome(r.measure())).forEach(r -> yearly.put(r.measure() + "/" + r.category(), r.value()));
        assertThat(yearly).isEqualTo(summed);
        // 2026 discharges: E, J, K, L, M in the spring, E2 on 30 September, A, B, C, H in October, D in November.
        assertThat(year.total("outcome_occupation")).isEqualTo(11);
        assertThat(year.total(OutcomeTally.FOLLOW_UP_DUE)).isEqualTo(5);
    }

    @Test
    void anotherOrderChangesWhatCountsAsBetterAndTheTallySaysWhichItUsed() {
        octoberRegister();
        // A unit that ranks studies above work, and internship equal to work.
        Ranking<Occupation> studiesFirst = new Ranking<>(List.of(List.of(Occupation.STUDIES),
                List.of(Occupation.WORK, Occupation.INTERNSHIP), List.of(Occupation.NONE)), OutcomeOrder.OCCUPATIONS);
        chef.services().settings().saveOutcome(chef.actor(), new OutcomeSettings(6,
                new OutcomeOrder(studiesFirst, OutcomeOrder.DEFAULT.housing(), OutcomeOrder.DEFAULT.substanceUse())));

        Tally october = month(OCTOBER);

        // B work → studies is now better; A none → internship still better; C internship → none worse.
        assertThat(split(october, "outcome_occupation")).containsExactly(e("total", 4), e("improved", 2),
                e("unchanged", 0), e("worsened", 1), e("unknown", 1));
        assertThat(split(october, "outcome_order_occupation")).containsExactly(e("total", 3), e("studies", 1),
                e("work", 2), e("internship", 2), e("none", 3));
    }

    @Test
    void aFollowUpFallsDueTheSetMonthsAfterTheDischargeAndIsRecordedOnce() {
        chef.services().settings().saveOutcome(chef.actor(), new OutcomeSettings(3, OutcomeOrder.DEFAULT));
        long p = participant(Gender.MAN, Programme.YOUNG_ADULTS);
        enroll(p, LocalDate.of(2026, 1, 10), situation(Occupation.NONE, Housing.OWN, SubstanceUse.NO));
        discharge(p, LocalDate.of(2026, 5, 31), situation(Occupation.NONE, Housing.OWN, SubstanceUse.NO), true);
        past.today();
        CaseEvent discharge = cases.caseFile(chef.actor(), p).history().latest().orElseThrow();
        assertThat(discharge.followUpDue()).isEqualTo(LocalDate.of(2026, 8, 31));

        CaseResult reached = cases.recordFollowUp(chef.actor(), p, discharge.id(), LocalDate.of(2026, 9, 2),
                DischargeFollowUp.Result.REACHED, situation(Occupation.WORK, Housing.OWN, SubstanceUse.NO));
        CaseResult again = cases.recordFollowUp(chef.actor(), p, discharge.id(), LocalDate.of(2026, 9, 3),
                DischargeFollowUp.Result.NOT_REACHED, null);

        assertThat(reached).isInstanceOf(CaseResult.Done.class);
        assertThat(((CaseResult.Done) reached).file().followUps()).singleElement()
                .satisfies(f -> assertThat(f.situation().occupation()).isEqualTo(Occupation.WORK));
        assertThat(again).isEqualTo(new CaseResult.Refused(new se.lotsbok.domain.common.Refusal(
                "followup.refused.already")));
        assertThat(split(month(YearMonth.of(2026, 8)), OutcomeTally.FOLLOW_UP_DUE)).containsEntry("reached", 1L);
    }

    // ---- the register

    /**
     * The October 2026 register described in the tests: A, B, C, H discharged in October, D on 1
     * November, E on 30 September, G's October discharge annulled, F enrolled; J, K, L, M discharged
     * in April with a follow-up agreed (due in October); H also had an earlier case in 2025.
     */
    private void octoberRegister() {
        long h = participant(Gender.WOMAN, Programme.YOUNG_ADULTS);
        enroll(h, LocalDate.of(2025, 1, 20), situation(Occupation.NONE, Housing.OWN, SubstanceUse.NO));
        goal(h, LocalDate.of(2025, 2, 1), Goal.LifeArea.LEISURE, LocalDate.of(2025, 5, 1), Goal.Status.MET);
        discharge(h, LocalDate.of(2025, 6, 30), situation(Occupation.WORK, Housing.OWN, SubstanceUse.NO), false);

        long e = participant(Gender.MAN, Programme.YOUTH);
        enroll(e, LocalDate.of(2025, 11, 3), situation(Occupation.STUDIES, Housing.PARENTS, SubstanceUse.NO));
        discharge(e, LocalDate.of(2026, 3, 15), situation(Occupation.STUDIES, Housing.PARENTS, SubstanceUse.NO), true);

        long j = agreedInApril(LocalDate.of(2026, 4, 10), situation(Occupation.NONE, Housing.PARENTS, SubstanceUse.YES));
        long m = agreedInApril(LocalDate.of(2026, 4, 5), situation(Occupation.NONE, Housing.PARENTS, SubstanceUse.YES));
        long l = agreedInApril(LocalDate.of(2026, 4, 20), situation(Occupation.WORK, Housing.OWN, SubstanceUse.NO));
        long k = agreedInApril(LocalDate.of(2026, 4, 30), situation(Occupation.WORK, Housing.OWN, SubstanceUse.NO));
        assertThat(l).isPositive();

        long a = participant(Gender.WOMAN, Programme.YOUTH);
        enroll(a, LocalDate.of(2026, 4, 1), situation(Occupation.NONE, Housing.INSTITUTION, SubstanceUse.YES));
        goal(a, LocalDate.of(2026, 5, 1), Goal.LifeArea.OCCUPATION_EDUCATION, LocalDate.of(2026, 10, 31), Goal.Status.MET);
        long later = goal(a, LocalDate.of(2026, 5, 1), Goal.LifeArea.HOUSING, null, null);

        past.referred(h, LocalDate.of(2026, 3, 2));
        enrollReferred(h, LocalDate.of(2026, 4, 1), situation(Occupation.NONE, Housing.INSTITUTION, SubstanceUse.NO));
        goal(h, LocalDate.of(2026, 4, 2), Goal.LifeArea.SUBSTANCE_USE, LocalDate.of(2026, 10, 10), Goal.Status.PARTLY_MET);

        long c = participant(Gender.MAN, Programme.YOUTH);
        enroll(c, LocalDate.of(2026, 6, 15), situation(Occupation.INTERNSHIP, Housing.OWN, SubstanceUse.UNKNOWN));
        long d = participant(Gender.WOMAN, Programme.YOUNG_ADULTS);
        enroll(d, LocalDate.of(2026, 10, 1), situation(Occupation.UNKNOWN, Housing.NONE, SubstanceUse.NO));
        long f = participant(Gender.MAN, Programme.YOUTH);
        enroll(f, LocalDate.of(2026, 8, 1), situation(Occupation.NONE, Housing.NONE, SubstanceUse.YES));
        long g = participant(Gender.MAN, Programme.YOUTH);
        enroll(g, LocalDate.of(2026, 8, 1), situation(Occupation.NONE, Housing.NONE, SubstanceUse.YES));

        long b = participant(Gender.MAN, Programme.YOUNG_ADULTS);
        enroll(b, LocalDate.of(2026, 9, 1), situation(Occupation.WORK, Housing.PARENTS, SubstanceUse.NO));
        goal(b, LocalDate.of(2026, 9, 2), Goal.LifeArea.FAMILY, LocalDate.of(2026, 9, 20), Goal.Status.CANCELLED);

        long e2 = participant(Gender.MAN, Programme.YOUTH);
        enroll(e2, LocalDate.of(2026, 9, 1), situation(Occupation.STUDIES, Housing.OWN, SubstanceUse.NO));
        discharge(e2, LocalDate.of(2026, 9, 30), situation(Occupation.WORK, Housing.OWN, SubstanceUse.NO), false);

        discharge(b, LocalDate.of(2026, 10, 1), situation(Occupation.STUDIES, Housing.OTHERS, SubstanceUse.YES), false);
        followUp(m, LocalDate.of(2026, 10, 6), DischargeFollowUp.Result.DECLINED, null);
        followUp(j, LocalDate.of(2026, 10, 12), DischargeFollowUp.Result.REACHED,
                situation(Occupation.WORK, Housing.OWN, SubstanceUse.YES));
        discharge(c, LocalDate.of(2026, 10, 15), situation(Occupation.NONE, Housing.NONE, SubstanceUse.NO), false);
        discharge(g, LocalDate.of(2026, 10, 16), situation(Occupation.WORK, Housing.OWN, SubstanceUse.NO), false);
        PastRegister.done(cases.annul(chef.actor(), g, cases.caseFile(chef.actor(), g).history().latest().orElseThrow()
                .id(), "Fel deltagare"));
        discharge(h, LocalDate.of(2026, 10, 20), situation(Occupation.UNKNOWN, Housing.PARENTS, SubstanceUse.NO), false);
        discharge(a, LocalDate.of(2026, 10, 31), situation(Occupation.INTERNSHIP, Housing.INSTITUTION, SubstanceUse.NO),
                true);
        discharge(d, LocalDate.of(2026, 11, 1), situation(Occupation.WORK, Housing.OWN, SubstanceUse.UNKNOWN), false);
        followUp(k, LocalDate.of(2026, 11, 2), DischargeFollowUp.Result.NOT_REACHED, null);
        past.on(LocalDate.of(2026, 11, 5));
        PastRegister.done(cases.setGoalStatus(chef.actor(), a, later, Goal.Status.NOT_MET));
        past.today();
    }

    /** Enrolled on 1 December 2025, discharged on {@code discharged} with a follow-up agreed. */
    private long agreedInApril(LocalDate discharged, Situation atDischarge) {
        long id = participant(Gender.MAN, Programme.YOUNG_ADULTS);
        enroll(id, LocalDate.of(2025, 12, 1), situation(Occupation.NONE, Housing.PARENTS, SubstanceUse.YES));
        discharge(id, discharged, atDischarge, true);
        return id;
    }

    private long participant(Gender gender, Programme programme) {
        String birth = programme == Programme.YOUTH ? "20090615" : "20000615";
        return past.participant("P" + serial, "Utfall", birth, Integer.toString(serial++), gender, programme);
    }

    private void enroll(long id, LocalDate date, Situation situation) {
        past.referred(id, date.minusDays(1));
        enrollReferred(id, date, situation);
    }

    private void enrollReferred(long id, LocalDate date, Situation situation) {
        past.on(date);
        PastRegister.done(cases.recordConsent(chef.actor(), id, date.minusDays(1), null, EnumSet.of(Partner.POLICE),
                List.of(new Consent.GuardianConsent("Förälder", date.minusDays(1)))));
        past.move(id, Move.enrollment(date, situation));
    }

    private void discharge(long id, LocalDate date, Situation situation, boolean followUp) {
        past.on(date);
        past.move(id, followUp ? Move.dischargeWithFollowUp(date, DischargeReason.PLANNED_GOALS_MET, situation)
                : Move.discharge(date, DischargeReason.PLANNED_GOALS_MET, situation));
    }

    /** A goal added on {@code added}, with a status set on {@code on} (or none). */
    private long goal(long id, LocalDate added, Goal.LifeArea area, LocalDate on, Goal.Status status) {
        past.on(added);
        var file = ((CaseResult.Done) PastRegister.done(cases.addGoal(chef.actor(), id, area, "Ett mål", Partner.SCHOOL,
                added.plusMonths(3)))).file();
        long goal = file.goals().stream().mapToLong(Goal::id).max().orElseThrow();
        if (status != null) {
            past.on(on);
            PastRegister.done(cases.setGoalStatus(chef.actor(), id, goal, status));
        }
        return goal;
    }

    private void followUp(long id, LocalDate date, DischargeFollowUp.Result result, Situation situation) {
        past.on(date);
        CaseEvent discharge = cases.caseFile(chef.actor(), id).history().effective().stream()
                .filter(ev -> ev.status() == CaseStatus.DISCHARGED).reduce((x, y) -> y).orElseThrow();
        PastRegister.done(cases.recordFollowUp(chef.actor(), id, discharge.id(), date, result, situation));
    }

    private Tally month(YearMonth month) {
        return chef.services().reports().month(chef.actor(), month);
    }

    private static Situation situation(Occupation occupation, Housing housing, SubstanceUse use) {
        return new Situation(occupation, housing, use);
    }

    private static boolean isOutcome(String measure) {
        return OutcomeTally.FIELDS.stream().anyMatch(measure::contains) || measure.startsWith("goals_")
                && measure.contains("discharge") || measure.startsWith("followup") || measure.equals("enrollment_days");
    }

    /** The measure's rows, category to value, in their order. */
    private static Map<String, Long> split(Tally tally, String measure) {
        Map<String, Long> rows = new LinkedHashMap<>();
        tally.rows().stream().filter(r -> r.measure().equals(measure)).forEach(r -> rows.put(r.category(), r.value()));
        return rows;
    }

    private static Map.Entry<String, Long> e(String category, long value) {
        return Map.entry(category, value);
    }
}
