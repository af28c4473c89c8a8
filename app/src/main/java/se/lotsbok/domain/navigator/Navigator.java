package se.lotsbok.domain.navigator;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A lots (navigator): a name, a personal caseload cap (null: the unit's default), and the dated
 * history of being active or inactive. An inactive navigator keeps their history.
 */
public record Navigator(long id, String name, Integer cap, List<Activity> activity) {

    /** From {@code from} on, the navigator is active (or not). */
    public record Activity(boolean active, LocalDate from) {
        public Activity {
            Objects.requireNonNull(from, "from");
        }
    }

    public Navigator {
        Objects.requireNonNull(name, "name");
        activity = List.copyOf(activity);
    }

    /** Active on {@code date}: the latest activity change on or before it says so. */
    public boolean activeOn(LocalDate date) {
        boolean active = false;
        for (Activity a : activity) {
            if (!a.from().isAfter(date)) {
                active = a.active();
            }
        }
        return active;
    }

    /**
     * Where the navigator stands on a day: active or not, since when (the start of the unbroken
     * stretch), and the next change already recorded after it, if any.
     */
    public record Status(boolean active, LocalDate since, LocalDate nextChange) {
    }

    /** The navigator's status on {@code date}, from the dated activity rows (in date order). */
    public Status statusOn(LocalDate date) {
        boolean active = false;
        LocalDate since = null;
        LocalDate next = null;
        for (Activity a : activity) {
            if (!a.from().isAfter(date)) {
                if (since == null || a.active() != active) {
                    since = a.from();
                }
                active = a.active();
            } else if (next == null && a.active() != active) {
                next = a.from();
            }
        }
        return new Status(active, since, next);
    }

    /** The cap that applies: the personal one, or the unit's. */
    public int capOr(int unitDefault) {
        return cap == null ? unitDefault : cap;
    }

    public NavigatorRef ref() {
        return new NavigatorRef(id, name);
    }
}
