package se.lotsbok.domain.casepath;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A participant's case history: every row as recorded, and the effective path (moves not annulled,
 * by date, then by the order they were recorded). Every count is read from the effective path.
 */
public final class CaseHistory {

    private static final Comparator<CaseEvent> ORDER =
            Comparator.comparing(CaseEvent::date).thenComparingLong(CaseEvent::id);

    private final List<CaseEvent> all;
    private final List<CaseEvent> effective;
    private final Set<Long> annulled;

    private CaseHistory(List<CaseEvent> all) {
        this.all = List.copyOf(all);
        this.annulled = all.stream().filter(CaseEvent::isAnnulment).map(CaseEvent::annuls).collect(Collectors.toSet());
        this.effective = all.stream()
                .filter(e -> !e.isAnnulment() && !annulled.contains(e.id()))
                .sorted(ORDER)
                .toList();
    }

    public static CaseHistory of(List<CaseEvent> rows) {
        return new CaseHistory(rows);
    }

    public static CaseHistory empty() {
        return new CaseHistory(List.of());
    }

    /** Every row, annulments and annulled moves included, in the order recorded. */
    public List<CaseEvent> all() {
        return all;
    }

    /** The moves that count, in date order. */
    public List<CaseEvent> effective() {
        return effective;
    }

    public boolean isAnnulled(long eventId) {
        return annulled.contains(eventId);
    }

    public Optional<CaseEvent> latest() {
        return effective.isEmpty() ? Optional.empty() : Optional.of(effective.getLast());
    }

    /** The status now; empty when no case has been raised. */
    public Optional<CaseStatus> current() {
        return latest().map(CaseEvent::status);
    }

    /** The status at the end of {@code date}. */
    public Optional<CaseStatus> statusOn(LocalDate date) {
        CaseStatus status = null;
        for (CaseEvent e : effective) {
            if (e.date().isAfter(date)) {
                break;
            }
            status = e.status();
        }
        return Optional.ofNullable(status);
    }

    /** The enrollment that is current on {@code date}, if the participant is enrolled then. */
    public Optional<CaseEvent> enrollmentOn(LocalDate date) {
        CaseEvent enrollment = null;
        for (CaseEvent e : effective) {
            if (e.date().isAfter(date)) {
                break;
            }
            enrollment = e.status() == CaseStatus.ENROLLED ? e : (e.status().closed() ? null : enrollment);
        }
        return Optional.ofNullable(enrollment);
    }

    /** The effective moves of the current case (since its latest referral). */
    public List<CaseEvent> currentCase() {
        List<CaseEvent> current = new ArrayList<>();
        for (CaseEvent e : effective) {
            if (e.status() == CaseStatus.REFERRED) {
                current.clear();
            }
            current.add(e);
        }
        return current;
    }
}
