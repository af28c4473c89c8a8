package se.lotsbok.domain.navigator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a navigator stands on a day, from the dated activity rows. */
class NavigatorStatusTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    private static Navigator with(Navigator.Activity... rows) {
        return new Navigator(1, "Anna", null, List.of(rows));
    }

    @Test
    void activeSinceTheStartOfTheUnbrokenStretch() {
        Navigator n = with(new Navigator.Activity(true, DAY.minusDays(30)), new Navigator.Activity(true, DAY.minusDays(5)));
        assertThat(n.statusOn(DAY)).isEqualTo(new Navigator.Status(true, DAY.minusDays(30), null));
    }

    @Test
    void madeActiveAgainTodayIsActiveSinceToday() {
        Navigator n = with(new Navigator.Activity(true, DAY.minusDays(30)), new Navigator.Activity(false, DAY),
                new Navigator.Activity(true, DAY));
        assertThat(n.statusOn(DAY)).isEqualTo(new Navigator.Status(true, DAY, null));
    }

    @Test
    void aChangeAheadIsNamedAsTheNextChange() {
        Navigator n = with(new Navigator.Activity(true, DAY.minusDays(30)), new Navigator.Activity(false, DAY.plusDays(7)));
        assertThat(n.statusOn(DAY)).isEqualTo(new Navigator.Status(true, DAY.minusDays(30), DAY.plusDays(7)));
    }

    @Test
    void notYetStartedHasNoSinceButAStart() {
        Navigator n = with(new Navigator.Activity(true, DAY.plusDays(3)));
        assertThat(n.statusOn(DAY)).isEqualTo(new Navigator.Status(false, null, DAY.plusDays(3)));
    }
}
