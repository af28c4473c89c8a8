package se.lotsbok.ui.journal;

import java.time.format.DateTimeFormatter;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.ui.common.Banner;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/** The "Att göra" start screen: overdue, this week, later; drafts; and a search of every note. */
public final class TodoScreen implements Screen {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TodoViewModel viewModel;
    private final Texts texts;
    private final LongConsumer open;
    private final ScrollPane root;

    /** @param open opens a participant (a double click or Enter on a line) */
    public TodoScreen(TodoViewModel viewModel, Texts texts, LongConsumer open) {
        this.viewModel = viewModel;
        this.texts = texts;
        this.open = open;
        Label title = new Label(texts.get("nav.todo"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);

        TextField search = new TextField();
        search.setId("globalNoteSearch");
        search.setPromptText(texts.get("note.searchAllPrompt"));
        search.setOnAction(e -> viewModel.search(search.getText()));
        HBox.setHgrow(search, Priority.ALWAYS);
        Button find = new Button(texts.get("note.search"));
        find.setOnAction(e -> viewModel.search(search.getText()));
        ListView<NoteService.Hit> hits = new ListView<>(viewModel.hits());
        hits.setId("globalNoteHits");
        hits.setPrefHeight(160);
        hits.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(NoteService.Hit item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : WHEN.format(item.note().content().meetingAt()) + "  "
                        + item.participant() + "  " + snippet(item.note().content().text()));
            }
        });
        opensOn(hits, h -> h.note().participantId());
        hits.visibleProperty().bind(Bindings.isNotEmpty(viewModel.hits()));
        hits.managedProperty().bind(hits.visibleProperty());
        Label hitCount = new Label();
        hitCount.getStyleClass().add(Styles.MUTED);
        hitCount.textProperty().bind(viewModel.messageProperty());

        VBox content = new VBox(14, title, Banner.of(viewModel.feedbackProperty(), "todoMessage"),
                section("todo.search", new VBox(8, new HBox(8, search, find), hitCount, hits)),
                section("todo.overdue", items("todoOverdue", viewModel.overdue())),
                section("todo.thisWeek", items("todoThisWeek", viewModel.thisWeek())),
                section("todo.later", items("todoLater", viewModel.later())),
                section("todo.drafts", drafts()));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("todoScreen");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return texts.get("nav.todo");
    }

    @Override
    public void shown() {
        viewModel.load();
    }

    @Override
    public void hidden() {
        viewModel.clearFeedback();
    }

    private VBox section(String key, Node body) {
        Label heading = new Label(texts.get(key));
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        VBox box = new VBox(8, heading, body);
        box.getStyleClass().add(Styles.CARD);
        return box;
    }

    private Node items(String id, ObservableList<NoteService.TodoItem> items) {
        ListView<NoteService.TodoItem> list = new ListView<>(items);
        list.setId(id);
        list.setPrefHeight(150);
        list.setPlaceholder(Tables.placeholder(texts.get("todo.nothing")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(NoteService.TodoItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.date() + "  " + item.participant() + " — "
                        + texts.get("todo.kind." + item.kind().name()) + ": " + describe(item));
            }
        });
        opensOn(list, NoteService.TodoItem::participantId);
        Button done = new Button(texts.get("todo.done"));
        done.setId(id + "Done");
        done.setMinWidth(Region.USE_PREF_SIZE);
        done.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            NoteService.TodoItem item = list.getSelectionModel().getSelectedItem();
            return item == null || item.kind() != NoteService.TodoItem.Kind.FOLLOW_UP;
        }, list.getSelectionModel().selectedItemProperty()));
        done.setOnAction(e -> viewModel.done(list.getSelectionModel().getSelectedItem()));
        Label hint = new Label(texts.get("todo.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        HBox actions = new HBox(10, done, hint);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, list, actions);
    }

    private Node drafts() {
        ListView<NoteService.DraftLine> list = new ListView<>(viewModel.drafts());
        list.setId("todoDrafts");
        list.setPrefHeight(90);
        list.setPlaceholder(Tables.placeholder(texts.get("todo.noDrafts")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(NoteService.DraftLine item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.participant() + "  " + snippet(item.draft().content().text()));
            }
        });
        opensOn(list, d -> d.draft().participantId());
        return list;
    }

    private String describe(NoteService.TodoItem item) {
        return switch (item.kind()) {
            case CONSENT -> texts.get("todo.consent." + item.what());
            case DISCHARGE_FOLLOW_UP -> texts.format("todo.dischargeFollowUp", item.what());
            case FOLLOW_UP, GOAL -> item.what();
        };
    }

    private <T> void opensOn(ListView<T> list, java.util.function.ToLongFunction<T> id) {
        list.setOnMouseClicked(e -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && item != null) {
                open.accept(id.applyAsLong(item));
            }
        });
        list.setOnKeyPressed(e -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                open.accept(id.applyAsLong(item));
            }
        });
    }

    private static String snippet(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 100 ? line.substring(0, 100) + "…" : line;
    }
}
