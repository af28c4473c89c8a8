package se.lotsbok.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;

/** The outcome rows' shape and the edges the register test does not reach: no discharges, no situation, percentiles. */
class OutcomeTallyTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 10, 31);

    @Test
    void withNoDischargesEveryMeasureIsWrittenWithZeros() {
        List<TallyRow> rows = OutcomeTally.rows(FIRST, LAST, register(Map.of()));

        assertThat(rows).filteredOn(r -> OutcomeTally.kindOf(r.measure()) != OutcomeTally.Kind.RANK)
                .allSatisfy(r -> assertThat(r.value()).as(r.measure() + "/" + r.category()).isZero());
        assertThat(rows).filteredOn(r -> r.category().equals(TallyRow.TOTAL)).hasSize(47);
        assertThat(rows).extracting(TallyRow::measure).contains("occupation_at_enrollment", "outcome_housing",
                "outcome_substance_use_unknown_by_programme", "goals_met_at_discharge_by_life_area", "enrollment_days",
                "followup_due", "outcome_occupation_followup", "outcome_order_substance_use");
    }

    @Test
    void aSituationNeverRecordedCountsAsUnknown() {
        Map<Long, CaseHistory> cases = new HashMap<>();
        cases.put(1L, CaseHistory.of(List.of(move(1, 1, CaseStatus.ENROLLED, LocalDate.of(2026, 5, 1), null),
                move(2, 1, CaseStatus.DISCHARGED, LocalDate.of(2026, 10, 3), Situation.UNKNOWN))));

        Tally tally = new Tally("2026-10", OutcomeTally.rows(FIRST, LAST, register(cases)));

        assertThat(tally.value("occupation_at_enrollment", "unknown")).contains(1L);
        assertThat(tally.value("outcome_housing", "unknown")).contains(1L);
        assertThat(tally.value("outcome_housing_unknown_by_gender", "kvinna")).contains(1L);
    }

    @Test
    void percentilesAreTheNearestRank() {
        assertThat(percentiles(List.of())).containsExactly(0L, 0L, 0L, 0L);
        assertThat(percentiles(List.of(40L))).containsExactly(1L, 40L, 40L, 40L);
        assertThat(percentiles(List.of(10L, 20L))).containsExactly(2L, 10L, 10L, 20L);
        assertThat(percentiles(List.of(50L, 10L, 40L, 20L, 30L))).containsExactly(5L, 20L, 30L, 40L);
        assertThat(percentiles(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L))).containsExactly(8L, 2L, 4L, 6L);
    }

    /** The enrollment_days rows (total, p25, median, p75) of discharges in October after {@code days} days each. */
    private static List<Long> percentiles(List<Long> days) {
        Map<Long, CaseHistory> cases = new HashMap<>();
        long id = 1;
        for (long d : days) {
            LocalDate discharged = LocalDate.of(2026, 10, 15);
            cases.put(id, CaseHistory.of(List.of(move(id * 2, id, CaseStatus.ENROLLED, discharged.minusDays(d),
                    Situation.UNKNOWN), move(id * 2 + 1, id, CaseStatus.DISCHARGED, discharged, Situation.UNKNOWN))));
            id++;
        }
        List<Long> values = new ArrayList<>();
        OutcomeTally.rows(FIRST, LAST, register(cases)).stream()
                .filter(r -> r.measure().equals(OutcomeTally.ENROLLMENT_DAYS)).forEach(r -> values.add(r.value()));
        return values;
    }

    private static CaseEvent move(long id, long participant, CaseStatus status, LocalDate date, Situation situation) {
        return new CaseEvent(id, participant, date, status, null,
                status == CaseStatus.DISCHARGED ? DischargeReason.OTHER : null, null, situation, null, "", Instant.EPOCH, "");
    }

    private static RegisterSnapshot register(Map<Long, CaseHistory> cases) {
        Map<Long, RegisterSnapshot.Person> people = new HashMap<>();
        cases.keySet().forEach(id -> people.put(id, new RegisterSnapshot.Person(id, Gender.WOMAN,
                LocalDate.of(2000, 1, 1), Programme.YOUNG_ADULTS)));
        return new RegisterSnapshot(people, cases, Map.of(), List.of(), Map.of(), List.of(), Map.of(), Map.of(), 7);
    }
}
