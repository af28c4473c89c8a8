package se.lotsbok.ui.extract;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import se.lotsbok.domain.extract.ExtractFormat;
import se.lotsbok.domain.extract.ExtractScope;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Cards;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.Styles;

/**
 * The register extract window of one participant, opened from the case file: who receives it, what
 * it holds, the secrecy review (leave out notes, mask passages, each with its ground), a preview
 * of the notes as released, the unit's purposes and recipients, earlier releases, and making the
 * files after a warning that they hold personal data.
 */
public final class ExtractDialog {

    private final ExtractViewModel viewModel;
    private final Texts texts;
    private final FileDialogs fileDialogs;
    private final StackPane root;

    public ExtractDialog(ExtractViewModel viewModel, Texts texts, FileDialogs fileDialogs) {
        this.viewModel = viewModel;
        this.texts = texts;
        this.fileDialogs = fileDialogs;

        Label title = new Label();
        title.setId("extractTitle");
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        title.textProperty().bind(viewModel.titleProperty());
        Label warning = new Label(texts.get("extract.warning"));
        warning.setId("extractWarning");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.getStyleClass().add(Styles.ALERT);

        VBox content = new VBox(16, title, warning, recipientCard(), contentCard(), reviewCard(), previewCard(),
                purposesCard(), releasesCard());
        content.setPadding(new Insets(16));
        content.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox main = new VBox(scroll, buttons());
        main.visibleProperty().bind(viewModel.readyProperty());

        Label unavailable = new Label();
        unavailable.setId("extractUnavailable");
        unavailable.setWrapText(true);
        unavailable.textProperty().bind(viewModel.unavailableProperty());
        VBox unavailableCard = new VBox(12, unavailable, closeButton("extractUnavailableClose"));
        unavailableCard.getStyleClass().addAll(Styles.CARD, Styles.EMPTY_STATE);
        unavailableCard.setMaxHeight(Double.MIN_VALUE);
        StackPane.setAlignment(unavailableCard, Pos.TOP_CENTER);
        StackPane.setMargin(unavailableCard, new Insets(24));
        unavailableCard.visibleProperty().bind(Bindings.isNotEmpty(viewModel.unavailableProperty()));

        root = new StackPane(main, unavailableCard);
        root.setId("extractDialog");
        root.getStyleClass().add(Styles.CONTENT);
        root.setPrefSize(860, 760);
    }

    public Parent node() {
        return root;
    }

    /**
     * Opens the window over {@code owner} and reads the participant's record; {@code closed} runs when
     * the window closes (the case file shows the releases made in it).
     */
    public static void show(ExtractViewModel viewModel, Texts texts, FileDialogs fileDialogs, Window owner,
            Runnable closed) {
        ExtractDialog dialog = new ExtractDialog(viewModel, texts, fileDialogs);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.titleProperty().bind(viewModel.titleProperty());
        Scene scene = new Scene(dialog.node());
        scene.getStylesheets().add(ExtractDialog.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setOnHidden(e -> closed.run());
        stage.show();
        viewModel.load();
    }

    /**
     * The button in a participant's case file that opens the extract of the participant shown; it is
     * off while no saved participant is shown.
     */
    public static Button openButton(Texts texts, ObservableValue<Long> participantId, LongConsumer open) {
        Button button = new Button(texts.get("extract.open"));
        button.setId("openExtractButton");
        button.getStyleClass().add(Styles.COMPACT);
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> participantId.getValue() == null,
                participantId));
        button.setOnAction(e -> {
            Long id = participantId.getValue();
            if (id != null) {
                open.accept(id);
            }
        });
        return button;
    }

    private Node recipientCard() {
        ToggleGroup group = new ToggleGroup();
        RadioButton subject = new RadioButton(texts.get("extract.recipient.subject"));
        subject.setId("toSubjectChoice");
        subject.setToggleGroup(group);
        RadioButton other = new RadioButton(texts.get("extract.recipient.other"));
        other.setId("toOtherChoice");
        other.setToggleGroup(group);
        subject.setSelected(viewModel.toSubjectProperty().get());
        other.setSelected(!viewModel.toSubjectProperty().get());
        group.selectedToggleProperty().addListener((obs, old, chosen) ->
                viewModel.toSubjectProperty().set(chosen == subject));
        TextField name = new TextField();
        name.setId("recipientField");
        name.setPromptText(texts.get("extract.recipient.name"));
        name.textProperty().bindBidirectional(viewModel.recipientProperty());
        name.disableProperty().bind(viewModel.toSubjectProperty());
        Label error = Cards.fieldError(viewModel.recipientErrorProperty());
        error.setId("recipientError");
        return Cards.card(texts.get("extract.recipient"), subject, other, name, error);
    }

    private Node contentCard() {
        ComboBox<ExtractScope> scope = new ComboBox<>();
        scope.setId("scopeChoice");
        scope.getItems().setAll(ExtractScope.values());
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExtractScope value) {
                return value == null ? "" : texts.get("extract.scope." + value.name());
            }

            @Override
            public ExtractScope fromString(String text) {
                return null;
            }
        });
        scope.valueProperty().bindBidirectional(viewModel.scopeProperty());
        CheckBox roles = new CheckBox(texts.get("extract.staffAsRoles"));
        roles.setId("staffAsRolesCheck");
        roles.selectedProperty().bindBidirectional(viewModel.staffAsRolesProperty());
        CheckBox pdf = new CheckBox(texts.get("extract.format.PDF"));
        pdf.setId("pdfCheck");
        pdf.selectedProperty().bindBidirectional(viewModel.pdfProperty());
        CheckBox json = new CheckBox(texts.get("extract.format.JSON"));
        json.setId("jsonCheck");
        json.selectedProperty().bindBidirectional(viewModel.jsonProperty());
        Label error = Cards.fieldError(viewModel.formatErrorProperty());
        error.setId("formatError");
        return Cards.card(texts.get("extract.content"), scope, roles, pdf, json, error);
    }

    private Node reviewCard() {
        ListView<ExtractViewModel.NoteLine> notes = new ListView<>(viewModel.notes());
        notes.setId("reviewNotes");
        notes.setPrefHeight(150);
        notes.setPlaceholder(new Label(texts.get("extract.review.noNotes")));
        notes.getSelectionModel().selectedItemProperty().addListener((obs, old, line) ->
                viewModel.selectedNoteProperty().set(line));
        viewModel.selectedNoteProperty().addListener((obs, old, line) -> {
            if (line != null && !line.equals(notes.getSelectionModel().getSelectedItem())) {
                notes.getSelectionModel().select(line);
            }
        });
        TextArea text = new TextArea();
        text.setId("reviewNoteText");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(5);
        text.textProperty().bind(viewModel.selectedTextProperty());
        TextField ground = new TextField();
        ground.setId("groundField");
        ground.setPromptText("OSL 26 kap. 1 §");
        ground.textProperty().bindBidirectional(viewModel.groundProperty());
        Label groundError = Cards.fieldError(viewModel.groundErrorProperty());
        groundError.setId("groundError");
        Button omit = new Button(texts.get("extract.review.omit"));
        omit.setId("omitNoteButton");
        omit.setOnAction(e -> viewModel.omitSelected());
        Button include = new Button(texts.get("extract.review.include"));
        include.setId("includeNoteButton");
        include.setOnAction(e -> viewModel.includeSelected());
        Button mask = new Button(texts.get("extract.review.mask"));
        mask.setId("maskSelectionButton");
        mask.setOnAction(e -> {
            IndexRange selection = text.getSelection();
            viewModel.maskSelection(selection.getStart(), selection.getEnd());
        });
        ListView<ExtractViewModel.MaskLine> masks = new ListView<>(viewModel.masks());
        masks.setId("masksList");
        masks.setPrefHeight(70);
        Button unmask = new Button(texts.get("extract.review.unmask"));
        unmask.setId("unmaskButton");
        unmask.setOnAction(e -> viewModel.unmask(masks.getSelectionModel().getSelectedItem()));
        HBox actions = new HBox(8, omit, include, mask);
        Label message = new Label();
        message.setId("reviewMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(viewModel.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());
        viewModel.lastRefusedProperty().addListener((obs, old, refused) -> {
            message.getStyleClass().removeAll(Styles.FORM_MESSAGE, Styles.NOTICE);
            message.getStyleClass().add(refused ? Styles.FORM_MESSAGE : Styles.NOTICE);
        });
        message.getStyleClass().add(Styles.NOTICE);
        VBox card = Cards.card(texts.get("extract.review"), Cards.hint(texts.get("extract.review.hint")),
                Cards.fieldLabel(texts.get("extract.review.notes")), notes, text,
                Cards.fieldLabel(texts.get("extract.review.ground")), ground, groundError, actions, message,
                Cards.fieldLabel(texts.get("extract.review.masks")), masks, unmask);
        card.disableProperty().bind(viewModel.scopeProperty().isEqualTo(ExtractScope.ACCESS_LOG));
        return card;
    }

    private Node previewCard() {
        TextArea preview = new TextArea();
        preview.setId("previewText");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(10);
        preview.textProperty().bind(viewModel.previewProperty());
        return Cards.card(texts.get("extract.preview"), preview);
    }

    private Node purposesCard() {
        TextArea purposes = new TextArea();
        purposes.setId("purposesField");
        purposes.setWrapText(true);
        purposes.setPrefRowCount(5);
        purposes.textProperty().bindBidirectional(viewModel.purposesProperty());
        Button save = new Button(texts.get("extract.purposes.save"));
        save.setId("savePurposesButton");
        save.setOnAction(e -> viewModel.savePurposes());
        return Cards.card(texts.get("extract.purposes"), purposes, save);
    }

    private Node releasesCard() {
        ListView<String> releases = new ListView<>(viewModel.releases());
        releases.setId("releasesList");
        releases.setPrefHeight(90);
        releases.setPlaceholder(new Label(texts.get("extract.releases.none")));
        return Cards.card(texts.get("extract.releases"), releases);
    }

    private Node buttons() {
        Button make = new Button(texts.get("extract.make"));
        make.setId("makeExtractButton");
        make.getStyleClass().add(Styles.PRIMARY);
        make.disableProperty().bind(viewModel.busyProperty());
        make.setOnAction(e -> make());
        HBox buttons = new HBox(8, make, closeButton("closeExtractButton"));
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(12, 16, 12, 16));
        buttons.getStyleClass().add("form-buttons");
        return buttons;
    }

    private Button closeButton(String id) {
        Button close = new Button(texts.get("extract.close"));
        close.setId(id);
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
                stage.close();
            }
        });
        return close;
    }

    /** Asks where each chosen form goes, then makes the extract; a cancelled file dialog makes nothing. */
    private void make() {
        if (!viewModel.readyToMake()) {
            return;
        }
        Map<ExtractFormat, Path> files = new EnumMap<>(ExtractFormat.class);
        for (ExtractFormat format : viewModel.chosenFormats()) {
            Optional<Path> file = fileDialogs.save(root, texts.format("extract.chooseFile", format.name()),
                    viewModel.suggestedFileName(format), format.extension());
            if (file.isEmpty()) {
                return;
            }
            files.put(format, file.get());
        }
        viewModel.make(files);
    }
}
