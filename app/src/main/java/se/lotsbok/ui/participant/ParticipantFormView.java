package se.lotsbok.ui.participant;

import java.util.List;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.ParticipantField;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.Styles;

/** The participant form: each field with its message right below it. */
final class ParticipantFormView extends VBox {

    private final ParticipantFormViewModel viewModel;
    private final Texts texts;
    private final GridPane grid = FormGrid.create();
    private final TextField firstName = new TextField();
    private int row;

    /**
     * @param banner shown above the fields (why the record is read-only, and the choice to cover)
     * @param footer shown below the fields (who has opened the record)
     */
    ParticipantFormView(ParticipantFormViewModel viewModel, Texts texts, LongConsumer openParticipant, Runnable close,
            Node banner, Node footer) {
        this.viewModel = viewModel;
        this.texts = texts;
        getStyleClass().addAll(Styles.CARD, "participant-form");
        setId("participantForm");

        Label title = new Label();
        title.setId("formTitle");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        title.textProperty().bind(viewModel.titleProperty());

        Label formMessage = new Label();
        formMessage.setId("formMessage");
        formMessage.getStyleClass().add(Styles.FORM_MESSAGE);
        formMessage.setWrapText(true);
        formMessage.textProperty().bind(viewModel.formMessageProperty());
        showOnlyWhenText(formMessage, viewModel.formMessageProperty());

        firstName.setId("firstNameField");
        addText("participant.field.firstName", firstName, viewModel.firstNameProperty(), ParticipantField.FIRST_NAME);
        TextField lastName = new TextField();
        lastName.setId("lastNameField");
        addText("participant.field.lastName", lastName, viewModel.lastNameProperty(), ParticipantField.LAST_NAME);

        TextField identity = new TextField();
        identity.setId("identityNumberField");
        identity.setPromptText(texts.get("participant.field.identityNumber.prompt"));
        identity.textProperty().bindBidirectional(viewModel.identityNumberProperty());
        identity.disableProperty().bind(viewModel.withoutIdentityNumberProperty());
        CheckBox without = new CheckBox(texts.get("participant.field.withoutIdentityNumber"));
        without.setId("withoutIdentityNumberCheck");
        without.setWrapText(true);
        without.selectedProperty().bindBidirectional(viewModel.withoutIdentityNumberProperty());
        Hyperlink openExisting = new Hyperlink(texts.get("participant.form.openExisting"));
        openExisting.setId("openExistingLink");
        openExisting.visibleProperty().bind(viewModel.duplicateOfProperty().isNotNull());
        openExisting.managedProperty().bind(openExisting.visibleProperty());
        openExisting.setOnAction(e -> {
            if (viewModel.duplicateOfProperty().get() != null) {
                openParticipant.accept(viewModel.duplicateOfProperty().get().id());
            }
        });
        addRow("participant.field.identityNumber", identity, ParticipantField.IDENTITY_NUMBER,
                fieldWithMessage(identity, ParticipantField.IDENTITY_NUMBER, openExisting, without));

        TextField birthDate = new TextField();
        birthDate.setId("birthDateField");
        birthDate.setPromptText(texts.get("participant.field.birthDate.prompt"));
        birthDate.textProperty().bindBidirectional(viewModel.birthDateProperty());
        Node[] birthRow = addText("participant.field.birthDate", birthDate, null, ParticipantField.BIRTH_DATE);
        for (Node node : birthRow) {
            node.visibleProperty().bind(viewModel.withoutIdentityNumberProperty());
            node.managedProperty().bind(viewModel.withoutIdentityNumberProperty());
        }

        SegmentedButton gender = segmented("genderChoice", viewModel.genderProperty(), Gender.values(), "gender.");
        addRow("participant.field.gender", gender, ParticipantField.GENDER,
                fieldWithMessage(gender, ParticipantField.GENDER));

        SegmentedButton programme = segmented("programmeChoice", viewModel.programmeProperty(),
                Programme.values(), "programme.");
        Label ageWarning = new Label();
        ageWarning.setId("ageWarning");
        ageWarning.getStyleClass().add(Styles.FIELD_WARNING);
        ageWarning.setWrapText(true);
        ageWarning.textProperty().bind(viewModel.ageWarningProperty());
        showOnlyWhenText(ageWarning, viewModel.ageWarningProperty());
        addRow("participant.field.programme", programme, ParticipantField.PROGRAMME,
                fieldWithMessage(programme, ParticipantField.PROGRAMME, ageWarning));

        TextField phone = new TextField();
        phone.setId("phoneField");
        addText("participant.field.phone", phone, viewModel.phoneProperty(), ParticipantField.PHONE);
        TextField address = new TextField();
        address.setId("addressField");
        addText("participant.field.address", address, viewModel.addressProperty(), ParticipantField.ADDRESS);
        TextArea comment = new TextArea();
        comment.setId("commentField");
        comment.setWrapText(true);
        comment.setPrefRowCount(4);
        addText("participant.field.comment", comment, viewModel.commentProperty(), ParticipantField.COMMENT);

        Button save = new Button(texts.get("participant.form.save"));
        save.setId("saveButton");
        save.getStyleClass().add(Styles.PRIMARY);
        save.setDefaultButton(true);
        save.disableProperty().bind(viewModel.savingProperty().or(viewModel.editableProperty().not()));
        grid.disableProperty().bind(viewModel.editableProperty().not());
        save.setOnAction(e -> viewModel.save());
        Button cancel = new Button(texts.get("participant.form.close"));
        cancel.setId("closeFormButton");
        cancel.setOnAction(e -> close.run());
        Label unsaved = new Label(texts.get("participant.form.unsaved"));
        unsaved.setId("unsavedLabel");
        unsaved.getStyleClass().add(Styles.MUTED);
        unsaved.visibleProperty().bind(viewModel.dirtyProperty());
        save.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        unsaved.setWrapText(true);
        HBox buttons = new HBox(8, save, cancel, unsaved);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("form-buttons");

        VBox content = new VBox(12, title, banner, formMessage, grid, footer);
        content.setPadding(new Insets(0, 4, 0, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("form-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(scroll, buttons);
        setSpacing(12);

        // Ctrl+S is the screen's: it saves whichever tab is showing, wherever the focus is.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
    }

    /** Puts the cursor in the first field. */
    void focusFirstField() {
        firstName.requestFocus();
    }

    private Node[] addText(String labelKey, TextInputControl control,
            javafx.beans.property.StringProperty property, ParticipantField field) {
        if (property != null) {
            control.textProperty().bindBidirectional(property);
        }
        return addRow(labelKey, control, field, fieldWithMessage(control, field));
    }

    private Node[] addRow(String labelKey, Node control, ParticipantField field, Node cell) {
        Label label = new Label(texts.get(labelKey));
        label.getStyleClass().add(Styles.FIELD_LABEL);
        label.setLabelFor(control);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        grid.addRow(row++, label, cell);
        return new Node[] {label, cell};
    }

    private VBox fieldWithMessage(Node control, ParticipantField field, Node... extra) {
        Label message = new Label();
        message.setId(idOf(field) + "Error");
        message.getStyleClass().add(Styles.FIELD_ERROR);
        message.setWrapText(true);
        ObservableStringValue error = viewModel.errorProperty(field);
        message.textProperty().bind(error);
        showOnlyWhenText(message, error);
        error.addListener((obs, old, text) -> {
            if (text.isEmpty()) {
                control.getStyleClass().remove(Styles.INVALID);
            } else if (!control.getStyleClass().contains(Styles.INVALID)) {
                control.getStyleClass().add(Styles.INVALID);
            }
        });
        VBox cell = new VBox(4, control, message);
        cell.getChildren().addAll(extra);
        return cell;
    }

    /**
     * Choice buttons for a coded value. Once a value is chosen one button stays chosen: pressing it
     * again (a click, Space) does not empty the field. The arrow keys move the choice within the group.
     */
    private <E extends Enum<E>> SegmentedButton segmented(String id, ObjectProperty<E> property, E[] values, String keyPrefix) {
        SegmentedButton buttons = new SegmentedButton();
        buttons.setId(id);
        ToggleGroup group = new ToggleGroup();
        buttons.setToggleGroup(group);
        for (E value : values) {
            ToggleButton button = new ToggleButton(texts.get(keyPrefix + value.name()));
            button.setId(id + "_" + value.name());
            button.setUserData(value);
            button.setToggleGroup(group);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                int step = switch (e.getCode()) {
                    case LEFT, UP -> -1;
                    case RIGHT, DOWN -> 1;
                    default -> 0;
                };
                if (step != 0) {
                    List<javafx.scene.control.Toggle> toggles = group.getToggles();
                    int next = Math.floorMod(toggles.indexOf(button) + step, toggles.size());
                    ToggleButton target = (ToggleButton) toggles.get(next);
                    target.setSelected(true);
                    target.requestFocus();
                    e.consume();
                }
            });
            buttons.getButtons().add(button);
        }
        boolean[] updating = {false};
        Runnable fromModel = () -> {
            updating[0] = true;
            try {
                group.selectToggle(group.getToggles().stream().filter(t -> t.getUserData() == property.get())
                        .findFirst().orElse(null));
            } finally {
                updating[0] = false;
            }
        };
        property.addListener((obs, old, value) -> fromModel.run());
        fromModel.run();
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (updating[0]) {
                return;
            }
            if (toggle == null) {
                // The chosen button was pressed again: it stays chosen, the value stays.
                if (old != null && property.get() != null) {
                    updating[0] = true;
                    try {
                        old.setSelected(true);
                    } finally {
                        updating[0] = false;
                    }
                }
                return;
            }
            @SuppressWarnings("unchecked")
            E chosen = (E) toggle.getUserData();
            property.set(chosen);
        });
        return buttons;
    }

    private static void showOnlyWhenText(Node node, ObservableStringValue text) {
        node.visibleProperty().bind(Bindings.isNotEmpty(text));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static String idOf(ParticipantField field) {
        return switch (field) {
            case FIRST_NAME -> "firstName";
            case LAST_NAME -> "lastName";
            case IDENTITY_NUMBER -> "identityNumber";
            case BIRTH_DATE -> "birthDate";
            case GENDER -> "gender";
            case PROGRAMME -> "programme";
            case PHONE -> "phone";
            case ADDRESS -> "address";
            case COMMENT -> "comment";
        };
    }
}
