package se.lotsbok.ui.participant;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.access.Decision;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.access.AccessLogService;
import se.lotsbok.service.casepath.CaseService;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.ui.casepath.CaseViewModel;
import se.lotsbok.ui.journal.NotesViewModel;
import se.lotsbok.ui.common.Tasks;

/** The "Deltagare" screen: the register list beside the form of the participant being edited. */
public final class ParticipantsViewModel {

    private final ParticipantService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Consumer<Throwable> onError;
    private final ParticipantListViewModel list;
    private final ParticipantFormViewModel form;
    private final AccessLogService accessLog;
    private final CaseViewModel caseFile;
    private final NotesViewModel notes;
    private final ReadOnlyBooleanWrapper formShown = new ReadOnlyBooleanWrapper(this, "formShown");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper(this, "readOnlyReason", "");
    private final ObservableList<String> openedBy = FXCollections.observableArrayList();

    public ParticipantsViewModel(ParticipantService service, CaseService cases, NavigatorService navigators,
            NoteService noteService, AccessLogService accessLog, Actor actor, Tasks tasks, Texts texts,
            Supplier<UnitSettings> settings, java.time.Clock clock, Consumer<Throwable> onError) {
        this.service = service;
        this.accessLog = accessLog;
        this.caseFile = new CaseViewModel(cases, navigators, actor, tasks, texts, clock, onError);
        this.notes = new NotesViewModel(noteService, actor, tasks, texts, clock, onError);
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.onError = onError;
        this.list = new ParticipantListViewModel(service, cases, navigators, actor, tasks, onError);
        caseFile.setOnChanged(list::reload);
        this.form = new ParticipantFormViewModel(service, actor, tasks, texts, settings, this::saved, onError);
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

    /** Opens an empty form for a new participant, if the user's role takes in new ones. */
    public void newParticipant() {
        notice.set("");
        if (AccessPolicy.decide(actor, Action.CREATE_PARTICIPANT) instanceof Decision.Refused refused) {
            notice.set(texts.get(refused.reason()));
            return;
        }
        form.startNew();
        caseFile.clear();
        notes.clear();
        setAccess(Decision.ALLOWED);
        openedBy.clear();
        formShown.set(true);
    }

    /** Opens participant {@code id} in the form; the opening is logged, and the record's openings listed. */
    public void open(long id) {
        notice.set("");
        tasks.run(() -> new Opened(service.open(actor, id), service.mayEdit(actor, id), accessLog.openedBy(actor, id)),
                opened -> {
                    if (opened.participant().isPresent()) {
                        form.edit(opened.participant().get());
                        caseFile.load(id);
                        notes.load(id);
                        setAccess(opened.edit());
                        showOpenedBy(opened.openings());
                        formShown.set(true);
                    } else {
                        notice.set(texts.get("participant.notFound"));
                        list.reload();
                    }
                }, onError);
    }

    /** The explicit, logged choice to write for a colleague's participant (covering while they are away). */
    public void coverForColleague() {
        Long id = form.participantIdProperty().get();
        if (id == null) {
            return;
        }
        tasks.run(() -> {
            service.coverFor(actor, id);
            return service.mayEdit(actor, id);
        }, this::setAccess, onError);
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

    /** Closes the form; the caller has already asked about unsaved changes. */
    public void closeForm() {
        form.startNew();
        caseFile.clear();
        notes.clear();
        formShown.set(false);
    }

    private void saved(Participant participant) {
        notice.set(texts.format("participant.saved", participant.data().fullName()));
        if (caseFile.fileProperty().get() == null) {
            caseFile.load(participant.id());
            notes.load(participant.id());
        }
        list.reload();
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

    /** A short confirmation or notice for the user, e.g. "Anna Ek är sparad". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void clearNotice() {
        notice.set("");
    }
}
