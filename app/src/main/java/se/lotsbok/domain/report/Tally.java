package se.lotsbok.domain.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The numbers of one period ("2026-10" or "2026"), in a fixed order, zeros included. */
public record Tally(String period, List<TallyRow> rows) {

    public Tally {
        Objects.requireNonNull(period, "period");
        rows = List.copyOf(rows);
    }

    public Optional<Long> value(String measure, String category) {
        return rows.stream().filter(r -> r.measure().equals(measure) && r.category().equals(category))
                .map(TallyRow::value).findFirst();
    }

    public long total(String measure) {
        return value(measure, TallyRow.TOTAL).orElseThrow(() -> new IllegalArgumentException("no measure " + measure));
    }
}
