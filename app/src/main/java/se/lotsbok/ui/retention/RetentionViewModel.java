package se.lotsbok.ui.retention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.settings.RetentionSettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.retention.RetentionService;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Question;
import se.lotsbok.ui.common.Tasks;

/**
 * The Gallring screen's state: the case files due with their dates, those marked to be kept, the
 * retention settings, and the commands to keep a case file and to delete the due ones. All
 * reading and deleting runs off the JavaFX thread.
 */
public final class RetentionViewModel {

    public static final String CONFIRM_BUTTON_ID = "confirmRetentionButton";
    public static final String REASON_FIELD_ID = "keepReasonField";

    /** A case file due, as the table shows it. */
    public record DueRow(long participantId, String name, String identityNumber, String closedOn, String lastEntry,
            String deadline) {
    }

    /** A case file marked to be kept, as the table shows it. */
    public record KeptRow(long participantId, String name, String identityNumber, String reason, String markedOn,
            String due) {
    }

    private final RetentionService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final ZoneId zone;
    private final Consumer<Throwable> errors;

    private final ObservableList<DueRow> due = FXCollections.observableArrayList();
    private final ObservableList<KeptRow> kept = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper dueCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sampleNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Feedback> message = new ReadOnlyObjectWrapper<>(Feedback.NONE);
    private final Dialogs dialogs;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StringProperty years = new SimpleStringProperty("");
    private final BooleanProperty inResearchSample = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper yearsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper settingsMessage = new ReadOnlyStringWrapper("");

    public RetentionViewModel(RetentionService service, Actor actor, Tasks tasks, Texts texts, ZoneId zone,
            Dialogs dialogs, Consumer<Throwable> errors) {
        this.service = service;
        this.dialogs = dialogs;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.zone = zone;
        this.errors = errors;
    }

    /** Whether this user sees the case files and may keep and delete them (the enhetschef). */
    public boolean canRun() {
        return service.mayRun(actor);
    }

    /** Whether this user may change the retention settings (the enhetschef or the administrator). */
    public boolean canChangeSettings() {
        return service.mayChangeSettings(actor);
    }

    public ObservableList<DueRow> due() {
        return due;
    }

    public ObservableList<KeptRow> kept() {
        return kept;
    }

    public ReadOnlyIntegerProperty dueCountProperty() {
        return dueCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sampleNoteProperty() {
        return sampleNote.getReadOnlyProperty();
    }

    /** What the last command did, or why it was refused. */
    public ReadOnlyObjectProperty<Feedback> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringProperty yearsProperty() {
        return years;
    }

    public BooleanProperty inResearchSampleProperty() {
        return inResearchSample;
    }

    public ReadOnlyStringProperty yearsErrorProperty() {
        return yearsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty settingsMessageProperty() {
        return settingsMessage.getReadOnlyProperty();
    }

    /** Reads the settings and, for the enhetschef, the case files due and kept. */
    public void load() {
        busy.set(true);
        if (canRun()) {
            tasks.run(() -> service.overview(actor), this::show, this::failed);
        } else {
            tasks.run(service::settings, settings -> {
                busy.set(false);
                showSettings(settings);
            }, this::failed);
        }
    }

    private void show(RetentionService.Overview overview) {
        busy.set(false);
        showSettings(overview.settings());
        due.setAll(overview.due().stream().map(d -> new DueRow(d.participantId(), d.name(), identity(d.identityNumber()),
                date(d.closedOn()), date(d.lastEntry()), date(d.deadline()))).toList());
        kept.setAll(overview.kept().stream().map(k -> new KeptRow(k.participantId(), k.name(),
                identity(k.identityNumber()), k.reason(), date(k.markedAt().atZone(zone).toLocalDate()),
                texts.get(k.due() ? "retention.kept.due.yes" : "retention.kept.due.no"))).toList());
        dueCount.set(due.size());
        summary.set(due.isEmpty() ? texts.format("retention.summary.none", overview.settings().years())
                : texts.format("retention.summary", due.size(), overview.settings().years()));
        sampleNote.set(overview.researchSample() == 0 ? ""
                : texts.format("retention.summary.sample", overview.researchSample()));
    }

    private void showSettings(RetentionSettings settings) {
        years.set(Integer.toString(settings.years()));
        inResearchSample.set(settings.inResearchSample());
        yearsError.set("");
    }

    /** Saves the settings if the years are a whole number in range; otherwise says so beside the field. */
    public void saveSettings() {
        settingsMessage.set("");
        Integer value = null;
        try {
            value = Integer.parseInt(years.get().strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (value == null || value < RetentionSettings.MIN_YEARS || value > RetentionSettings.MAX_YEARS) {
            yearsError.set(texts.format("retention.settings.error.years", RetentionSettings.MIN_YEARS,
                    RetentionSettings.MAX_YEARS));
            settingsMessage.set(texts.get("form.fixErrors"));
            return;
        }
        yearsError.set("");
        RetentionSettings settings = new RetentionSettings(value, inResearchSample.get());
        tasks.run(() -> {
            service.saveSettings(actor, settings);
            return settings;
        }, saved -> {
            settingsMessage.set(texts.get("settings.saved"));
            load();
        }, errors::accept);
    }

    /** Asks why the case file of {@code row} is to be kept, and marks it; a refusal is shown as the message. */
    public void keep(DueRow row) {
        dialogs.askText(Question.ask(texts.format("retention.keep.header", row.name()),
                        texts.get("retention.keep.reason")).field(REASON_FIELD_ID))
                .ifPresent(reason -> keep(row.participantId(), reason));
    }

    /** Marks a case file to be kept, with the reason; a refusal is shown as the message. */
    public void keep(long participantId, String reason) {
        message.set(Feedback.NONE);
        tasks.run(() -> service.keep(actor, participantId, reason), refusal -> {
            if (refusal.isPresent()) {
                message.set(Feedback.refused(Messages.text(texts, refusal.get())));
            } else {
                message.set(Feedback.done(texts.get("retention.kept.done")));
                load();
            }
        }, this::failed);
    }

    public void endKeep(long participantId) {
        message.set(Feedback.NONE);
        tasks.run(() -> {
            service.endKeep(actor, participantId);
            return participantId;
        }, id -> {
            message.set(Feedback.done(texts.get("retention.kept.ended")));
            load();
        }, this::failed);
    }

    /**
     * Deletes the personal data of every case file listed as due, once the enhetschef has confirmed
     * a question that says plainly what goes for good; keeping the data is the default answer.
     */
    public void deleteDue() {
        List<Long> ids = due.stream().map(DueRow::participantId).toList();
        if (ids.isEmpty() || !dialogs.confirm(Question.warn(texts.format("retention.confirm.header", ids.size()),
                        texts.format("retention.confirm.text", ids.size()))
                .go(texts.get("retention.confirm.yes"), CONFIRM_BUTTON_ID))) {
            return;
        }
        message.set(Feedback.NONE);
        busy.set(true);
        tasks.run(() -> service.delete(actor, ids), outcome -> {
            busy.set(false);
            message.set(Feedback.done(outcome.skipped() == 0 ? texts.format("retention.done", outcome.deleted())
                    : texts.format("retention.done.skipped", outcome.deleted(), outcome.skipped())));
            load();
        }, this::failed);
    }

    private String identity(PersonalIdentityNumber number) {
        return number == null ? texts.get("retention.identity.none") : number.formatted();
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private void failed(Throwable error) {
        busy.set(false);
        errors.accept(error);
    }
}
