package se.lotsbok.domain.navigator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssignmentHistoryTest {

    private static final LocalDate END_OF_MARCH = LocalDate.of(2026, 3, 31);

    @Test
    void theNavigatorOnADayIsTheLatestRowOnOrBeforeIt() {
        AssignmentHistory history = AssignmentHistory.of(List.of(
                row(1, 10L, LocalDate.of(2026, 1, 10)),
                row(2, 20L, END_OF_MARCH)));
        assertThat(history.navigatorOn(LocalDate.of(2026, 1, 9))).isEmpty();
        assertThat(history.navigatorOn(END_OF_MARCH.minusDays(1))).contains(10L);
        assertThat(history.navigatorOn(END_OF_MARCH)).contains(20L);
        assertThat(history.navigatorOn(END_OF_MARCH.plusDays(1))).contains(20L);
    }

    @Test
    void twoReassignmentsOnOneDayCountInTheOrderRecorded() {
        AssignmentHistory history = AssignmentHistory.of(List.of(
                row(3, 30L, END_OF_MARCH),
                row(1, 10L, LocalDate.of(2026, 1, 10)),
                row(2, 20L, END_OF_MARCH)));
        assertThat(history.navigatorOn(END_OF_MARCH)).contains(30L);
        assertThat(history.latest()).hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(3));
    }

    @Test
    void anUnassignmentLeavesNobody() {
        AssignmentHistory history = AssignmentHistory.of(List.of(
                row(1, 10L, LocalDate.of(2026, 1, 10)),
                row(2, null, LocalDate.of(2026, 2, 1))));
        assertThat(history.navigatorOn(LocalDate.of(2026, 2, 1))).isEmpty();
    }

    @ParameterizedTest(name = "caseload {0}, cap {1}: {2}")
    @CsvSource({"0, 7, WITHIN_CAP", "6, 7, WITHIN_CAP", "7, 7, NEEDS_CONFIRMATION", "9, 7, NEEDS_CONFIRMATION",
            "0, 1, WITHIN_CAP", "1, 1, NEEDS_CONFIRMATION"})
    void assigningBeyondTheCapAsksFirst(int caseload, int cap, CaseloadPolicy.Outcome outcome) {
        assertThat(CaseloadPolicy.check(caseload, cap)).isEqualTo(outcome);
    }

    @Test
    void aNavigatorIsActiveFromTheDayTheirActivityBeginsUntilTheyAreMadeInactive() {
        Navigator navigator = new Navigator(1, "Lotta", null, List.of(
                new Navigator.Activity(true, LocalDate.of(2026, 1, 1)),
                new Navigator.Activity(false, END_OF_MARCH)));
        assertThat(navigator.activeOn(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(navigator.activeOn(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(navigator.activeOn(END_OF_MARCH.minusDays(1))).isTrue();
        assertThat(navigator.activeOn(END_OF_MARCH)).isFalse();
        assertThat(navigator.capOr(7)).isEqualTo(7);
        assertThat(new Navigator(2, "Jonas", 5, List.of()).capOr(7)).isEqualTo(5);
    }

    private static Assignment row(long id, Long navigator, LocalDate date) {
        return new Assignment(id, 1, navigator, date, Instant.EPOCH, "chef");
    }
}
