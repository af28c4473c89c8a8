package se.lotsbok.ui.extract;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.extract.ExtractFormat;
import se.lotsbok.domain.extract.ExtractScope;
import se.lotsbok.domain.extract.Redaction;
import se.lotsbok.domain.extract.Release;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.extract.ExtractRequest;
import se.lotsbok.service.extract.ExtractService;
import se.lotsbok.service.extract.RegisterExtract;
import se.lotsbok.ui.common.Tasks;

/**
 * The register extract of one participant, and the secrecy review before it is released: choosing
 * the recipient and the content, leaving out notes and masking passages (each with its ground),
 * a preview of the notes as they will be released, and making the files. Tested without a window.
 */
public final class ExtractViewModel {

    /** A signed note as the review lists it, with what is withheld of it. */
    public record NoteLine(long id, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A masked passage of the chosen note. */
    public record MaskLine(Redaction.Mask mask, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int QUOTE = 40;

    private final ExtractService service;
    private final Actor actor;
    private final long participantId;
    private final Tasks tasks;
    private final Texts texts;
    private final Consumer<Throwable> onError;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", "");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanProperty toSubject = new SimpleBooleanProperty(this, "toSubject", true);
    private final StringProperty recipient = new SimpleStringProperty(this, "recipient", "");
    private final ReadOnlyStringWrapper recipientError = new ReadOnlyStringWrapper(this, "recipientError", "");
    private final ObjectProperty<ExtractScope> scope = new SimpleObjectProperty<>(this, "scope", ExtractScope.RECORD);
    private final BooleanProperty staffAsRoles = new SimpleBooleanProperty(this, "staffAsRoles");
    private final BooleanProperty pdf = new SimpleBooleanProperty(this, "pdf", true);
    private final BooleanProperty json = new SimpleBooleanProperty(this, "json");
    private final ReadOnlyStringWrapper formatError = new ReadOnlyStringWrapper(this, "formatError", "");
    private final ObservableList<NoteLine> notes = FXCollections.observableArrayList();
    private final ObjectProperty<NoteLine> selectedNote = new SimpleObjectProperty<>(this, "selectedNote");
    private final ReadOnlyStringWrapper selectedText = new ReadOnlyStringWrapper(this, "selectedText", "");
    private final ObservableList<MaskLine> masks = FXCollections.observableArrayList();
    private final StringProperty ground = new SimpleStringProperty(this, "ground", "");
    private final ReadOnlyStringWrapper groundError = new ReadOnlyStringWrapper(this, "groundError", "");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final StringProperty purposes = new SimpleStringProperty(this, "purposes", "");
    private final ObservableList<String> releases = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper lastRefused = new ReadOnlyBooleanWrapper(this, "lastRefused");
    private final ReadOnlyObjectWrapper<Redaction> redaction = new ReadOnlyObjectWrapper<>(this, "redaction",
            Redaction.NONE);

    private RegisterExtract extract;

    public ExtractViewModel(ExtractService service, Actor actor, long participantId, Tasks tasks, Texts texts,
            Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.participantId = participantId;
        this.tasks = tasks;
        this.texts = texts;
        this.onError = onError;
        selectedNote.addListener((obs, old, line) -> showSelected());
        redaction.addListener((obs, old, value) -> {
            refreshNotes();
            showSelected();
        });
        toSubject.addListener((obs, old, value) -> recipientError.set(""));
        recipient.addListener((obs, old, value) -> recipientError.set(""));
        pdf.addListener((obs, old, value) -> formatError.set(""));
        json.addListener((obs, old, value) -> formatError.set(""));
        ground.addListener((obs, old, value) -> groundError.set(""));
        title.set(texts.format("extract.title", ""));
    }

    /** Reads the participant's whole record (logged as an opening) and the unit's text of purposes. */
    public void load() {
        busy.set(true);
        unavailable.set(texts.get("extract.loading"));
        tasks.run(() -> new Loaded(service.prepare(actor, participantId), service.purposes(texts)), loaded -> {
            busy.set(false);
            purposes.set(loaded.purposes());
            switch (loaded.preparation()) {
                case ExtractService.Prepared prepared -> show(prepared.extract());
                case ExtractService.Anonymised a -> unavailable.set(texts.get("extract.unavailable.anonymised"));
                case ExtractService.NotFound n -> unavailable.set(texts.get("extract.unavailable.notFound"));
            }
        }, this::failed);
    }

    private record Loaded(ExtractService.Preparation preparation, String purposes) {
    }

    private void show(RegisterExtract loaded) {
        extract = loaded;
        title.set(texts.format("extract.title", loaded.participant().data().fullName()));
        unavailable.set("");
        redaction.set(Redaction.NONE);
        refreshNotes();
        releases.setAll(loaded.releases().stream().map(this::releaseLine).toList());
        ready.set(true);
    }

    // ---- the secrecy review

    /** Leaves the chosen note out of the release, on the ground typed. */
    public void omitSelected() {
        withNoteAndGround(note -> {
            redaction.set(redaction.get().omit(note.id(), ground.get()));
            done("extract.review.omitted");
        });
    }

    /** Takes the chosen note back into the release. */
    public void includeSelected() {
        JournalNote note = chosen();
        if (note == null) {
            refuse("extract.review.selectNote");
            return;
        }
        redaction.set(redaction.get().include(note.id()));
        done("extract.review.included");
    }

    /** Masks the characters [{@code start}, {@code end}) of the chosen note's text, on the ground typed. */
    public void maskSelection(int start, int end) {
        withNoteAndGround(note -> {
            if (end <= start) {
                refuse("extract.review.selectText");
                return;
            }
            Redaction next = redaction.get().include(note.id())
                    .mask(new Redaction.Mask(note.id(), start, end, ground.get()));
            Optional<Refusal> problem = next.check(extract.notes());
            if (problem.isPresent()) {
                refuse(problem.get());
                return;
            }
            redaction.set(next);
            done("extract.review.masked");
        });
    }

    public void unmask(MaskLine line) {
        if (line != null) {
            redaction.set(redaction.get().unmask(line.mask()));
            done("extract.review.unmasked");
        }
    }

    private void withNoteAndGround(Consumer<JournalNote> action) {
        JournalNote note = chosen();
        if (note == null) {
            refuse("extract.review.selectNote");
            return;
        }
        Optional<Refusal> problem = Redaction.checkGround(ground.get());
        if (problem.isPresent()) {
            groundError.set(Messages.text(texts, problem.get()));
            lastRefused.set(true);
            message.set("");
            return;
        }
        action.accept(note);
    }

    private JournalNote chosen() {
        NoteLine line = selectedNote.get();
        if (line == null || extract == null) {
            return null;
        }
        return extract.notes().stream().filter(n -> n.id() == line.id()).findFirst().orElse(null);
    }

    private void refreshNotes() {
        if (extract == null) {
            return;
        }
        Long selected = selectedNote.get() == null ? null : selectedNote.get().id();
        List<NoteLine> lines = new ArrayList<>();
        for (JournalNote note : extract.notes()) {
            lines.add(new NoteLine(note.id(), noteLine(note)));
        }
        notes.setAll(lines);
        if (selected != null) {
            lines.stream().filter(l -> l.id() == selected).findFirst().ifPresent(selectedNote::set);
        }
        preview.set(previewText());
    }

    private String baseLine(JournalNote note) {
        String when = note.content().meetingAt().format(MINUTE);
        return note.isAmendment() ? texts.format("extract.review.lineCorrection", when)
                : texts.format("extract.review.line", when, Messages.label(texts, note.content().type()));
    }

    private String noteLine(JournalNote note) {
        String base = baseLine(note);
        Redaction r = redaction.get();
        Optional<Redaction.Omission> omitted = r.omission(note.id());
        if (omitted.isPresent()) {
            return texts.format("extract.review.lineOmitted", base, omitted.get().ground());
        }
        int masked = r.masksOf(note.id()).size();
        return masked == 0 ? base : texts.format("extract.review.lineMasked", base, masked);
    }

    private void showSelected() {
        JournalNote note = chosen();
        selectedText.set(note == null ? "" : note.content().text());
        masks.setAll(note == null ? List.of() : redaction.get().masksOf(note.id()).stream()
                .map(m -> new MaskLine(m, texts.format("extract.review.maskLine",
                        quote(note.content().text().substring(m.start(), m.end())), m.ground())))
                .toList());
    }

    /** The notes as they will be released: what is shown, and where and why something is withheld. */
    private String previewText() {
        StringBuilder out = new StringBuilder();
        for (JournalNote note : extract.notes()) {
            out.append(baseLine(note)).append('\n');
            Optional<Redaction.Omission> omitted = redaction.get().omission(note.id());
            if (omitted.isPresent()) {
                out.append(texts.format("extract.pdf.leftOut", omitted.get().ground()));
            } else {
                for (Redaction.Segment segment : redaction.get().segments(note)) {
                    switch (segment) {
                        case Redaction.Shown shown -> out.append(shown.text());
                        case Redaction.Masked masked -> out.append(texts.format("extract.pdf.masked", masked.ground()));
                    }
                }
            }
            out.append("\n\n");
        }
        return out.toString().strip();
    }

    // ---- making the files

    /** The forms chosen, or empty (with the message beside the choice) when none is. */
    public List<ExtractFormat> chosenFormats() {
        List<ExtractFormat> formats = new ArrayList<>();
        if (pdf.get()) {
            formats.add(ExtractFormat.PDF);
        }
        if (json.get()) {
            formats.add(ExtractFormat.JSON);
        }
        return formats;
    }

    /**
     * Checks what is chosen before files are asked for: a recipient when it is not the person
     * themself, at least one form. Each problem is shown beside its field.
     */
    public boolean readyToMake() {
        boolean ok = true;
        if (!toSubject.get() && recipient.get().isBlank()) {
            recipientError.set(texts.get("extract.refused.recipient"));
            ok = false;
        } else if (recipient.get().strip().length() > ExtractService.MAX_RECIPIENT) {
            recipientError.set(texts.format("validation.TOO_LONG", ExtractService.MAX_RECIPIENT));
            ok = false;
        }
        if (chosenFormats().isEmpty()) {
            formatError.set(texts.get("extract.refused.noFormat"));
            ok = false;
        }
        return ok && extract != null;
    }

    /** The name a file dialog suggests for {@code format}. */
    public String suggestedFileName(ExtractFormat format) {
        String name = extract == null ? "" : extract.participant().data().lastName() + "-"
                + extract.participant().data().firstName();
        return texts.format("extract.fileName", name.replaceAll("[^\\p{L}\\p{N}-]", "")) + "." + format.extension();
    }

    /** Makes the extract into {@code files}: recorded as a release and logged, or refused with the reason. */
    public void make(Map<ExtractFormat, Path> files) {
        ExtractRequest request = new ExtractRequest(toSubject.get(), toSubject.get() ? "" : recipient.get(), scope.get(),
                staffAsRoles.get(), redaction.get(), new EnumMap<>(files));
        busy.set(true);
        tasks.run(() -> service.make(actor, participantId, request, texts), outcome -> {
            busy.set(false);
            switch (outcome) {
                case ExtractService.Made made -> {
                    message.set(texts.format("extract.made", String.join(", ", made.files().values().stream()
                            .map(Path::toString).toList())));
                    lastRefused.set(false);
                    reloadReleases();
                }
                case ExtractService.Refused refused -> refuse(refused.refusal());
            }
        }, this::failed);
    }

    private void reloadReleases() {
        tasks.run(() -> service.prepare(actor, participantId), preparation -> {
            if (preparation instanceof ExtractService.Prepared prepared) {
                extract = prepared.extract();
                releases.setAll(prepared.extract().releases().stream().map(this::releaseLine).toList());
            }
        }, this::failed);
    }

    /** Saves the text of purposes and recipients as the unit's own, for every extract from now on. */
    public void savePurposes() {
        tasks.run(() -> service.savePurposes(actor, purposes.get()), problem -> {
            if (problem.isPresent()) {
                refuse(problem.get());
            } else {
                done("extract.purposes.saved");
            }
        }, this::failed);
    }

    private String releaseLine(Release r) {
        ZoneId zone = extract.zone();
        return texts.format("extract.releases.line", MINUTE.format(r.releasedAt().atZone(zone)),
                r.toSubject() ? texts.get("extract.pdf.toSubject") : r.recipient(),
                texts.get("extract.scope." + r.scope().name()), r.redaction().omissions().size(),
                r.redaction().masks().size(), r.releasedBy());
    }

    private void done(String key) {
        message.set(texts.get(key));
        lastRefused.set(false);
    }

    private void refuse(String key) {
        refuse(new Refusal(key));
    }

    private void refuse(Refusal refusal) {
        message.set(Messages.text(texts, refusal));
        lastRefused.set(true);
    }

    private void failed(Throwable error) {
        busy.set(false);
        onError.accept(error);
    }

    private static String quote(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= QUOTE ? oneLine : oneLine.substring(0, QUOTE - 1) + "…";
    }

    // ---- state for the view

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Why there is nothing to review (loading, gallrad, gone); empty once the record is read. */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanProperty toSubjectProperty() {
        return toSubject;
    }

    public StringProperty recipientProperty() {
        return recipient;
    }

    public ReadOnlyStringProperty recipientErrorProperty() {
        return recipientError.getReadOnlyProperty();
    }

    public ObjectProperty<ExtractScope> scopeProperty() {
        return scope;
    }

    public BooleanProperty staffAsRolesProperty() {
        return staffAsRoles;
    }

    public BooleanProperty pdfProperty() {
        return pdf;
    }

    public BooleanProperty jsonProperty() {
        return json;
    }

    public ReadOnlyStringProperty formatErrorProperty() {
        return formatError.getReadOnlyProperty();
    }

    public ObservableList<NoteLine> notes() {
        return notes;
    }

    public ObjectProperty<NoteLine> selectedNoteProperty() {
        return selectedNote;
    }

    /** The chosen note's text, in which passages are selected to mask. */
    public ReadOnlyStringProperty selectedTextProperty() {
        return selectedText.getReadOnlyProperty();
    }

    public ObservableList<MaskLine> masks() {
        return masks;
    }

    public StringProperty groundProperty() {
        return ground;
    }

    public ReadOnlyStringProperty groundErrorProperty() {
        return groundError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public StringProperty purposesProperty() {
        return purposes;
    }

    public ObservableList<String> releases() {
        return releases;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lastRefusedProperty() {
        return lastRefused.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Redaction> redactionProperty() {
        return redaction.getReadOnlyProperty();
    }
}
