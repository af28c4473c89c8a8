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

    /** A year's figures in the committee's table: the people the unit counted. */
    public static final List<String> YEAR_HEADLINES = List.of("enrolled", "contacted_not_enrolled", "total");

    /** The outcome measures whose improved, unchanged and worsened counts the compilation screen shows. */
    public static final List<String> OUTCOMES = List.of("outcome_occupation", "outcome_housing", "outcome_substance_use");

    private static final List<String> OUTCOME_CATEGORIES = List.of("improved", "unchanged", "worsened");

    /**
     * The committee's table (CSV, PDF): for a year the people counted (enrolled, contacted, total),
     * for a month the tally's headline measures. Every other figure, the outcomes among them, is in
     * the JSON compilation ({@link #total()} and each part's rows).
     */
    public List<Column> columns() {
        List<String> headlines = kind == TallyHeader.Kind.MONTH ? MONTH_HEADLINES : YEAR_HEADLINES;
        return headlines.stream().map(m -> new Column(m, TallyRow.TOTAL)).toList();
    }

    /**
     * What the compilation screen shows: the table's columns and, where the units' files carry them,
     * how many discharged improved, stayed the same and worsened in each outcome.
     */
    public List<Column> screenColumns() {
        List<Column> shown = new ArrayList<>(columns());
        for (String outcome : OUTCOMES) {
            for (String category : OUTCOME_CATEGORIES) {
                if (total.stream().anyMatch(r -> r.measure().equals(outcome) && r.category().equals(category))) {
                    shown.add(new Column(outcome, category));
                }
            }
        }
        return shown;
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
