package se.lotsbok.domain.casepath;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsbok.domain.casepath.CaseTransitionsTest.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseHistoryTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 1);

    @Test
    void theStatusOnADayIsTheLastMoveOnOrBeforeIt() {
        CaseHistory history = CaseHistory.of(List.of(
                event(1, D, CaseStatus.REFERRED),
                event(2, D.plusDays(10), CaseStatus.ENROLLED),
                event(3, D.plusDays(40), CaseStatus.DISCHARGED)));
        assertThat(history.statusOn(D.minusDays(1))).isEmpty();
        assertThat(history.statusOn(D)).contains(CaseStatus.REFERRED);
        assertThat(history.statusOn(D.plusDays(10))).contains(CaseStatus.ENROLLED);
        assertThat(history.statusOn(D.plusDays(39))).contains(CaseStatus.ENROLLED);
        assertThat(history.statusOn(D.plusDays(40))).contains(CaseStatus.DISCHARGED);
        assertThat(history.enrollmentOn(D.plusDays(20))).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(2));
        assertThat(history.enrollmentOn(D.plusDays(40))).isEmpty();
    }

    @Test
    void anAnnulledMoveNoLongerCountsButStaysInTheHistory() {
        CaseEvent annulment = new CaseEvent(4, 1, D.plusDays(41), null, null, null, null, null, 3L, "fel person",
                Instant.EPOCH, "chef");
        CaseHistory history = CaseHistory.of(List.of(
                event(1, D, CaseStatus.REFERRED),
                event(2, D.plusDays(10), CaseStatus.ENROLLED),
                event(3, D.plusDays(40), CaseStatus.DISCHARGED),
                annulment));
        assertThat(history.current()).contains(CaseStatus.ENROLLED);
        assertThat(history.statusOn(D.plusDays(50))).contains(CaseStatus.ENROLLED);
        assertThat(history.all()).hasSize(4);
        assertThat(history.isAnnulled(3)).isTrue();
    }

    @Test
    void movesOnTheSameDayCountInTheOrderRecorded() {
        CaseHistory history = CaseHistory.of(List.of(
                event(1, D, CaseStatus.REFERRED),
                event(2, D, CaseStatus.ASSESSMENT),
                event(3, D, CaseStatus.ENROLLED)));
        assertThat(history.statusOn(D)).contains(CaseStatus.ENROLLED);
    }

    @Test
    void aNewReferralStartsANewCase() {
        CaseHistory history = CaseHistory.of(List.of(
                event(1, D, CaseStatus.REFERRED),
                event(2, D.plusDays(5), CaseStatus.CONTACTED_NOT_ENROLLED),
                event(3, D.plusDays(100), CaseStatus.REFERRED)));
        assertThat(history.currentCase()).extracting(CaseEvent::id).containsExactly(3L);
    }
}
