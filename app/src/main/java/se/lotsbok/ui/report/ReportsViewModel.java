package se.lotsbok.ui.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.report.TallyRow;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.ExportOptions;
import se.lotsbok.report.ReportService;
import se.lotsbok.report.TallyFormat;
import se.lotsbok.report.TallyHeader;
import se.lotsbok.service.importing.ImportService;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.Question;
import se.lotsbok.ui.common.Tasks;

/**
 * The Rapporter screen's state: the chosen month, its dashboard, the export choices, and the
 * spreadsheet import with its preview. All counting and writing runs off the JavaFX thread.
 */
public final class ReportsViewModel {

    public static final String LIST_BUTTON_ID = "confirmListButton";

    /** One line of the tally table: a measure's total, or one of its categories indented below it. */
    public record TallyLine(String measure, String text, long value, boolean total) {
    }

    /** One year of the yearly summary table. */
    public record YearLine(String year, long enrolled, long contacted, long total) {
    }

    private static final int MONTHS_TO_CHOOSE = 36;
    /** What a progress bar shows as "working, length unknown". */
    private static final double INDETERMINATE = -1;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportService reports;
    private final ImportService imports;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final ZoneId zone;
    private final Consumer<Throwable> errors;
    private final Dialogs dialogs;

    private final ObservableList<YearMonth> months = FXCollections.observableArrayList();
    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ReportService.Dashboard> dashboard = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TallyLine> lines = FXCollections.observableArrayList();
    private final ObservableList<YearLine> years = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper exportState = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper changedSinceExport = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper changedMonths = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<TallyFormat> format = new SimpleObjectProperty<>(TallyFormat.CSV);
    private final BooleanProperty comma = new SimpleBooleanProperty();
    private final BooleanProperty suppress = new SimpleBooleanProperty();
    private final IntegerProperty suppressUpTo = new SimpleIntegerProperty(2);
    private final ReadOnlyObjectWrapper<ImportService.ImportResult> importPreview = new ReadOnlyObjectWrapper<>();
    private byte[] previewedFile;
    private final OutcomeChartsViewModel outcomes;

    public ReportsViewModel(ReportService reports, ImportService imports, Actor actor, Tasks tasks, Texts texts,
            Clock clock, Dialogs dialogs, Consumer<Throwable> errors) {
        this.dialogs = dialogs;
        this.reports = reports;
        this.imports = imports;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.zone = clock.getZone();
        this.errors = errors;
        this.outcomes = new OutcomeChartsViewModel(texts, dashboard.getReadOnlyProperty(), suppressUpTo);
        YearMonth current = YearMonth.from(LocalDate.now(clock));
        for (int i = 0; i < MONTHS_TO_CHOOSE; i++) {
            months.add(current.minusMonths(i));
        }
        // The unit head reports the month that has just ended.
        month.set(current.minusMonths(1));
        month.addListener((obs, old, now) -> {
            if (now != null && !now.equals(old)) {
                load();
            }
        });
    }

    /** The outcome charts of the chosen month or its year. */
    public OutcomeChartsViewModel outcomes() {
        return outcomes;
    }

    public ObservableList<YearMonth> months() {
        return months;
    }

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ReadOnlyObjectProperty<ReportService.Dashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    public ObservableList<TallyLine> lines() {
        return lines;
    }

    public ObservableList<YearLine> years() {
        return years;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportStateProperty() {
        return exportState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty changedSinceExportProperty() {
        return changedSinceExport.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changedMonthsProperty() {
        return changedMonths.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObjectProperty<TallyFormat> formatProperty() {
        return format;
    }

    public BooleanProperty commaProperty() {
        return comma;
    }

    public BooleanProperty suppressProperty() {
        return suppress;
    }

    public IntegerProperty suppressUpToProperty() {
        return suppressUpTo;
    }

    public ReadOnlyObjectProperty<ImportService.ImportResult> importPreviewProperty() {
        return importPreview.getReadOnlyProperty();
    }

    /** Counts the chosen month again, with its trend and yearly summaries. */
    public void load() {
        YearMonth chosen = month.get();
        busy.set(true);
        progress.set(0);
        tasks.run(() -> reports.dashboard(actor, chosen, this::reportProgress), result -> {
            busy.set(false);
            if (chosen.equals(month.get())) {
                show(result);
            }
        }, this::failed);
    }

    private void reportProgress(double value) {
        if (Platform.isFxApplicationThread()) {
            progress.set(value);
        } else {
            Platform.runLater(() -> progress.set(value));
        }
    }

    private void show(ReportService.Dashboard result) {
        dashboard.set(result);
        lines.setAll(linesOf(result.tally()));
        years.setAll(result.years().stream().map(y -> new YearLine(y.period(), y.total("enrolled"),
                y.total("contacted_not_enrolled"), y.total("total"))).toList());
        String name = monthName(result.month());
        String at = result.lastExportAt().map(i -> AT.format(i.atZone(zone))).orElse("");
        exportState.set(switch (result.state()) {
            case NEVER_EXPORTED -> texts.format("report.export.never", capitalized(name));
            case UNCHANGED -> texts.format("report.export.unchanged", capitalized(name), at);
            case CHANGED -> texts.format("report.export.changed", name, at);
        });
        changedSinceExport.set(result.state() == ReportService.ExportState.CHANGED);
        List<String> changed = result.trend().stream().filter(p -> p.state() == ReportService.ExportState.CHANGED)
                .map(p -> p.month().toString()).toList();
        changedMonths.set(changed.isEmpty() ? "" : texts.format("report.changedMonths", String.join(", ", changed)));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The month's name as the user reads it: "oktober 2026". */
    public String monthName(YearMonth value) {
        return value.format(DateTimeFormatter.ofPattern("LLLL yyyy", texts.locale()));
    }

    private List<TallyLine> linesOf(Tally tally) {
        List<TallyLine> result = new ArrayList<>();
        for (TallyRow row : tally.rows()) {
            boolean total = row.category().equals(TallyRow.TOTAL);
            String text = total ? measureLabel(row.measure()) : categoryLabel(texts, row.measure(), row.category());
            result.add(new TallyLine(row.measure(), text, row.value(), total));
        }
        return result;
    }

    private String measureLabel(String measure) {
        String key = "report.measure." + measure;
        return texts.has(key) ? texts.get(key) : measure;
    }

    /** A category's words; a navigator's name is its own label. */
    public String categoryLabel(String category) {
        String key = "report.category." + category;
        return texts.has(key) ? texts.get(key) : category;
    }

    /** The situation fields whose values have words of their own ("none" is no occupation, or no housing). */
    private static final List<String> SITUATION_FIELDS = List.of("occupation", "housing", "substance_use");

    /**
     * A category's words within its measure: a situation value reads as the field's own word
     * ({@code report.category.housing.none}), any other category as {@link #categoryLabel(String)}.
     */
    static String categoryLabel(Texts texts, String measure, String category) {
        for (String field : SITUATION_FIELDS) {
            String key = "report.category." + field + "." + category;
            if ((measure.startsWith(field + "_at_") || measure.equals("outcome_order_" + field)) && texts.has(key)) {
                return texts.get(key);
            }
        }
        String key = "report.category." + category;
        return texts.has(key) ? texts.get(key) : category;
    }

    private ExportOptions options() {
        return new ExportOptions(comma.get() ? ',' : ';', suppress.get() ? suppressUpTo.get() : 0);
    }

    /** What the month's export is called: "lotsbok-2026-10.csv". */
    public String monthFileName() {
        return "lotsbok-" + month.get() + "." + format.get().extension();
    }

    public String yearFileName() {
        return "lotsbok-" + month.get().getYear() + "." + format.get().extension();
    }

    public void exportMonth(Path file) {
        YearMonth chosen = month.get();
        TallyFormat chosenFormat = format.get();
        ExportOptions chosenOptions = options();
        busy.set(true);
        progress.set(INDETERMINATE);
        tasks.run(() -> {
            Tally tally = reports.month(actor, chosen);
            reports.export(actor, tally, TallyHeader.Kind.MONTH, chosenFormat, chosenOptions, file);
            return file;
        }, done -> {
            busy.set(false);
            message.set(texts.format("report.exported", done));
            load();
        }, this::failed);
    }

    public void exportYear(Path file) {
        Year year = Year.of(month.get().getYear());
        TallyFormat chosenFormat = format.get();
        ExportOptions chosenOptions = options();
        busy.set(true);
        progress.set(INDETERMINATE);
        tasks.run(() -> {
            Tally tally = reports.year(actor, year);
            reports.export(actor, tally, TallyHeader.Kind.YEAR, chosenFormat, chosenOptions, file);
            return file;
        }, done -> {
            busy.set(false);
            message.set(texts.format("report.exported", done));
        }, this::failed);
    }

    /** Warns that the list holds names and identity numbers; true when the user chose to go on. */
    public boolean confirmParticipantList() {
        return dialogs.confirm(Question.warn(texts.get("report.list.header"), texts.get("report.list.text"))
                .go(texts.get("report.list.confirm"), LIST_BUTTON_ID));
    }

    public void exportParticipantList(Path file) {
        ExportOptions chosenOptions = options();
        busy.set(true);
        progress.set(INDETERMINATE);
        tasks.run(() -> reports.exportParticipantList(actor, file, chosenOptions), rows -> {
            busy.set(false);
            message.set(texts.format("report.list.done", rows, file));
        }, this::failed);
    }

    /** Reads the file and runs the import without keeping it; the preview property then holds the outcome. */
    public void previewImport(Path file) {
        busy.set(true);
        progress.set(INDETERMINATE);
        importPreview.set(null);
        tasks.run(() -> {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            previewedFile = bytes;
            return imports.preview(actor, bytes);
        }, result -> {
            busy.set(false);
            importPreview.set(result);
        }, this::failed);
    }

    /** Imports the file the preview was made of, as it was read then. */
    public void confirmImport() {
        byte[] bytes = previewedFile;
        if (bytes == null) {
            return;
        }
        busy.set(true);
        progress.set(INDETERMINATE);
        tasks.run(() -> imports.importFile(actor, bytes), result -> {
            busy.set(false);
            previewedFile = null;
            importPreview.set(null);
            message.set(result.written()
                    ? texts.format("report.import.done", result.rows().size(), result.newParticipants(), result.writes())
                    : texts.get("report.import.refused"));
            load();
        }, this::failed);
    }

    public void cancelImport() {
        previewedFile = null;
        importPreview.set(null);
    }

    private void failed(Throwable error) {
        busy.set(false);
        errors.accept(error);
    }
}
