package se.lotsbok.ui.journal;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.ParticipantChanges;
import se.lotsbok.ui.common.Tasks;

/** "Att göra": what is due for the user's participants, their unsigned drafts, and a search of all notes. */
public final class TodoViewModel {

    private final NoteService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final ParticipantChanges changes;
    private final Consumer<Throwable> onError;
    private final ObservableList<NoteService.TodoItem> overdue = FXCollections.observableArrayList();
    private final ObservableList<NoteService.TodoItem> thisWeek = FXCollections.observableArrayList();
    private final ObservableList<NoteService.TodoItem> later = FXCollections.observableArrayList();
    private final ObservableList<NoteService.DraftLine> drafts = FXCollections.observableArrayList();
    private final ObservableList<NoteService.Hit> hits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Feedback> feedback = new ReadOnlyObjectWrapper<>(this, "feedback", Feedback.NONE);

    public TodoViewModel(NoteService service, Actor actor, Tasks tasks, Texts texts, ParticipantChanges changes,
            Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.changes = changes;
        this.onError = onError;
    }

    public void load() {
        tasks.run(() -> service.todo(actor), todo -> {
            overdue.setAll(todo.overdue());
            thisWeek.setAll(todo.thisWeek());
            later.setAll(todo.later());
            drafts.setAll(todo.drafts());
        }, onError);
    }

    /** Searches every note in the register for all the words of {@code query}. */
    public void search(String query) {
        tasks.run(() -> service.search(actor, query, null), found -> {
            hits.setAll(found);
            message.set(texts.format("note.hits", found.size()));
        }, onError);
    }

    /** Marks a note's follow-up done; it leaves the list. */
    public void done(NoteService.TodoItem item) {
        if (item != null && item.kind() == NoteService.TodoItem.Kind.FOLLOW_UP) {
            tasks.run(() -> {
                service.followUpDone(actor, item.refId());
                return null;
            }, ok -> {
                feedback.set(Feedback.done(texts.format("todo.doneDone", item.what(), item.participant())));
                load();
                changes.changed(this, item.participantId());
            }, onError);
        }
    }

    /** What the last command did. */
    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public void clearFeedback() {
        feedback.set(Feedback.NONE);
    }

    public ObservableList<NoteService.TodoItem> overdue() {
        return overdue;
    }

    public ObservableList<NoteService.TodoItem> thisWeek() {
        return thisWeek;
    }

    public ObservableList<NoteService.TodoItem> later() {
        return later;
    }

    public ObservableList<NoteService.DraftLine> drafts() {
        return drafts;
    }

    public ObservableList<NoteService.Hit> hits() {
        return hits;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
