package se.lotsbok.domain.navigator;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One participant's assignments over time. "Who was the lots on D" is the latest row dated on or
 * before D; rows on the same day count in the order they were recorded.
 */
public final class AssignmentHistory {

    private static final Comparator<Assignment> ORDER =
            Comparator.comparing(Assignment::date).thenComparingLong(Assignment::id);

    private final List<Assignment> rows;

    private AssignmentHistory(List<Assignment> rows) {
        this.rows = rows.stream().sorted(ORDER).toList();
    }

    public static AssignmentHistory of(List<Assignment> rows) {
        return new AssignmentHistory(rows);
    }

    /** Every row in effective order. */
    public List<Assignment> rows() {
        return rows;
    }

    public Optional<Long> navigatorOn(LocalDate date) {
        Long navigator = null;
        for (Assignment a : rows) {
            if (a.date().isAfter(date)) {
                break;
            }
            navigator = a.navigatorId();
        }
        return Optional.ofNullable(navigator);
    }

    public Optional<Assignment> latest() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getLast());
    }
}
