package se.lotsbok.ui.journal;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.ui.common.Tasks;

/** "Att göra": what is due for the user's participants, their unsigned drafts, and a search of all notes. */
public final class TodoViewModel {

    private final NoteService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Consumer<Throwable> onError;
    private final ObservableList<NoteService.TodoItem> overdue = FXCollections.observableArrayList();
    private final ObservableList<NoteService.TodoItem> thisWeek = FXCollections.observableArrayList();
    private final ObservableList<NoteService.TodoItem> later = FXCollections.observableArrayList();
    private final ObservableList<NoteService.DraftLine> drafts = FXCollections.observableArrayList();
    private final ObservableList<NoteService.Hit> hits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public TodoViewModel(NoteService service, Actor actor, Tasks tasks, Texts texts, Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
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

    public void done(NoteService.TodoItem item) {
        if (item.kind() == NoteService.TodoItem.Kind.FOLLOW_UP) {
            tasks.run(() -> {
                service.followUpDone(actor, item.refId());
                return null;
            }, ok -> load(), onError);
        }
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
