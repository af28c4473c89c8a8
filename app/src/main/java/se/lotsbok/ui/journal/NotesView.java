package se.lotsbok.ui.journal;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.ui.common.Confirm;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.IsoDates;
import se.lotsbok.ui.common.Styles;

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

        Label message = new Label();
        message.setId("notesMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.NOTICE);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(viewModel.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());

        TextField search = new TextField();
        search.setId("noteSearchField");
        search.setPromptText(texts.get("note.searchPrompt"));
        search.setOnAction(e -> viewModel.search(search.getText()));
        HBox.setHgrow(search, Priority.ALWAYS);
        Button find = new Button(texts.get("note.search"));
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
        notes.setPlaceholder(new Label(texts.get("note.none")));
        notes.setCellFactory(l -> new NoteCell(viewModel, notes));

        VBox.setVgrow(notes, Priority.ALWAYS);
        VBox journal = new VBox(8, message, new HBox(8, search, find), hits, notes);
        journal.getStyleClass().add("tab-content");
        getItems().addAll(journal, editor(viewModel));
        setDividerPositions(0.42);

        Timeline autosave = new Timeline(new KeyFrame(AUTOSAVE, e -> viewModel.autosave()));
        autosave.setCycleCount(Animation.INDEFINITE);
        autosave.play();
    }

    private VBox editor(NotesViewModel viewModel) {
        Label heading = new Label();
        heading.setId("noteEditorHeading");
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        heading.textProperty().bind(Bindings.createStringBinding(() -> viewModel.amendingProperty().get() == null
                ? texts.get("note.new")
                : texts.format("note.correctionOf", WHEN.format(viewModel.amendingProperty().get().content().meetingAt())),
                viewModel.amendingProperty()));

        DatePicker date = IsoDates.picker();
        date.setId("noteDate");
        date.valueProperty().bindBidirectional(viewModel.meetingDateProperty());
        TextField time = new TextField();
        time.setId("noteTime");
        time.setPrefColumnCount(5);
        time.setPromptText("TT:MM");
        time.textProperty().bindBidirectional(viewModel.meetingTimeProperty());
        ComboBox<MeetingType> type = EnumTexts.combo(texts, MeetingType.values());
        type.setId("noteType");
        type.valueProperty().bindBidirectional(viewModel.typeProperty());
        CheckComboBox<Partner> partners = new CheckComboBox<>();
        partners.setId("notePartners");
        partners.getItems().setAll(Partner.values());
        partners.setConverter(new StringConverter<>() {
            @Override
            public String toString(Partner p) {
                return EnumTexts.label(texts, p);
            }

            @Override
            public Partner fromString(String s) {
                return null;
            }
        });
        syncChecks(partners, viewModel);
        TextField attendees = new TextField();
        attendees.setId("noteAttendees");
        attendees.textProperty().bindBidirectional(viewModel.attendeesProperty());
        TextArea text = new TextArea();
        text.setId("noteText");
        text.setWrapText(true);
        text.setPrefRowCount(8);
        text.textProperty().bindBidirectional(viewModel.textProperty());

        TextField what = new TextField();
        what.setId("followUpWhat");
        what.setPromptText(texts.get("note.followUp.what"));
        TextField who = new TextField();
        who.setId("followUpWho");
        who.setPromptText(texts.get("note.followUp.who"));
        who.setPrefColumnCount(10);
        DatePicker due = IsoDates.picker();
        due.setId("followUpDue");
        due.setValue(viewModel.today().plusWeeks(1));
        Button addFollowUp = new Button(texts.get("note.followUp.add"));
        addFollowUp.setId("addFollowUpButton");
        addFollowUp.setOnAction(e -> {
            if (!what.getText().isBlank()) {
                viewModel.addFollowUp(what.getText(), who.getText(), due.getValue());
                what.clear();
                who.clear();
            }
        });
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

        GridPane grid = FormGrid.create();
        grid.addRow(0, label("note.field.when"), new HBox(8, date, time));
        grid.addRow(1, label("note.field.type"), type);
        grid.addRow(2, label("note.field.partners"), partners);
        grid.addRow(3, label("note.field.attendees"), attendees);
        grid.addRow(4, label("note.field.text"), text);
        HBox followUpRow = new HBox(8, what, who, due, addFollowUp);
        HBox.setHgrow(what, Priority.ALWAYS);
        grid.addRow(5, label("note.field.followUps"), new VBox(6, followUpRow, followUps));

        Button sign = new Button(texts.get("note.sign"));
        sign.setId("signNoteButton");
        sign.getStyleClass().add(Styles.PRIMARY);
        sign.setOnAction(e -> {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, texts.get("note.sign.text"), ButtonType.OK,
                    ButtonType.CANCEL);
            confirm.setTitle(texts.get("app.title"));
            confirm.setHeaderText(texts.get("note.sign.header"));
            confirm.initOwner(getScene().getWindow());
            Confirm.localize(confirm.getDialogPane(), texts);
            confirm.getDialogPane().lookupButton(ButtonType.OK).setId("confirmSignButton");
            if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
                viewModel.sign();
            }
        });
        Button discard = new Button(texts.get("note.discard"));
        discard.setId("discardNoteButton");
        discard.setOnAction(e -> {
            if (Confirm.discardChanges(texts, this)) {
                viewModel.discard();
            }
        });
        Label draft = new Label();
        draft.setId("draftStatus");
        draft.getStyleClass().add(Styles.MUTED);
        draft.textProperty().bind(viewModel.draftStatusProperty());
        HBox buttons = new HBox(8, sign, discard, draft);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("form-buttons");
        javafx.scene.control.ScrollPane fields = new javafx.scene.control.ScrollPane(new VBox(10, heading, grid));
        fields.setFitToWidth(true);
        VBox.setVgrow(fields, Priority.ALWAYS);
        // The buttons stay in view however long the note: signing is never scrolled away.
        VBox editor = new VBox(10, fields, buttons);
        editor.getStyleClass().add(Styles.CARD);
        return editor;
    }

    /** Keeps the check box list and the view model's set of partners in step, both ways. */
    private static void syncChecks(CheckComboBox<Partner> box, NotesViewModel viewModel) {
        boolean[] updating = {false};
        Runnable fromModel = () -> {
            updating[0] = true;
            box.getCheckModel().clearChecks();
            viewModel.partners().forEach(p -> box.getCheckModel().check(p));
            updating[0] = false;
        };
        viewModel.partners().addListener((SetChangeListener<Partner>) c -> {
            if (!updating[0]) {
                fromModel.run();
            }
        });
        box.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<Partner>) c -> {
            if (!updating[0]) {
                updating[0] = true;
                viewModel.partners().retainAll(box.getCheckModel().getCheckedItems());
                viewModel.partners().addAll(box.getCheckModel().getCheckedItems());
                updating[0] = false;
            }
        });
        fromModel.run();
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
