package se.lotsbok.domain.report;

import java.util.Objects;

/** One number of a tally: which measure, which category ("total" for the measure's total), how many. */
public record TallyRow(String measure, String category, long value) {

    public static final String TOTAL = "total";

    public TallyRow {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(category, "category");
    }
}
