package se.lotsbok.ui.combine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.AppVersion;
import se.lotsbok.report.AtomicFile;
import se.lotsbok.report.ExportOptions;
import se.lotsbok.report.combine.CombineRefused;
import se.lotsbok.report.combine.Combiner;
import se.lotsbok.report.combine.Compilation;
import se.lotsbok.report.combine.CompilationFormat;
import se.lotsbok.report.combine.CompilationWriter;
import se.lotsbok.report.combine.TallyFile;
import se.lotsbok.report.combine.TrustList;
import se.lotsbok.ui.common.Tasks;

/**
 * The Sammanställning screen's state: the units' files added so far, each with its signature's
 * state or why it cannot be added, the table and the chart of what can be added, and the exports.
 * Reads only the files; nothing of the register.
 */
public final class CombineViewModel {

    /**
     * One line of the table: a unit (or the total), its file, its signature's state, its figures in
     * the order of {@link #columns()}; {@code problem} when the file cannot be added up.
     */
    public record UnitLine(String unit, String file, String state, List<String> values, boolean problem,
            boolean total) {
    }

    private final Tasks tasks;
    private final Texts texts;
    private final Clock clock;
    private final Consumer<Throwable> errors;

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<UnitLine> lines = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Compilation> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trustState = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanProperty allowUnsigned = new SimpleBooleanProperty();
    private final BooleanProperty suppress = new SimpleBooleanProperty();
    private final IntegerProperty suppressUpTo = new SimpleIntegerProperty(2);
    private Optional<Set<String>> trusted = Optional.empty();

    public CombineViewModel(Tasks tasks, Texts texts, Clock clock, Consumer<Throwable> errors) {
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
        this.errors = errors;
        allowUnsigned.addListener((obs, was, now) -> inspect());
        suppress.addListener((obs, was, now) -> inspect());
        suppressUpTo.addListener((obs, was, now) -> inspect());
    }

    public ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    public ObservableList<UnitLine> lines() {
        return lines;
    }

    /** The figures' headings, in the order of {@link UnitLine#values()}. */
    public ObservableList<String> columns() {
        return columns;
    }

    /** What the table and the chart show: the files that can be added up, added up. */
    public ReadOnlyObjectProperty<Compilation> compilationProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether every file added can be added up, so that the compilation may be exported. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** Why the files cannot be added up as they are (the first file refused); empty when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trustStateProperty() {
        return trustState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanProperty allowUnsignedProperty() {
        return allowUnsigned;
    }

    public BooleanProperty suppressProperty() {
        return suppress;
    }

    public IntegerProperty suppressUpToProperty() {
        return suppressUpTo;
    }

    /** Adds files (chosen in a dialog or dropped on the screen); a file already added is not added twice. */
    public void addFiles(List<Path> added) {
        for (Path file : added) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!files.contains(absolute)) {
                files.add(absolute);
            }
        }
        message.set("");
        inspect();
    }

    /** Takes away the file of a line of the table. */
    public void remove(UnitLine line) {
        files.removeIf(f -> String.valueOf(f.getFileName()).equals(line.file()));
        message.set("");
        inspect();
    }

    public void clear() {
        files.clear();
        message.set("");
        inspect();
    }

    /** Accepts only keys whose fingerprints the list holds (one per line, # for comments). */
    public void trust(Path list) {
        busy.set(true);
        tasks.run(() -> {
            try {
                return TrustList.parse(String.valueOf(list.getFileName()), Files.readString(list, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CombineRefused("CANNOT_READ", String.valueOf(list.getFileName()));
            }
        }, fingerprints -> {
            busy.set(false);
            trusted = Optional.of(fingerprints);
            trustState.set(texts.format("combine.trust.state", fingerprints.size(), list.getFileName()));
            inspect();
        }, this::failed);
    }

    /** Accepts any valid signature again. */
    public void trustAny() {
        trusted = Optional.empty();
        trustState.set("");
        inspect();
    }

    /** What the export is called: "sammanstallning-2016.pdf". */
    public String fileName(CompilationFormat format) {
        Compilation compilation = shown.get();
        return "sammanstallning" + (compilation == null ? "" : "-" + compilation.period()) + "." + format.extension();
    }

    /** Writes the compilation; only when every file added can be added up. */
    public void export(Path file, CompilationFormat format) {
        Compilation compilation = shown.get();
        if (compilation == null || !complete.get()) {
            return;
        }
        int upTo = suppressUpTo();
        ZonedDateTime now = ZonedDateTime.now(clock);
        busy.set(true);
        tasks.run(() -> {
            AtomicFile.write(file, out -> CompilationWriter.write(compilation, format, upTo, now, AppVersion.get(), out));
            return file;
        }, done -> {
            busy.set(false);
            message.set(texts.format("combine.exported", done));
        }, this::failed);
    }

    private int suppressUpTo() {
        return suppress.get() ? suppressUpTo.get() : 0;
    }

    private void inspect() {
        List<Path> given = List.copyOf(files);
        Combiner.Rules rules = new Combiner.Rules(Optional.empty(), Optional.empty(), allowUnsigned.get(), trusted);
        busy.set(true);
        tasks.run(() -> Combiner.inspect(given, rules), inspection -> {
            busy.set(false);
            if (given.equals(files)) {
                show(inspection);
            }
        }, this::failed);
    }

    private void show(Combiner.Inspection inspection) {
        Compilation compilation = inspection.readable().orElse(null);
        List<Compilation.Column> figures = compilation == null ? List.of() : compilation.screenColumns();
        int upTo = suppressUpTo();
        ExportOptions options = new ExportOptions(';', upTo);
        List<UnitLine> result = new ArrayList<>();
        if (compilation != null) {
            for (TallyFile part : compilation.parts()) {
                result.add(new UnitLine(CompilationWriter.unitName(part, texts), part.source(), state(part),
                        figures.stream().map(c -> CompilationWriter.cell(compilation.value(part, c), options)).toList(), false, false));
            }
        }
        for (Combiner.Entry entry : inspection.entries()) {
            entry.problem().ifPresent(p -> result.add(new UnitLine("", String.valueOf(entry.file().getFileName()),
                    Messages.text(texts, p), figures.stream().map(c -> "").toList(), true, false)));
        }
        if (compilation != null) {
            result.add(new UnitLine(texts.get("combine.total"), "", "",
                    figures.stream().map(c -> CompilationWriter.cell(compilation.total(c), options)).toList(), false, true));
        }
        columns.setAll(figures.stream().map(c -> CompilationWriter.label(c, texts)).toList());
        lines.setAll(result);
        shown.set(compilation);
        complete.set(inspection.compilation().isPresent());
        problem.set(inspection.problem().map(p -> Messages.text(texts, p)).orElse(""));
    }

    private String state(TallyFile part) {
        return part.fingerprint().map(f -> texts.format("combine.state.signed", SigningKey.grouped(f).substring(0, 19)))
                .orElse(texts.get("combine.state.unsigned"));
    }

    private void failed(Throwable error) {
        busy.set(false);
        if (error instanceof CombineRefused refused) {
            problem.set(Messages.text(texts, refused.refusal()));
            return;
        }
        errors.accept(error);
    }
}
