package se.lotsbok.report.combine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.lotsbok.domain.common.SwedishText;
import se.lotsbok.domain.report.Additivity;
import se.lotsbok.domain.report.TallyRow;
import se.lotsbok.report.TallyHeader;

/**
 * Several units' tallies of one period added up: the units in Swedish order of their names, and
 * every figure they carry combined as {@link Additivity} says, so that a measure added to the
 * tallies later is added up without a change here.
 *
 * @param total the combined figures, in the order the units' files list them
 * @param incomplete figures that some units' files do not have (written by an older or newer
 *     Lotsbok); their totals cover only the units that have them
 */
public record Compilation(TallyHeader.Kind kind, String period, List<TallyFile> parts, List<TallyRow> total,
        List<Column> incomplete) {

    /** A month's figures that the compilation's table shows; the JSON carries every figure. */
    public static final List<String> MONTH_HEADLINES = List.of("enrolled_at_end", "enrolled_during",
            "new_enrollments", "discharges", "referrals", "contacted_not_enrolled", "waiting_at_end");

    /** One figure: a measure's total, or one of its categories. */
    public record Column(String measure, String category) {

        /** As a column is headed in CSV: the measure, with {@code .category} unless it is the total. */
        public String code() {
            return TallyRow.TOTAL.equals(category) ? measure : measure + "." + category;
        }
    }

    public Compilation {
        parts = List.copyOf(parts);
        total = List.copyOf(total);
        incomplete = List.copyOf(incomplete);
    }

    /** Adds up files already checked to be of one kind and period and of different units. */
    static Compilation of(TallyHeader.Kind kind, String period, List<TallyFile> files) {
        List<TallyFile> parts = new ArrayList<>(files);
        parts.sort((a, b) -> SwedishText.comparator().compare(a.unit(), b.unit()));
        Map<Column, Long> sums = new LinkedHashMap<>();
        Map<Column, Integer> present = new LinkedHashMap<>();
        for (TallyFile part : parts) {
            for (TallyRow row : part.rows()) {
                Additivity additivity = Additivity.of(row.measure());
                if (!additivity.carries(row.category())) {
                    continue;
                }
                Column column = new Column(row.measure(), row.category());
                sums.merge(column, row.value(), additivity::combine);
                present.merge(column, 1, Integer::sum);
            }
        }
        List<TallyRow> total = new ArrayList<>();
        sums.forEach((column, value) -> total.add(new TallyRow(column.measure(), column.category(), value)));
        List<Column> incomplete = present.entrySet().stream().filter(e -> e.getValue() < parts.size())
                .map(Map.Entry::getKey).toList();
        return new Compilation(kind, period, parts, total, incomplete);
    }

    /**
     * The table's columns: for a year every figure of the summary, for a month its headline measures. The
     * order of a situation's categories (checked equal in every unit) says how the figures were counted
     * and is not a figure, so it is no column.
     */
    public List<Column> columns() {
        if (kind == TallyHeader.Kind.MONTH) {
            return MONTH_HEADLINES.stream().map(m -> new Column(m, TallyRow.TOTAL)).toList();
        }
        return total.stream().filter(r -> Additivity.of(r.measure()) != Additivity.SAME)
                .map(r -> new Column(r.measure(), r.category())).toList();
    }

    /** What the bar per unit shows, stacked: a year's enrolled and contacted (their sum is the total), a month's enrolled at end. */
    public List<Column> chartColumns() {
        List<String> measures = kind == TallyHeader.Kind.YEAR ? List.of("enrolled", "contacted_not_enrolled")
                : List.of("enrolled_at_end");
        return measures.stream().map(m -> new Column(m, TallyRow.TOTAL)).toList();
    }

    /** A unit's figure; empty when its file does not have it. */
    public Optional<Long> value(TallyFile part, Column column) {
        return part.value(column.measure(), column.category());
    }

    /** The combined figure; empty when no unit's file has it. */
    public Optional<Long> total(Column column) {
        return total.stream().filter(r -> r.measure().equals(column.measure()) && r.category().equals(column.category()))
                .map(TallyRow::value).findFirst();
    }

    public boolean allSigned() {
        return parts.stream().allMatch(TallyFile::signed);
    }
}
