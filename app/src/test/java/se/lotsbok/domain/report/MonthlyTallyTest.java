package se.lotsbok.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.navigator.Assignment;
import se.lotsbok.domain.navigator.AssignmentHistory;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;

/** Each measure on hand-built histories, with the boundary days of October 2026 (1st and 31st). */
class MonthlyTallyTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final LocalDate FIRST = OCTOBER.atDay(1);
    private static final LocalDate LAST = OCTOBER.atEndOfMonth();
    private static final Situation SIT = new Situation(Situation.Occupation.NONE, Situation.Housing.OWN,
            Situation.SubstanceUse.NO);

    private final Builder register = new Builder();

    @Test
    void anEmptyRegisterWritesEveryMeasureWithZeros() {
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.period()).isEqualTo("2026-10");
        for (String measure : List.of("enrolled_at_end", "enrolled_during", "new_enrollments", "discharges", "referrals",
                "contacted_not_enrolled", "waiting_at_end", "caseload_at_end")) {
            assertThat(tally.total(measure)).as(measure).isZero();
        }
        assertThat(tally.value("enrolled_at_end", "man")).contains(0L);
        assertThat(tally.value("enrolled_at_end", "okant")).contains(0L);
        assertThat(tally.value("discharges_by_reason", "avliden")).contains(0L);
        assertThat(tally.value("referrals_by_source", "sjalvanmalan")).contains(0L);
    }

    @Test
    void enrolledOnTheLastDayIsEnrolledAtEndAndNewAndDuring() {
        register.person(1, Gender.WOMAN).move(1, LAST.minusDays(3), CaseStatus.REFERRED).move(1, LAST, CaseStatus.ENROLLED);
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.total("enrolled_at_end")).isEqualTo(1);
        assertThat(tally.value("enrolled_at_end", "kvinna")).contains(1L);
        assertThat(tally.total("new_enrollments")).isEqualTo(1);
        assertThat(tally.total("enrolled_during")).isEqualTo(1);
        assertThat(MonthlyTally.of(OCTOBER.minusMonths(1), register.build()).total("enrolled_at_end")).isZero();
    }

    @Test
    void dischargedOnTheLastDayIsNotEnrolledAtEndButWasDuring() {
        register.person(1, Gender.MAN).move(1, LocalDate.of(2026, 8, 1), CaseStatus.REFERRED)
                .move(1, LocalDate.of(2026, 8, 2), CaseStatus.ENROLLED).move(1, LAST, CaseStatus.DISCHARGED);
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.total("enrolled_at_end")).isZero();
        assertThat(tally.total("enrolled_during")).isEqualTo(1);
        assertThat(tally.total("discharges")).isEqualTo(1);
        assertThat(tally.value("discharges_by_reason", "flyttat")).contains(1L);
        assertThat(MonthlyTally.of(OCTOBER.minusMonths(1), register.build()).total("enrolled_at_end")).isEqualTo(1);
    }

    @Test
    void dischargedOnTheFirstDayWasNotEnrolledDuringTheMonth() {
        register.person(1, Gender.MAN).move(1, LocalDate.of(2026, 8, 1), CaseStatus.REFERRED)
                .move(1, LocalDate.of(2026, 8, 2), CaseStatus.ENROLLED).move(1, FIRST, CaseStatus.DISCHARGED);
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.total("enrolled_during")).isZero();
        assertThat(tally.total("discharges")).isEqualTo(1);
    }

    @Test
    void aReferralOnTheFirstDayCountsInThatMonthBySource() {
        register.person(1, Gender.MAN).move(1, FIRST, CaseStatus.REFERRED);
        register.person(2, Gender.MAN).move(2, FIRST.minusDays(1), CaseStatus.REFERRED);
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.total("referrals")).isEqualTo(1);
        assertThat(tally.value("referrals_by_source", "skola")).contains(1L);
    }

    @Test
    void closuresWithoutEnrollmentCountByReason() {
        register.person(1, Gender.OTHER).move(1, LocalDate.of(2026, 9, 20), CaseStatus.REFERRED)
                .move(1, LocalDate.of(2026, 10, 5), CaseStatus.CONTACTED_NOT_ENROLLED);
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.total("contacted_not_enrolled")).isEqualTo(1);
        assertThat(tally.value("contacted_not_enrolled_by_reason", "ej_motiverad")).contains(1L);
        assertThat(MonthlyTally.yearly(Year.of(2026), register.build()).total("contacted_not_enrolled")).isEqualTo(1);
    }

    @Test
    void theWaitingListAtEndAndTheLongestWait() {
        register.person(1, Gender.MAN).move(1, LocalDate.of(2026, 9, 1), CaseStatus.REFERRED)
                .move(1, LocalDate.of(2026, 9, 11), CaseStatus.WAITING_LIST);
        register.person(2, Gender.MAN).move(2, LocalDate.of(2026, 10, 1), CaseStatus.REFERRED)
                .move(2, LocalDate.of(2026, 10, 21), CaseStatus.WAITING_LIST);
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.total("waiting_at_end")).isEqualTo(2);
        assertThat(tally.total("waiting_longest_days")).isEqualTo(50);
    }

    @Test
    void anAnnulledMoveDoesNotCount() {
        register.person(1, Gender.MAN).move(1, FIRST, CaseStatus.REFERRED).move(1, LocalDate.of(2026, 10, 3), CaseStatus.ENROLLED);
        register.annulLatest(1, LocalDate.of(2026, 11, 2));
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.total("new_enrollments")).isZero();
        assertThat(tally.total("enrolled_at_end")).isZero();
    }

    @Test
    void caseloadAtEndCountsEnrolledParticipantsWithThatNavigatorOnTheLastDay() {
        register.navigator(10, "Anna", 1).navigator(20, "Bo", null);
        register.person(1, Gender.MAN).enrolledSince(1, LocalDate.of(2026, 9, 1)).assign(1, 10L, LocalDate.of(2026, 9, 1))
                .assign(1, 20L, LAST);
        register.person(2, Gender.MAN).enrolledSince(2, LocalDate.of(2026, 9, 1)).assign(2, 10L, LocalDate.of(2026, 9, 1));
        register.person(3, Gender.MAN).enrolledSince(3, LocalDate.of(2026, 9, 1)).assign(3, 10L, LocalDate.of(2026, 9, 1));
        register.person(4, Gender.MAN).enrolledSince(4, LocalDate.of(2026, 9, 1));
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.value("caseload_at_end", "Anna")).contains(2L);
        assertThat(tally.value("caseload_at_end", "Bo")).contains(1L);
        assertThat(tally.total("caseload_at_end")).isEqualTo(3);
        assertThat(tally.total("enrolled_at_end_without_navigator")).isEqualTo(1);
        assertThat(tally.total("navigators_over_cap")).isEqualTo(1);
    }

    @Test
    void splitsByProgrammeAndAgeBandAtTheLastDay() {
        register.person(1, Gender.MAN, LocalDate.of(2008, 10, 31), Programme.YOUTH).enrolledSince(1, FIRST);
        register.person(2, Gender.MAN, LocalDate.of(2008, 11, 1), Programme.YOUTH).enrolledSince(2, FIRST);
        register.person(3, Gender.MAN, LocalDate.of(1999, 1, 1), Programme.YOUNG_ADULTS).enrolledSince(3, FIRST);
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.value("enrolled_at_end_by_programme", "unga")).contains(2L);
        assertThat(tally.value("enrolled_at_end_by_programme", "unga_vuxna")).contains(1L);
        assertThat(tally.value("enrolled_at_end_by_age_band", "18_20")).contains(1L);
        assertThat(tally.value("enrolled_at_end_by_age_band", "16_17")).contains(1L);
        assertThat(tally.value("enrolled_at_end_by_age_band", "25_29")).contains(1L);
    }

    @Test
    void meetingsByTypeAndTheShareOfEnrolledWithAMeeting() {
        register.person(1, Gender.MAN).enrolledSince(1, LocalDate.of(2026, 9, 1));
        register.person(2, Gender.MAN).enrolledSince(2, LocalDate.of(2026, 9, 1));
        register.meeting(1, FIRST, MeetingType.NETWORK).meeting(1, LAST, MeetingType.PHONE)
                .meeting(2, FIRST.minusDays(1), MeetingType.INDIVIDUAL);
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.total("meetings")).isEqualTo(2);
        assertThat(tally.value("meetings_by_type", "natverksmote")).contains(1L);
        assertThat(tally.total("met_in_month")).isEqualTo(1);
        assertThat(tally.total("met_in_month_base")).isEqualTo(2);
    }

    @Test
    void partnersInvolvedOnTheLastDayAmongTheEnrolled() {
        register.person(1, Gender.MAN).enrolledSince(1, LocalDate.of(2026, 9, 1))
                .partner(1, Partner.POLICE, LocalDate.of(2026, 9, 1), null)
                .partner(1, Partner.SCHOOL, LocalDate.of(2026, 9, 1), LAST.minusDays(1));
        register.person(2, Gender.MAN).enrolledSince(2, LocalDate.of(2026, 9, 1));
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.value("partner_involved", "polis")).contains(1L);
        assertThat(tally.value("partner_involved", "skola")).contains(0L);
        assertThat(tally.total("partner_involved")).isEqualTo(1);
        assertThat(tally.total("partner_involved_base")).isEqualTo(2);
    }

    @Test
    void consentsEndingWithinThirtyDaysOfTheLastDay() {
        register.person(1, Gender.MAN).enrolledSince(1, LocalDate.of(2026, 9, 1)).consent(1, LocalDate.of(2026, 8, 1), LAST.plusDays(30));
        register.person(2, Gender.MAN).enrolledSince(2, LocalDate.of(2026, 9, 1)).consent(2, LocalDate.of(2026, 8, 1), LAST.plusDays(31));
        register.person(3, Gender.MAN).enrolledSince(3, LocalDate.of(2026, 9, 1)).consent(3, LocalDate.of(2026, 8, 1), LAST.minusDays(1));
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.total("consents_expiring")).isEqualTo(1);
        assertThat(tally.total("consents_lapsed")).isEqualTo(1);
    }

    @Test
    void goalsDueMetAndOverdue() {
        register.person(1, Gender.MAN).enrolledSince(1, LocalDate.of(2026, 9, 1))
                .goal(1, LocalDate.of(2026, 10, 15), List.of(new Goal.StatusChange(Goal.Status.ONGOING, LocalDate.of(2026, 9, 1), Instant.EPOCH, "x")))
                .goal(1, LocalDate.of(2026, 10, 20), List.of(new Goal.StatusChange(Goal.Status.ONGOING, LocalDate.of(2026, 9, 1), Instant.EPOCH, "x"),
                        new Goal.StatusChange(Goal.Status.MET, LocalDate.of(2026, 10, 19), Instant.EPOCH, "x")));
        Tally tally = MonthlyTally.of(OCTOBER, register.build());
        assertThat(tally.total("goals_due")).isEqualTo(2);
        assertThat(tally.total("goals_met")).isEqualTo(1);
        assertThat(tally.total("goals_overdue_at_end")).isEqualTo(1);
    }

    @Test
    void goalsOfACaseClosedBeforeTheMonthAreNeitherDueNorOverdue() {
        List<Goal.StatusChange> ongoing = List.of(new Goal.StatusChange(Goal.Status.ONGOING, LocalDate.of(2026, 6, 1),
                Instant.EPOCH, "x"));
        register.person(1, Gender.MAN).enrolledSince(1, LocalDate.of(2026, 6, 1))
                .move(1, LocalDate.of(2026, 9, 30), CaseStatus.DISCHARGED)
                .goal(1, LocalDate.of(2026, 10, 15), ongoing)
                .goal(1, LocalDate.of(2026, 8, 15), ongoing)
                .person(2, Gender.WOMAN).enrolledSince(2, LocalDate.of(2026, 6, 1))
                .move(2, LocalDate.of(2026, 10, 1), CaseStatus.DISCHARGED)
                .goal(2, LocalDate.of(2026, 10, 15), ongoing);

        Tally tally = MonthlyTally.of(OCTOBER, register.build());

        // Neither was enrolled on a day of October: the day of a discharge is not an enrolled day.
        assertThat(tally.total("enrolled_during")).isZero();
        assertThat(tally.total("goals_due")).isZero();
        assertThat(tally.total("goals_overdue_at_end")).isZero();
        Tally september = MonthlyTally.of(OCTOBER.minusMonths(1), register.build());
        assertThat(september.total("goals_overdue_at_end")).isEqualTo(1);
    }

    @Test
    void theYearlySummaryCountsEnrolledOnSomeDayAndThoseContacted() {
        register.person(1, Gender.MAN).move(1, LocalDate.of(2025, 11, 1), CaseStatus.REFERRED)
                .move(1, LocalDate.of(2025, 11, 2), CaseStatus.ENROLLED).move(1, LocalDate.of(2026, 1, 1), CaseStatus.DISCHARGED);
        register.person(2, Gender.MAN).move(2, LocalDate.of(2025, 11, 1), CaseStatus.REFERRED)
                .move(2, LocalDate.of(2025, 12, 2), CaseStatus.ENROLLED).move(2, LocalDate.of(2026, 1, 2), CaseStatus.DISCHARGED);
        register.person(3, Gender.MAN).move(3, LocalDate.of(2026, 3, 1), CaseStatus.REFERRED)
                .move(3, LocalDate.of(2026, 3, 9), CaseStatus.CONTACTED_NOT_ENROLLED);
        Tally year = MonthlyTally.yearly(Year.of(2026), register.build());
        assertThat(year.period()).isEqualTo("2026");
        assertThat(year.total("enrolled")).isEqualTo(1);
        assertThat(year.total("contacted_not_enrolled")).isEqualTo(1);
        assertThat(year.total("total")).isEqualTo(2);
    }

    @Test
    void computingAPastMonthAgainGivesTheSameNumbers() {
        register.person(1, Gender.MAN).enrolledSince(1, LocalDate.of(2026, 9, 1));
        RegisterSnapshot snapshot = register.build();
        assertThat(MonthlyTally.of(OCTOBER, snapshot)).isEqualTo(MonthlyTally.of(OCTOBER, snapshot));
    }

    /** Builds a register snapshot by hand. */
    static final class Builder {
        private final Map<Long, RegisterSnapshot.Person> people = new HashMap<>();
        private final Map<Long, List<CaseEvent>> events = new HashMap<>();
        private final Map<Long, List<Assignment>> assignments = new HashMap<>();
        private final List<Navigator> navigators = new ArrayList<>();
        private final Map<Long, List<Consent>> consents = new HashMap<>();
        private final List<RegisterSnapshot.Meeting> meetings = new ArrayList<>();
        private final Map<Long, List<PartnerInvolvement>> partners = new HashMap<>();
        private final Map<Long, List<Goal>> goals = new HashMap<>();
        private long nextId = 1;

        Builder person(long id, Gender gender) {
            return person(id, gender, LocalDate.of(2008, 1, 1), Programme.YOUTH);
        }

        Builder person(long id, Gender gender, LocalDate born, Programme programme) {
            people.put(id, new RegisterSnapshot.Person(id, gender, born, programme));
            return this;
        }

        Builder move(long id, LocalDate date, CaseStatus status) {
            events.computeIfAbsent(id, k -> new ArrayList<>()).add(new CaseEvent(nextId++, id, date, status,
                    status == CaseStatus.REFERRED ? ReferralSource.SCHOOL : null,
                    status == CaseStatus.DISCHARGED ? DischargeReason.MOVED : null,
                    status == CaseStatus.CONTACTED_NOT_ENROLLED ? ClosureReason.NOT_MOTIVATED : null,
                    status == CaseStatus.ENROLLED || status == CaseStatus.DISCHARGED ? SIT : null, null, "",
                    Instant.EPOCH, "chef"));
            return this;
        }

        Builder enrolledSince(long id, LocalDate date) {
            return move(id, date.minusDays(1), CaseStatus.REFERRED).move(id, date, CaseStatus.ENROLLED);
        }

        Builder annulLatest(long id, LocalDate date) {
            List<CaseEvent> rows = events.get(id);
            long latest = rows.getLast().id();
            rows.add(new CaseEvent(nextId++, id, date, null, null, null, null, null, latest, "fel", Instant.EPOCH, "chef"));
            return this;
        }

        Builder navigator(long id, String name, Integer cap) {
            navigators.add(new Navigator(id, name, cap, List.of(new Navigator.Activity(true, LocalDate.of(2020, 1, 1)))));
            return this;
        }

        Builder assign(long id, Long navigator, LocalDate date) {
            assignments.computeIfAbsent(id, k -> new ArrayList<>()).add(new Assignment(nextId++, id, navigator, date,
                    Instant.EPOCH, "chef"));
            return this;
        }

        Builder meeting(long id, LocalDate date, MeetingType type) {
            meetings.add(new RegisterSnapshot.Meeting(id, date, type));
            return this;
        }

        Builder partner(long id, Partner partner, LocalDate from, LocalDate to) {
            partners.computeIfAbsent(id, k -> new ArrayList<>()).add(new PartnerInvolvement(nextId++, id, partner, from, to));
            return this;
        }

        Builder consent(long id, LocalDate given, LocalDate until) {
            consents.computeIfAbsent(id, k -> new ArrayList<>()).add(new Consent(nextId++, id, given, until,
                    Set.of(Partner.POLICE), List.of(), null, Instant.EPOCH, "chef"));
            return this;
        }

        Builder goal(long id, LocalDate followUp, List<Goal.StatusChange> history) {
            goals.computeIfAbsent(id, k -> new ArrayList<>()).add(new Goal(nextId++, id, Goal.LifeArea.HOUSING, "mål",
                    Partner.SCHOOL, followUp, history));
            return this;
        }

        RegisterSnapshot build() {
            Map<Long, CaseHistory> cases = new HashMap<>();
            events.forEach((id, rows) -> cases.put(id, CaseHistory.of(rows)));
            Map<Long, AssignmentHistory> assigned = new HashMap<>();
            assignments.forEach((id, rows) -> assigned.put(id, AssignmentHistory.of(rows)));
            return new RegisterSnapshot(people, cases, assigned, navigators, consents, meetings, partners, goals, 7);
        }
    }
}
