package se.lotsbok.ui.report;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.report.Codes;
import se.lotsbok.domain.report.OutcomeTally;
import se.lotsbok.domain.report.Ranking;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.report.TallyRow;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.ReportService;

/**
 * The outcome charts of the Rapporter screen: for the discharges of the chosen month (or of its
 * year), each situation field at enrollment against at discharge, how many improved, stayed or
 * worsened, and the number of people that rests on, with a warning when that number is below the
 * small-number limit. Read from the tally the dashboard already holds; nothing is counted here.
 */
public final class OutcomeChartsViewModel {

    /** Whose discharges the charts show. */
    public enum Period {
        MONTH,
        YEAR
    }

    /** One category of a field: how many had it at enrollment and at discharge. */
    public record Bar(String category, String label, long atEnrollment, long atDischarge) {
    }

    /** One field's chart: its bars and how the field changed. */
    public record FieldChart(String field, String title, List<Bar> bars, long improved, long unchanged, long worsened,
            long unknown) {
    }

    private final Texts texts;
    private final ReadOnlyObjectProperty<ReportService.Dashboard> dashboard;
    private final IntegerProperty suppressUpTo;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period", Period.MONTH);
    private final ObservableList<FieldChart> charts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper basis = new ReadOnlyStringWrapper(this, "basis", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyBooleanWrapper belowLimit = new ReadOnlyBooleanWrapper(this, "belowLimit");
    private final ReadOnlyStringWrapper followUps = new ReadOnlyStringWrapper(this, "followUps", "");

    /**
     * @param dashboard the Rapporter screen's dashboard, whose month tally and yearly summary are shown
     * @param suppressUpTo the small-number limit the screen exports with: counts up to it are hidden
     */
    public OutcomeChartsViewModel(Texts texts, ReadOnlyObjectProperty<ReportService.Dashboard> dashboard,
            IntegerProperty suppressUpTo) {
        this.texts = texts;
        this.dashboard = dashboard;
        this.suppressUpTo = suppressUpTo;
        dashboard.addListener((obs, old, now) -> update());
        suppressUpTo.addListener((obs, old, now) -> update());
        period.addListener((obs, old, now) -> update());
        update();
    }

    private void update() {
        ReportService.Dashboard current = dashboard.get();
        if (current == null) {
            charts.clear();
            basis.set("");
            warning.set("");
            belowLimit.set(false);
            followUps.set("");
            return;
        }
        Tally tally = period.get() == Period.YEAR && !current.years().isEmpty() ? current.years().getFirst()
                : current.tally();
        String name = period.get() == Period.YEAR ? tally.period()
                : current.month().format(java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", texts.locale()));
        List<FieldChart> fields = new ArrayList<>();
        for (String field : OutcomeTally.FIELDS) {
            fields.add(chart(tally, field));
        }
        charts.setAll(fields);
        long people = tally.total("outcome_" + OutcomeTally.FIELDS.getFirst());
        basis.set(texts.format("report.outcome.basis", people, name));
        int limit = suppressUpTo.get() + 1;
        belowLimit.set(people > 0 && people < limit);
        warning.set(people == 0 ? texts.get("report.outcome.none")
                : people < limit ? texts.format("report.outcome.belowLimit", people, limit) : "");
        long due = tally.total(OutcomeTally.FOLLOW_UP_DUE);
        long reached = tally.value(OutcomeTally.FOLLOW_UP_DUE, Codes.of(
                se.lotsbok.domain.casepath.DischargeFollowUp.Result.REACHED)).orElse(0L);
        followUps.set(due == 0 ? "" : texts.format("report.outcome.followUps", due, reached));
    }

    private FieldChart chart(Tally tally, String field) {
        List<Bar> bars = new ArrayList<>();
        for (TallyRow row : tally.rows()) {
            if (row.measure().equals(field + "_at_enrollment") && !row.category().equals(TallyRow.TOTAL)) {
                bars.add(new Bar(row.category(), ReportsViewModel.categoryLabel(texts, row.measure(), row.category()),
                        row.value(), tally.value(field + "_at_discharge", row.category()).orElse(0L)));
            }
        }
        String outcome = "outcome_" + field;
        return new FieldChart(field, texts.get("report.outcome.field." + field), bars,
                count(tally, outcome, Ranking.Change.IMPROVED), count(tally, outcome, Ranking.Change.UNCHANGED),
                count(tally, outcome, Ranking.Change.WORSENED), count(tally, outcome, Ranking.Change.UNKNOWN));
    }

    private static long count(Tally tally, String measure, Ranking.Change change) {
        return tally.value(measure, Codes.of(change)).orElse(0L);
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    /** One chart per situation field, in the order occupation, housing, substance use. */
    public ObservableList<FieldChart> charts() {
        return charts;
    }

    /** "Bygger på N avslut …": how many people the charts rest on. */
    public ReadOnlyStringProperty basisProperty() {
        return basis.getReadOnlyProperty();
    }

    /** A warning when the charts rest on fewer people than the small-number limit (or on none). */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** True when there are people, but fewer than the small-number limit: the warning is then red. */
    public ReadOnlyBooleanProperty belowLimitProperty() {
        return belowLimit.getReadOnlyProperty();
    }

    /** The follow-ups after discharge due in the period, and how many were reached; empty when none. */
    public ReadOnlyStringProperty followUpsProperty() {
        return followUps.getReadOnlyProperty();
    }
}
