package se.lotsbok.domain.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.participant.AgeBand;
import se.lotsbok.domain.settings.RetentionSettings;

/** When a case file is due for gallring, by when, and which are exempt; the residue's birth date. */
class RetentionRuleTest {

    private static final RetentionSettings FIVE = RetentionSettings.DEFAULTS;
    private static final RetentionSettings SAMPLE = new RetentionSettings(5, true);
    private static final LocalDate BORN = LocalDate.of(2004, 7, 9);

    // ---- the last entry and the day it is due

    @Test
    void theLastEntryIsTheNewestOfTheEntriesAndTheCasePath() {
        RetentionCase file = new RetentionCase(1, BORN, history(
                move(1, LocalDate.of(2019, 3, 1), CaseStatus.REFERRED),
                move(2, LocalDate.of(2019, 9, 30), CaseStatus.CONTACTED_NOT_ENROLLED)),
                List.of(LocalDate.of(2019, 10, 2), LocalDate.of(2018, 1, 1)), false);
        assertThat(RetentionRule.lastEntry(file)).contains(LocalDate.of(2019, 10, 2));

        RetentionCase onlyPath = new RetentionCase(1, BORN, history(
                move(1, LocalDate.of(2019, 3, 1), CaseStatus.REFERRED),
                move(2, LocalDate.of(2019, 9, 30), CaseStatus.CONTACTED_NOT_ENROLLED)), List.of(), false);
        assertThat(RetentionRule.lastEntry(onlyPath)).contains(LocalDate.of(2019, 9, 30));
        assertThat(RetentionRule.lastEntry(new RetentionCase(1, BORN, CaseHistory.empty(), List.of(), false))).isEmpty();
    }

    @ParameterizedTest(name = "last entry {0}, {1} years, on {2}: due {3}")
    @CsvSource({
            "2020-03-10, 5, 2025-03-09, false",
            "2020-03-10, 5, 2025-03-10, true",
            "2020-03-10, 5, 2025-03-11, true",
            "2020-12-31, 5, 2025-12-30, false",
            "2020-12-31, 5, 2025-12-31, true",
            "2021-01-01, 5, 2025-12-31, false",
            "2021-01-01, 5, 2026-01-01, true",
            // 29 February: five years end on 28 February (lag 1930:173 1 §), eight years on 29 February.
            "2020-02-29, 5, 2025-02-27, false",
            "2020-02-29, 5, 2025-02-28, true",
            "2020-02-29, 8, 2028-02-28, false",
            "2020-02-29, 8, 2028-02-29, true",
            "2020-03-10, 7, 2027-03-09, false",
            "2020-03-10, 7, 2027-03-10, true",
    })
    void aCaseFileIsDueOnTheDayTheYearsHaveRunOut(LocalDate lastEntry, int years, LocalDate today, boolean due) {
        assertThat(RetentionRule.isDue(lastEntry, years, today)).isEqualTo(due);
        RetentionCase file = closedOn(lastEntry, BORN);
        assertThat(RetentionRule.assess(file, new RetentionSettings(years, false), today).standing())
                .isEqualTo(due ? Assessment.Standing.DUE : Assessment.Standing.NOT_YET_DUE);
    }

    @ParameterizedTest(name = "due on {0}: done by {1}")
    @CsvSource({
            "2025-01-01, 2026-12-31",
            "2025-06-15, 2026-12-31",
            "2025-12-31, 2026-12-31",
            "2026-01-01, 2027-12-31",
            "2025-02-28, 2026-12-31",
    })
    void gallringMustBeDoneByTheEndOfTheFollowingCalendarYear(LocalDate dueOn, LocalDate deadline) {
        assertThat(RetentionRule.deadline(dueOn)).isEqualTo(deadline);
    }

    @Test
    void theAssessmentCarriesTheDatesTheScreenShows() {
        RetentionCase file = new RetentionCase(7, BORN, history(
                move(1, LocalDate.of(2018, 5, 2), CaseStatus.REFERRED),
                move(2, LocalDate.of(2018, 6, 1), CaseStatus.ENROLLED),
                move(3, LocalDate.of(2019, 11, 20), CaseStatus.DISCHARGED)),
                List.of(LocalDate.of(2019, 12, 3)), false);

        Assessment a = RetentionRule.assess(file, FIVE, LocalDate.of(2026, 11, 25));

        assertThat(a).isEqualTo(new Assessment(7, Assessment.Standing.DUE, LocalDate.of(2019, 12, 3),
                LocalDate.of(2024, 12, 3), LocalDate.of(2025, 12, 31), LocalDate.of(2019, 11, 20)));
        assertThat(a.due()).isTrue();
    }

    // ---- only closed cases

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"REFERRED", "ASSESSMENT", "WAITING_LIST", "ENROLLED"})
    void anOpenCaseIsNeverOfferedHoweverOld(CaseStatus status) {
        RetentionCase file = new RetentionCase(1, BORN, history(move(1, LocalDate.of(2010, 1, 1), status)), List.of(),
                false);
        assertThat(RetentionRule.assess(file, FIVE, LocalDate.of(2026, 1, 1)).standing())
                .isEqualTo(Assessment.Standing.OPEN);
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"DISCHARGED", "CONTACTED_NOT_ENROLLED"})
    void bothWaysACaseEndsMakeItAClosedCase(CaseStatus status) {
        RetentionCase file = new RetentionCase(1, BORN, history(
                move(1, LocalDate.of(2010, 1, 1), CaseStatus.REFERRED),
                move(2, LocalDate.of(2010, 2, 1), status)), List.of(), false);
        assertThat(RetentionRule.assess(file, FIVE, LocalDate.of(2026, 1, 1)).standing())
                .isEqualTo(Assessment.Standing.DUE);
    }

    @Test
    void aNewReferralAfterTheEndOpensTheCaseAgain() {
        RetentionCase file = new RetentionCase(1, BORN, history(
                move(1, LocalDate.of(2010, 1, 1), CaseStatus.REFERRED),
                move(2, LocalDate.of(2010, 2, 1), CaseStatus.CONTACTED_NOT_ENROLLED),
                move(3, LocalDate.of(2011, 2, 1), CaseStatus.REFERRED)), List.of(), false);
        assertThat(RetentionRule.assess(file, FIVE, LocalDate.of(2026, 1, 1)).standing())
                .isEqualTo(Assessment.Standing.OPEN);
    }

    @Test
    void anAnnulledDischargeLeavesTheCaseOpen() {
        RetentionCase file = new RetentionCase(1, BORN, history(
                move(1, LocalDate.of(2010, 1, 1), CaseStatus.REFERRED),
                move(2, LocalDate.of(2010, 2, 1), CaseStatus.ENROLLED),
                move(3, LocalDate.of(2010, 5, 1), CaseStatus.DISCHARGED),
                annulment(4, LocalDate.of(2010, 5, 2), 3)), List.of(), false);
        assertThat(RetentionRule.assess(file, FIVE, LocalDate.of(2026, 1, 1)).standing())
                .isEqualTo(Assessment.Standing.OPEN);
    }

    @Test
    void aCaseFileWithoutACasePathIsNotOffered() {
        RetentionCase file = new RetentionCase(1, BORN, CaseHistory.empty(), List.of(LocalDate.of(2010, 1, 1)), false);
        assertThat(RetentionRule.assess(file, FIVE, LocalDate.of(2026, 1, 1)).standing())
                .isEqualTo(Assessment.Standing.OPEN);
    }

    // ---- exemptions

    @ParameterizedTest(name = "born on day {0}")
    @ValueSource(ints = {1, 4, 5, 6, 14, 15, 16, 24, 25, 26, 28, 31})
    void theResearchSampleKeepsThoseBornOnThe5th15thOr25thWhenTheMunicipalityIsInIt(int day) {
        LocalDate born = LocalDate.of(2003, 1, day);
        boolean sampleDay = day == 5 || day == 15 || day == 25;
        LocalDate today = LocalDate.of(2026, 1, 1);
        assertThat(RetentionRule.bornOnSampleDay(born)).isEqualTo(sampleDay);
        assertThat(RetentionRule.assess(closedOn(LocalDate.of(2015, 1, 1), born), SAMPLE, today).standing())
                .isEqualTo(sampleDay ? Assessment.Standing.RESEARCH_SAMPLE : Assessment.Standing.DUE);
        assertThat(RetentionRule.assess(closedOn(LocalDate.of(2015, 1, 1), born), FIVE, today).standing())
                .isEqualTo(Assessment.Standing.DUE);
    }

    @Test
    void theSampleDaysAreTheSameInEveryMonth() {
        for (Month month : Month.values()) {
            for (int day = 1; day <= month.minLength(); day++) {
                LocalDate born = LocalDate.of(2001, month, day);
                assertThat(RetentionRule.bornOnSampleDay(born)).as(born.toString())
                        .isEqualTo(day == 5 || day == 15 || day == 25);
            }
        }
    }

    @Test
    void aCaseFileMarkedToBeKeptIsNotOfferedButIsNotDueEarlierEither() {
        LocalDate today = LocalDate.of(2026, 1, 1);
        RetentionCase kept = new RetentionCase(1, LocalDate.of(2003, 1, 15), history(
                move(1, LocalDate.of(2014, 1, 1), CaseStatus.REFERRED),
                move(2, LocalDate.of(2015, 1, 1), CaseStatus.CONTACTED_NOT_ENROLLED)), List.of(), true);
        assertThat(RetentionRule.assess(kept, FIVE, today).standing()).isEqualTo(Assessment.Standing.KEPT);
        assertThat(RetentionRule.assess(kept, SAMPLE, today).standing()).isEqualTo(Assessment.Standing.KEPT);

        RetentionCase recent = new RetentionCase(1, BORN, history(
                move(1, LocalDate.of(2024, 1, 1), CaseStatus.REFERRED),
                move(2, LocalDate.of(2025, 1, 1), CaseStatus.CONTACTED_NOT_ENROLLED)), List.of(), true);
        assertThat(RetentionRule.assess(recent, FIVE, today).standing()).isEqualTo(Assessment.Standing.NOT_YET_DUE);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 0, -5, 100})
    void theSettingNeverAllowsFewerYearsThanTheLawsFive(int years) {
        assertThatThrownBy(() -> new RetentionSettings(years, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsAreFiveYearsOutsideTheSample() {
        assertThat(RetentionSettings.DEFAULTS).isEqualTo(new RetentionSettings(5, false));
        assertThat(new RetentionSettings(99, true).years()).isEqualTo(99);
    }

    // ---- properties over the space of dates

    @Test
    void onceDueACaseFileStaysDueAndItsDeadlineIsTheLastDayOfTheFollowingYear() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            LocalDate lastEntry = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000));
            int years = 5 + random.nextInt(6);
            LocalDate dueOn = RetentionRule.dueOn(lastEntry, years);
            LocalDate day = lastEntry.plusDays(random.nextInt(5000));
            boolean due = RetentionRule.isDue(lastEntry, years, day);
            assertThat(due).as(lastEntry + " +" + years + " on " + day).isEqualTo(!day.isBefore(dueOn));
            if (due) {
                assertThat(RetentionRule.isDue(lastEntry, years, day.plusDays(1 + random.nextInt(400)))).isTrue();
            }
            LocalDate deadline = RetentionRule.deadline(dueOn);
            assertThat(deadline.getYear()).isEqualTo(dueOn.getYear() + 1);
            assertThat(deadline.getMonth()).isEqualTo(Month.DECEMBER);
            assertThat(deadline.getDayOfMonth()).isEqualTo(31);
            // Never due before the years have run out, whatever the day of the year.
            assertThat(RetentionRule.isDue(lastEntry, years, lastEntry.plusYears(years).minusDays(1))).isFalse();
        }
    }

    @Test
    void theBoundUsedToLeaveOutCaseFilesNeverLeavesOutOneThatIsDue() {
        Random random = new Random(12);
        List<LocalDate> lastEntries = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            lastEntries.add(LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000)));
        }
        // Every 29 February and the days around it, where a year's length matters.
        for (int year = 2000; year <= 2024; year += 4) {
            for (int d = -3; d <= 3; d++) {
                lastEntries.add(LocalDate.of(year, 2, 29).plusDays(d));
            }
        }
        for (LocalDate lastEntry : lastEntries) {
            for (int years = 5; years <= 9; years++) {
                LocalDate dueOn = RetentionRule.dueOn(lastEntry, years);
                for (int d = -3; d <= 3; d++) {
                    LocalDate today = dueOn.plusDays(d);
                    if (RetentionRule.isDue(lastEntry, years, today)) {
                        assertThat(lastEntry).as(lastEntry + " +" + years + " on " + today)
                                .isBeforeOrEqualTo(RetentionRule.latestLastEntryThatMayBeDue(today, years));
                    }
                }
            }
        }
    }

    // ---- the residue's birth date

    @Test
    void theResidueKeepsYearAndMonthAndEveryAgeAtAMonthsEndStaysTheSame() {
        for (LocalDate born = LocalDate.of(1995, 1, 1); born.isBefore(LocalDate.of(2014, 1, 1)); born = born.plusDays(1)) {
            LocalDate residue = RetentionRule.residueBirthDate(born);
            assertThat(YearMonth.from(residue)).isEqualTo(YearMonth.from(born));
            boolean leapDay = born.getMonth() == Month.FEBRUARY && born.getDayOfMonth() == 29;
            assertThat(residue.getDayOfMonth()).isEqualTo(leapDay ? 29 : 1);
            for (YearMonth month = YearMonth.from(born); month.isBefore(YearMonth.from(born).plusYears(32));
                    month = month.plusMonths(1)) {
                LocalDate last = month.atEndOfMonth();
                if (AgeBand.ageOn(born, last) != AgeBand.ageOn(residue, last)) {
                    throw new AssertionError("born " + born + ": age on " + last + " differs for " + residue);
                }
            }
        }
    }

    @Test
    void the29thOfFebruaryIsTheOneBirthDayWhereTheFirstOfTheMonthWouldChangeAnAge() {
        LocalDate born = LocalDate.of(2008, 2, 29);
        LocalDate endOfFebruary = LocalDate.of(2026, 2, 28);
        assertThat(AgeBand.ageOn(born, endOfFebruary)).isEqualTo(17);
        assertThat(AgeBand.ageOn(LocalDate.of(2008, 2, 1), endOfFebruary)).isEqualTo(18);
        assertThat(RetentionRule.residueBirthDate(born)).isEqualTo(born);
    }

    // ---- helpers

    private static RetentionCase closedOn(LocalDate lastEntry, LocalDate born) {
        return new RetentionCase(1, born, history(
                move(1, lastEntry.minusDays(40), CaseStatus.REFERRED),
                move(2, lastEntry, CaseStatus.CONTACTED_NOT_ENROLLED)), List.of(), false);
    }

    private static CaseHistory history(CaseEvent... events) {
        return CaseHistory.of(List.of(events));
    }

    private static CaseEvent move(long id, LocalDate date, CaseStatus status) {
        return new CaseEvent(id, 1, date, status, null, null, null, null, null, "", Instant.EPOCH, "");
    }

    private static CaseEvent annulment(long id, LocalDate date, long annuls) {
        return new CaseEvent(id, 1, date, null, null, null, null, null, annuls, "", Instant.EPOCH, "");
    }
}
