package se.lotsbok.ui.journal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.journal.NoteDraft;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Question;
import se.lotsbok.ui.common.Tasks;

/**
 * The open participant's journal: the signed notes with their corrections, and the note being
 * written, which is saved as a draft every few seconds so that nothing typed is lost.
 */
public final class NotesViewModel {

    public static final String SIGN_BUTTON_ID = "confirmSignButton";
    public static final String DISCARD_BUTTON_ID = "discardChangesButton";
    public static final String KEEP_BUTTON_ID = "keepEditingButton";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** A follow-up typed with the note. */
    public record FollowUpRow(String what, String who, LocalDate due) {
    }

    private final NoteService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Clock clock;
    private final Dialogs dialogs;
    private final Consumer<Throwable> onError;

    private final ObservableList<NoteService.Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<NoteService.Hit> hits = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> meetingDate = new SimpleObjectProperty<>(this, "meetingDate");
    private final StringProperty meetingTime = new SimpleStringProperty(this, "meetingTime", "");
    private final ObjectProperty<MeetingType> type = new SimpleObjectProperty<>(this, "type");
    private final ObservableSet<Partner> partners = FXCollections.observableSet(EnumSet.noneOf(Partner.class));
    private final StringProperty attendees = new SimpleStringProperty(this, "attendees", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<FollowUpRow> followUps = FXCollections.observableArrayList();
    private final StringProperty followUpWhat = new SimpleStringProperty(this, "followUpWhat", "");
    private final StringProperty followUpWho = new SimpleStringProperty(this, "followUpWho", "");
    private final ObjectProperty<LocalDate> followUpDue = new SimpleObjectProperty<>(this, "followUpDue");
    private final ReadOnlyObjectWrapper<JournalNote> amending = new ReadOnlyObjectWrapper<>(this, "amending");
    private final ReadOnlyObjectWrapper<Feedback> feedback = new ReadOnlyObjectWrapper<>(this, "feedback", Feedback.NONE);
    private final ReadOnlyStringWrapper draftStatus = new ReadOnlyStringWrapper(this, "draftStatus", "");
    private Long participantId;
    private NoteContent lastSaved;

    public NotesViewModel(NoteService service, Actor actor, Tasks tasks, Texts texts, Clock clock, Dialogs dialogs,
            Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
        this.dialogs = dialogs;
        this.onError = onError;
        followUpDue.set(today().plusWeeks(1));
    }

    /** Today in the unit's calendar, e.g. for a follow-up's default due date. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The unit's time zone, in which signing times are shown. */
    public ZoneId zone() {
        return clock.getZone();
    }

    private record Loaded(NoteService.Journal journal, Optional<NoteDraft> draft) {
    }

    /** Shows {@code id}'s journal, and puts back an unsigned draft of a new note if there is one. */
    public void load(long id) {
        autosave();
        participantId = id;
        hits.clear();
        feedback.set(Feedback.NONE);
        clearEditor();
        tasks.run(() -> new Loaded(service.journal(actor, id), service.draft(actor, id, null)), loaded -> {
            if (participantId == null || participantId != id) {
                return;
            }
            entries.setAll(loaded.journal().entries());
            amending.set(null);
            if (loaded.draft().isPresent()) {
                fill(loaded.draft().get().content());
                lastSaved = loaded.draft().get().content();
                feedback.set(Feedback.note(texts.format("note.draftRestored", TIME.format(
                        loaded.draft().get().savedAt().atZone(clock.getZone())))));
            } else {
                clearEditor();
            }
        }, onError);
    }

    /** Leaves the participant: what is typed is saved first. */
    public void clear() {
        autosave();
        participantId = null;
        entries.clear();
        hits.clear();
        feedback.set(Feedback.NONE);
        clearEditor();
    }

    /** Ctrl+S: what is typed is saved as a draft now rather than within seconds. */
    public void saveDraftNow() {
        autosave();
    }

    /** Saves what is typed as a draft, if it changed since the last save. */
    public void autosave() {
        if (participantId == null) {
            return;
        }
        NoteContent content = content();
        if (content.sameAs(lastSaved) || (lastSaved == null && isBlank(content))) {
            return;
        }
        long id = participantId;
        Long amends = amending.get() == null ? null : amending.get().id();
        lastSaved = content;
        tasks.run(() -> service.saveDraft(actor, id, amends, content), refusal -> {
            if (refusal.isPresent()) {
                lastSaved = null;
                draftStatus.set(EnumTexts.refusal(texts, refusal.get()));
            } else {
                draftStatus.set(texts.format("note.draftSaved", TIME.format(LocalTime.now(clock))));
            }
        }, onError);
    }

    /** Signs the note being written, after asking; it is locked from now on. */
    public void sign() {
        if (participantId == null) {
            return;
        }
        Optional<LocalDateTime> when = when();
        if (when.isEmpty()) {
            feedback.set(Feedback.refused(texts.get("note.refused.when")));
            return;
        }
        if (!dialogs.confirm(Question.ask(texts.get("note.sign.header"), texts.get("note.sign.text"))
                .go(texts.get("note.sign.go"), SIGN_BUTTON_ID))) {
            return;
        }
        long id = participantId;
        Long amends = amending.get() == null ? null : amending.get().id();
        NoteContent content = content();
        List<NoteService.NewFollowUp> actions = followUps.stream()
                .map(f -> new NoteService.NewFollowUp(f.what(), f.who(), f.due())).toList();
        tasks.run(() -> service.sign(actor, id, amends, content, actions), result -> {
            switch (result) {
                case NoteService.Signed signed -> {
                    clearEditor();
                    load(id);
                    feedback.set(Feedback.done(texts.get(amends == null ? "note.signed" : "note.corrected")));
                }
                case NoteService.Refused refused ->
                        feedback.set(Feedback.refused(EnumTexts.refusal(texts, refused.refusal())));
            }
        }, onError);
    }

    /** Starts a correction of {@code note}: the text to correct is put in the editor, the original stays. */
    public void correct(JournalNote note) {
        autosave();
        amending.set(note);
        fill(new NoteContent(LocalDateTime.now(clock).withSecond(0).withNano(0), note.content().type(),
                note.content().partners(), note.content().attendees(), note.content().text()));
        lastSaved = null;
        feedback.set(Feedback.note(texts.get("note.correcting")));
    }

    /** Throws away the draft being written, after asking. */
    public void discard() {
        if (participantId == null || !dialogs.confirm(Question.ask(texts.get("confirm.discard.header"),
                        texts.get("note.discard.text"))
                .go(texts.get("note.discard"), DISCARD_BUTTON_ID)
                .stay(texts.get("confirm.discard.keep"), KEEP_BUTTON_ID))) {
            return;
        }
        long id = participantId;
        Long amends = amending.get() == null ? null : amending.get().id();
        tasks.run(() -> {
            service.discardDraft(actor, id, amends);
            return null;
        }, done -> {
            clearEditor();
            feedback.set(Feedback.done(texts.get("note.discarded")));
        }, onError);
    }

    public void search(String query) {
        if (participantId == null) {
            return;
        }
        long id = participantId;
        tasks.run(() -> service.search(actor, query, id), found -> {
            hits.setAll(found);
            feedback.set(Feedback.note(texts.format("note.hits", found.size())));
        }, onError);
    }

    /** Adds the follow-up typed (what, who, when) to the note being written, and empties its fields. */
    public void addFollowUp() {
        if (followUpWhat.get().isBlank()) {
            return;
        }
        followUps.add(new FollowUpRow(followUpWhat.get(), followUpWho.get(), followUpDue.get()));
        followUpWhat.set("");
        followUpWho.set("");
    }

    private NoteContent content() {
        return new NoteContent(when().orElse(null), type.get(), Set.copyOf(partners), attendees.get(), text.get());
    }

    private Optional<LocalDateTime> when() {
        if (meetingDate.get() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(meetingDate.get().atTime(LocalTime.parse(meetingTime.get().strip(), TIME)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void fill(NoteContent content) {
        LocalDateTime when = content.meetingAt() == null ? LocalDateTime.now(clock) : content.meetingAt();
        meetingDate.set(when.toLocalDate());
        meetingTime.set(TIME.format(when));
        type.set(content.type());
        partners.clear();
        partners.addAll(content.partners());
        attendees.set(content.attendees());
        text.set(content.text());
    }

    private void clearEditor() {
        amending.set(null);
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        fill(new NoteContent(now, MeetingType.INDIVIDUAL, Set.of(), "", ""));
        followUps.clear();
        followUpWhat.set("");
        followUpWho.set("");
        followUpDue.set(today().plusWeeks(1));
        lastSaved = null;
        draftStatus.set("");
    }

    private static boolean isBlank(NoteContent content) {
        return content.text().isBlank() && content.attendees().isBlank() && content.partners().isEmpty();
    }

    public ObservableList<NoteService.Entry> entries() {
        return entries;
    }

    public ObservableList<NoteService.Hit> hits() {
        return hits;
    }

    public ObjectProperty<LocalDate> meetingDateProperty() {
        return meetingDate;
    }

    public StringProperty meetingTimeProperty() {
        return meetingTime;
    }

    public ObjectProperty<MeetingType> typeProperty() {
        return type;
    }

    public ObservableSet<Partner> partners() {
        return partners;
    }

    public StringProperty attendeesProperty() {
        return attendees;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<FollowUpRow> followUps() {
        return followUps;
    }

    /** The note being corrected, or null while writing a new one. */
    public ReadOnlyObjectProperty<JournalNote> amendingProperty() {
        return amending.getReadOnlyProperty();
    }

    /** What the last command did, or why it was refused. */
    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** The banner goes (the user left the tab or the screen). */
    public void clearFeedback() {
        feedback.set(Feedback.NONE);
    }

    public StringProperty followUpWhatProperty() {
        return followUpWhat;
    }

    public StringProperty followUpWhoProperty() {
        return followUpWho;
    }

    public ObjectProperty<LocalDate> followUpDueProperty() {
        return followUpDue;
    }

    /** When the draft was last saved, or why it could not be. */
    public ReadOnlyStringProperty draftStatusProperty() {
        return draftStatus.getReadOnlyProperty();
    }

    public Texts texts() {
        return texts;
    }
}
