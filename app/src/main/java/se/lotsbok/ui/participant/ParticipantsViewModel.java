package se.lotsbok.ui.participant;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.access.Decision;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.participant.ParticipantData;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.access.AccessLogService;
import se.lotsbok.service.casepath.CaseService;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.ui.casepath.CaseViewModel;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.ParticipantChanges;
import se.lotsbok.ui.common.Question;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.journal.NotesViewModel;

/**
 * The "Deltagare" screen: the register list beside the open participant's form, case file and
 * journal. Every pane shows the participant the header names; when that participant changes
 * elsewhere in the window, the panes read it again.
 */
public final class ParticipantsViewModel {

    public static final String DISCARD_BUTTON_ID = "discardChangesButton";
    public static final String KEEP_BUTTON_ID = "keepEditingButton";
    public static final String COVER_BUTTON_ID = "confirmCoverButton";

    private final ParticipantService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Dialogs dialogs;
    private final ParticipantChanges changes;
    private final Consumer<Throwable> onError;
    private final ParticipantListViewModel list;
    private final ParticipantFormViewModel form;
    private final AccessLogService accessLog;
    private final CaseViewModel caseFile;
    private final NotesViewModel notes;
    private final ReadOnlyBooleanWrapper formShown = new ReadOnlyBooleanWrapper(this, "formShown");
    private final ReadOnlyObjectWrapper<Feedback> notice = new ReadOnlyObjectWrapper<>(this, "notice", Feedback.NONE);
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", "");
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper(this, "readOnlyReason", "");
    private final ObservableList<String> openedBy = FXCollections.observableArrayList();

    public ParticipantsViewModel(ParticipantService service, CaseService cases, NavigatorService navigators,
            NoteService noteService, AccessLogService accessLog, Actor actor, Tasks tasks, Texts texts,
            Supplier<UnitSettings> settings, java.time.Clock clock, Dialogs dialogs, ParticipantChanges changes,
            Consumer<Throwable> onError) {
        this.service = service;
        this.accessLog = accessLog;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.dialogs = dialogs;
        this.changes = changes;
        this.onError = onError;
        this.caseFile = new CaseViewModel(cases, navigators, actor, tasks, texts, clock, dialogs, onError);
        this.notes = new NotesViewModel(noteService, actor, tasks, texts, clock, dialogs, onError);
        this.list = new ParticipantListViewModel(service, cases, navigators, actor, tasks, onError);
        caseFile.setOnChanged(id -> {
            list.reload();
            changes.changed(this, id);
        });
        this.form = new ParticipantFormViewModel(service, actor, tasks, texts, settings, this::saved, onError);
        changes.listen(this, this::changedElsewhere);
    }

    public ParticipantListViewModel list() {
        return list;
    }

    public ParticipantFormViewModel form() {
        return form;
    }

    /** The open participant's journal. */
    public NotesViewModel notes() {
        return notes;
    }

    /** The open participant's case file: path, consent, partners, action plan. */
    public CaseViewModel caseFile() {
        return caseFile;
    }

    public void load() {
        list.reload();
    }

    /** Opens an empty form for a new participant, if the user's role takes in new ones and nothing unsaved is lost. */
    public void newParticipant() {
        if (!mayLeaveForm()) {
            return;
        }
        notice.set(Feedback.NONE);
        if (AccessPolicy.decide(actor, Action.CREATE_PARTICIPANT) instanceof Decision.Refused refused) {
            notice.set(Feedback.refused(texts.get(refused.reason())));
            return;
        }
        form.startNew();
        caseFile.clear();
        notes.clear();
        header.set(texts.get("participant.form.newTitle"));
        setAccess(Decision.ALLOWED);
        openedBy.clear();
        formShown.set(true);
    }

    /**
     * Opens participant {@code id} (after asking about unsaved changes): the opening is logged, the
     * record's openings listed, and every form of the case file starts empty.
     */
    public void open(long id) {
        Long current = form.participantIdProperty().get();
        if (formShown.get() && current != null && current == id) {
            return;
        }
        if (!mayLeaveForm()) {
            return;
        }
        notice.set(Feedback.NONE);
        tasks.run(() -> new Opened(service.open(actor, id), service.mayEdit(actor, id), accessLog.openedBy(actor, id)),
                opened -> {
                    if (opened.participant().isPresent()) {
                        show(opened.participant().get());
                        caseFile.load(id);
                        notes.load(id);
                        setAccess(opened.edit());
                        showOpenedBy(opened.openings());
                        formShown.set(true);
                    } else {
                        notice.set(Feedback.refused(texts.get("participant.notFound")));
                        list.reload();
                    }
                }, onError);
    }

    private void show(Participant participant) {
        form.edit(participant);
        header.set(headerOf(participant.data()));
    }

    /** "Anna Ek · 20000101-1234", or the birth date for someone without an identity number. */
    private String headerOf(ParticipantData data) {
        String identity = data.identityNumber() != null ? data.identityNumber().toString()
                : texts.format("participant.header.born", data.birthDate().toString());
        return texts.format("participant.header", data.fullName(), identity);
    }

    /** Asks before the open form's unsaved changes are thrown away; true when there are none or the user agrees. */
    public boolean mayLeaveForm() {
        return !hasUnsavedChanges() || dialogs.confirm(Question.ask(texts.get("confirm.discard.header"),
                        texts.get("confirm.discard.text"))
                .go(texts.get("confirm.discard.discard"), DISCARD_BUTTON_ID)
                .stay(texts.get("confirm.discard.keep"), KEEP_BUTTON_ID));
    }

    /** The explicit, logged choice to write for a colleague's participant (covering while they are away). */
    public void coverForColleague() {
        Long id = form.participantIdProperty().get();
        if (id == null || !dialogs.confirm(Question.ask(texts.get("participant.coverFor"),
                texts.get("participant.coverFor.text")).go(texts.get("participant.coverFor"), COVER_BUTTON_ID))) {
            return;
        }
        tasks.run(() -> {
            service.coverFor(actor, id);
            return service.mayEdit(actor, id);
        }, decision -> {
            setAccess(decision);
            caseFile.refresh();
        }, onError);
    }

    /** A participant changed on another screen: the panes that show them read them again. */
    private void changedElsewhere(long id) {
        list.reload();
        Long open = form.participantIdProperty().get();
        if (formShown.get() && open != null && open == id) {
            caseFile.refresh();
            if (!form.dirtyProperty().get()) {
                tasks.run(() -> service.open(actor, id), found -> {
                    Long still = form.participantIdProperty().get();
                    if (found.isPresent() && still != null && still == id && !form.dirtyProperty().get()) {
                        show(found.get());
                    }
                }, onError);
            }
        }
    }

    private record Opened(Optional<Participant> participant, Decision edit, List<AccessLogEntry> openings) {
    }

    private void setAccess(Decision decision) {
        form.setEditable(decision.allowed());
        readOnlyReason.set(decision instanceof Decision.Refused refused ? texts.get(refused.reason()) : "");
    }

    private void showOpenedBy(List<AccessLogEntry> openings) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        openedBy.setAll(openings.stream()
                .map(e -> format.format(e.at().atZone(service.zone())) + "  " + e.username())
                .toList());
    }

    /** Closes the form, after asking about unsaved changes. */
    public boolean closeForm() {
        if (!mayLeaveForm()) {
            return false;
        }
        form.startNew();
        caseFile.clear();
        notes.clear();
        header.set("");
        notice.set(Feedback.NONE);
        formShown.set(false);
        return true;
    }

    private void saved(Participant participant) {
        notice.set(Feedback.done(texts.format("participant.saved", participant.data().fullName())));
        header.set(headerOf(participant.data()));
        if (caseFile.fileProperty().get() == null) {
            caseFile.load(participant.id());
            notes.load(participant.id());
        }
        list.reload();
        changes.changed(this, participant.id());
    }

    /** Whether the open form holds changes that are not saved. */
    public boolean hasUnsavedChanges() {
        return formShown.get() && form.dirtyProperty().get();
    }

    /** Why the open participant can only be read; empty when the user may change it. */
    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    /** Who has opened the record and when, newest first. */
    public ObservableList<String> openedBy() {
        return openedBy;
    }

    public ReadOnlyBooleanProperty formShownProperty() {
        return formShown.getReadOnlyProperty();
    }

    /** The open participant as every tab names them: name and identity number. */
    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** What the last action on the screen did ("Anna Ek är sparad"), or why it was refused. */
    public ReadOnlyObjectProperty<Feedback> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The screen's banners go when the user leaves it. */
    public void clearNotices() {
        notice.set(Feedback.NONE);
        caseFile.clearFeedback();
        notes.clearFeedback();
    }
}
