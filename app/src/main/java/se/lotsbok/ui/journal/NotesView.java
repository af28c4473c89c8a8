package se.lotsbok.ui.journal;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.ui.common.Banner;
import se.lotsbok.ui.common.Checks;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.IsoDates;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/** "Anteckningar": the signed notes (corrections beside them), a search, and the note being written. */
final class NotesView extends javafx.scene.control.SplitPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** How often what is typed is saved as a draft. */
    static final Duration AUTOSAVE = Duration.seconds(5);

    private final Texts texts;

    NotesView(NotesViewModel viewModel, Texts texts) {
        this.texts = texts;
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        setId("notesView");

        TextField search = new TextField();
        search.setId("noteSearchField");
        search.setPromptText(texts.get("note.searchPrompt"));
        search.setOnAction(e -> viewModel.search(search.getText()));
        HBox.setHgrow(search, Priority.ALWAYS);
        Button find = new Button(texts.get("note.search"));
        find.setMinWidth(Region.USE_PREF_SIZE);
        find.setOnAction(e -> viewModel.search(search.getText()));
        ListView<NoteService.Hit> hits = new ListView<>(viewModel.hits());
        hits.setId("noteHits");
        hits.setPrefHeight(120);
        hits.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(NoteService.Hit item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : WHEN.format(item.note().content().meetingAt()) + "  "
                        + snippet(item.note().content().text()));
            }
        });
        hits.visibleProperty().bind(Bindings.isNotEmpty(viewModel.hits()));
        hits.managedProperty().bind(hits.visibleProperty());

        ListView<NoteService.Entry> notes = new ListView<>(viewModel.entries());
        notes.setId("notesList");
        notes.setPrefHeight(300);
        notes.setPlaceholder(Tables.placeholder(texts.get("note.none")));
        notes.setCellFactory(l -> new NoteCell(viewModel, notes));

        VBox.setVgrow(notes, Priority.ALWAYS);
        VBox journal = new VBox(8, Banner.of(viewModel.feedbackProperty(), "notesMessage"), new HBox(8, search, find),
                hits, notes);
        journal.getStyleClass().add("tab-content");
        journal.setMinHeight(100);
        getItems().addAll(journal, editor(viewModel));
        setDividerPositions(0.33);

        Timeline autosave = new Timeline(new KeyFrame(AUTOSAVE, e -> viewModel.autosave()));
        autosave.setCycleCount(Animation.INDEFINITE);
        autosave.play();
    }

    /** The note being written: the meeting's facts on top, the text below taking whatever height is left. */
    private VBox editor(NotesViewModel viewModel) {
        Label heading = new Label();
        heading.setId("noteEditorHeading");
        heading.setWrapText(true);
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        heading.textProperty().bind(Bindings.createStringBinding(() -> viewModel.amendingProperty().get() == null
                ? texts.get("note.new")
                : texts.format("note.correctionOf", WHEN.format(viewModel.amendingProperty().get().content().meetingAt())),
                viewModel.amendingProperty()));

        DatePicker date = IsoDates.picker();
        date.setId("noteDate");
        date.setMinWidth(130);
        date.valueProperty().bindBidirectional(viewModel.meetingDateProperty());
        TextField time = new TextField();
        time.setId("noteTime");
        time.setPrefColumnCount(5);
        time.setMinWidth(Region.USE_PREF_SIZE);
        time.setPromptText("TT:MM");
        time.textProperty().bindBidirectional(viewModel.meetingTimeProperty());
        ComboBox<MeetingType> type = EnumTexts.combo(texts, MeetingType.values());
        type.setId("noteType");
        type.setPrefWidth(200);
        type.valueProperty().bindBidirectional(viewModel.typeProperty());
        CheckComboBox<Partner> partners = Checks.of(texts, Partner.values(), viewModel.partners());
        partners.setId("notePartners");
        partners.setMaxWidth(Double.MAX_VALUE);
        TextField attendees = new TextField();
        attendees.setId("noteAttendees");
        attendees.textProperty().bindBidirectional(viewModel.attendeesProperty());
        TextArea text = new TextArea();
        text.setId("noteText");
        text.setWrapText(true);
        text.setPrefRowCount(6);
        text.setMinHeight(90);
        text.textProperty().bindBidirectional(viewModel.textProperty());
        GridPane.setVgrow(text, Priority.ALWAYS);

        TextField what = new TextField();
        what.setId("followUpWhat");
        what.setPromptText(texts.get("note.followUp.what"));
        what.setPrefColumnCount(16);
        what.textProperty().bindBidirectional(viewModel.followUpWhatProperty());
        what.setOnAction(e -> viewModel.addFollowUp());
        TextField who = new TextField();
        who.setId("followUpWho");
        who.setPromptText(texts.get("note.followUp.who"));
        who.setPrefColumnCount(8);
        who.textProperty().bindBidirectional(viewModel.followUpWhoProperty());
        DatePicker due = IsoDates.picker();
        due.setId("followUpDue");
        due.setMinWidth(130);
        due.valueProperty().bindBidirectional(viewModel.followUpDueProperty());
        Button addFollowUp = new Button(texts.get("note.followUp.add"));
        addFollowUp.setId("addFollowUpButton");
        addFollowUp.setMinWidth(Region.USE_PREF_SIZE);
        addFollowUp.setOnAction(e -> viewModel.addFollowUp());
        ListView<NotesViewModel.FollowUpRow> followUps = new ListView<>(viewModel.followUps());
        followUps.setId("noteFollowUps");
        followUps.setPrefHeight(70);
        followUps.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(NotesViewModel.FollowUpRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.due() + "  " + item.what()
                        + (item.who().isBlank() ? "" : " (" + item.who() + ")"));
            }
        });
        followUps.visibleProperty().bind(Bindings.isNotEmpty(viewModel.followUps()));
        followUps.managedProperty().bind(followUps.visibleProperty());

        // The text comes right after the meeting's facts and takes the height there is; follow-ups last.
        GridPane grid = FormGrid.create();
        grid.addRow(0, label("note.field.when"), new FlowPane(8, 8, date, time, type));
        grid.addRow(1, label("note.field.partners"), partners);
        grid.addRow(2, label("note.field.attendees"), attendees);
        grid.addRow(3, label("note.field.text"), text);
        grid.addRow(4, label("note.field.followUps"), new VBox(6, new FlowPane(8, 8, what, who, due, addFollowUp),
                followUps));
        javafx.scene.layout.RowConstraints fixed = new javafx.scene.layout.RowConstraints();
        javafx.scene.layout.RowConstraints growing = new javafx.scene.layout.RowConstraints();
        growing.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().setAll(fixed, fixed, fixed, growing, fixed);
        VBox.setVgrow(grid, Priority.ALWAYS);

        Button sign = new Button(texts.get("note.sign"));
        sign.setId("signNoteButton");
        sign.getStyleClass().add(Styles.PRIMARY);
        sign.setMinWidth(Region.USE_PREF_SIZE);
        sign.setOnAction(e -> viewModel.sign());
        Button discard = new Button(texts.get("note.discard"));
        discard.setId("discardNoteButton");
        discard.setMinWidth(Region.USE_PREF_SIZE);
        discard.setOnAction(e -> viewModel.discard());
        Label draft = new Label();
        draft.setMinWidth(0);
        draft.setId("draftStatus");
        draft.setWrapText(true);
        draft.getStyleClass().add(Styles.MUTED);
        draft.textProperty().bind(viewModel.draftStatusProperty());
        HBox buttons = new HBox(8, sign, discard, draft);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("form-buttons");
        // The text takes the height the pane has (scrolling only when the pane is very low); the
        // buttons stay in view however long the note.
        VBox fields = new VBox(8, heading, grid);
        fields.setPadding(new javafx.geometry.Insets(0, 4, 0, 0));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox editor = new VBox(8, scroll, buttons);
        editor.getStyleClass().add(Styles.CARD);
        editor.setMinHeight(160);
        return editor;
    }

    private Label label(String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add(Styles.FIELD_LABEL);
        return label;
    }

    private static String snippet(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    /** A note with its header, its text, who signed it, and its corrections under it. */
    private final class NoteCell extends ListCell<NoteService.Entry> {
        private final NotesViewModel viewModel;
        private final ListView<NoteService.Entry> list;

        NoteCell(NotesViewModel viewModel, ListView<NoteService.Entry> list) {
            this.viewModel = viewModel;
            this.list = list;
        }

        @Override
        protected void updateItem(NoteService.Entry item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            VBox box = new VBox(4, noteBox(item.note(), false));
            for (JournalNote amendment : item.amendments()) {
                box.getChildren().add(noteBox(amendment, true));
            }
            Button correct = new Button(texts.get("note.correct"));
            correct.getStyleClass().add("small");
            JournalNote latest = item.amendments().isEmpty() ? item.note() : item.amendments().getLast();
            correct.setOnAction(e -> viewModel.correct(latest));
            box.getChildren().add(correct);
            // The width the text wraps at is the list's, so its height is reckoned for that width.
            box.prefWidthProperty().bind(list.widthProperty().subtract(40));
            box.maxWidthProperty().bind(list.widthProperty().subtract(40));
            setGraphic(box);
        }

        private VBox noteBox(JournalNote note, boolean amendment) {
            String partners = note.content().partners().stream().sorted().map(p -> EnumTexts.label(texts, p))
                    .collect(Collectors.joining(", "));
            String header = WHEN.format(note.content().meetingAt()) + " · " + EnumTexts.label(texts, note.content().type())
                    + (partners.isEmpty() ? "" : " · " + partners)
                    + (note.content().attendees().isBlank() ? "" : " · " + note.content().attendees());
            Label title = new Label(amendment ? texts.get("note.amendment") + " · " + header : header);
            title.getStyleClass().add(Styles.FIELD_LABEL);
            title.setWrapText(true);
            Label body = new Label(note.content().text());
            body.setWrapText(true);
            Label signed = new Label(texts.format("note.signedBy",
                    WHEN.format(note.signedAt().atZone(viewModel.zone())), note.signedBy()));
            signed.getStyleClass().add(Styles.MUTED);
            VBox box = new VBox(2, title, body, signed);
            box.getStyleClass().add(amendment ? "note-amendment" : "note");
            return box;
        }
    }
}
