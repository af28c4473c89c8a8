package se.lotsbok.domain.report;

import java.util.Map;

/**
 * How one measure of several units' tallies adds up to the figure for all of them together. Every
 * measure counts people, cases or events within one unit, so it is a sum unless listed here; a
 * measure added later is therefore summed without anything to change (docs/measures.md, "Adding
 * units up").
 */
public enum Additivity {
    /** The units' values added up. */
    SUM,
    /** The largest of the units' values: a longest wait is not a sum of waits. */
    MAX,
    /**
     * Only the measure's total is added up; its categories are the unit's own names (each
     * navigator's caseload, or percentiles of days: only their count adds up) and mean nothing
     * across units.
     */
    TOTAL_ONLY,
    /**
     * Not a count but a setting the figures were made with (the order of better and worse of the
     * outcome measures): units can be added up only when theirs are the same, and it is carried as is.
     */
    SAME;

    /** The ranks of the outcome order a tally was made with ({@code outcome_order_occupation}, …). */
    public static final String ORDER_PREFIX = "outcome_order_";

    private static final Map<String, Additivity> EXCEPTIONS = Map.of(
            "waiting_longest_days", MAX,
            "caseload_at_end", TOTAL_ONLY,
            "enrollment_days", TOTAL_ONLY);

    public static Additivity of(String measure) {
        return measure.startsWith(ORDER_PREFIX) ? SAME : EXCEPTIONS.getOrDefault(measure, SUM);
    }

    /** The figure for two units together, given each one's value (for {@link #SAME}, already checked equal). */
    public long combine(long a, long b) {
        return switch (this) {
            case MAX -> Math.max(a, b);
            case SAME -> a;
            case SUM, TOTAL_ONLY -> Math.addExact(a, b);
        };
    }

    /** Whether a row of this measure with {@code category} is carried into the combined figures. */
    public boolean carries(String category) {
        return this != TOTAL_ONLY || TallyRow.TOTAL.equals(category);
    }
}
