package se.lotsbok.ui.settings;

import static se.lotsbok.ui.common.Cards.card;
import static se.lotsbok.ui.common.Cards.fieldError;
import static se.lotsbok.ui.common.Cards.fieldLabel;
import static se.lotsbok.ui.common.Cards.hint;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Banner;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Styles;

/** The "Inställningar" screen. */
public final class SettingsScreen implements Screen {

    private final SettingsViewModel viewModel;
    private final Texts texts;
    private final ScrollPane root;

    public SettingsScreen(SettingsViewModel viewModel, OwnPasswordViewModel ownPassword, Texts texts) {
        this.viewModel = viewModel;
        this.texts = texts;

        Label title = new Label(texts.get("nav.settings"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);

        ComboBox<Locale> language = new ComboBox<>();
        language.setId("languageChoice");
        language.getItems().setAll(List.of(Texts.SWEDISH, Texts.ENGLISH));
        StringConverter<Locale> names = new StringConverter<>() {
            @Override
            public String toString(Locale locale) {
                return locale == null ? "" : texts.get("language." + locale.getLanguage());
            }

            @Override
            public Locale fromString(String text) {
                return null;
            }
        };
        language.setConverter(names);
        language.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Locale item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : names.toString(item));
            }
        });
        language.valueProperty().bindBidirectional(viewModel.languageProperty());
        GridPane languageGrid = grid();
        languageGrid.addRow(0, fieldLabel(texts.get("settings.language")), language);
        VBox languageCard = card(texts.get("settings.language.section"), languageGrid,
                hint(texts.get("settings.language.hint")));

        GridPane unitGrid = grid();
        TextField unitName = new TextField();
        unitName.setId("unitNameField");
        unitName.textProperty().bindBidirectional(viewModel.unitNameProperty());
        unitName.setPrefColumnCount(24);
        Label unitNameError = fieldError(viewModel.unitNameErrorProperty());
        unitNameError.setId("unitNameError");
        HBox unitNameCell = new HBox(8, unitName, unitNameError);
        unitNameCell.setAlignment(Pos.CENTER_LEFT);
        unitGrid.addRow(0, fieldLabel(texts.get("settings.unitName")), unitNameCell);
        int row = 1;
        for (SettingsViewModel.NumberField field : SettingsViewModel.NumberField.values()) {
            TextField input = new TextField();
            input.setId("setting_" + field.name());
            input.setPrefColumnCount(4);
            input.textProperty().bindBidirectional(viewModel.numberProperty(field));
            HBox cell = new HBox(8, input, fieldError(viewModel.errorProperty(field)));
            cell.setAlignment(Pos.CENTER_LEFT);
            unitGrid.addRow(row++, fieldLabel(texts.get("settings." + field.name())), cell);
        }
        Button save = new Button(texts.get("settings.save"));
        save.setId("saveSettingsButton");
        save.getStyleClass().add(Styles.PRIMARY);
        save.setOnAction(e -> viewModel.save());
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label message = Banner.of(viewModel.messageProperty(), "settingsMessage");
        HBox.setHgrow(message, javafx.scene.layout.Priority.ALWAYS);
        HBox buttons = new HBox(12, save, message);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox unitCard = card(texts.get("settings.unit.section"), unitGrid, buttons);
        if (!viewModel.canManageUnit()) {
            unitGrid.setDisable(true);
            buttons.setDisable(true);
            unitCard.getChildren().add(1, hint(texts.get("access.refused.MANAGE_SETTINGS")));
        }

        TextField fingerprint = new TextField();
        fingerprint.setId("aboutFingerprint");
        fingerprint.setEditable(false);
        fingerprint.textProperty().bind(viewModel.fingerprintProperty());
        Label version = new Label(viewModel.version());
        version.setId("aboutVersion");
        fingerprint.setMaxWidth(Double.MAX_VALUE);
        HBox versionRow = new HBox(12, fieldLabel(texts.get("about.version")), version);
        versionRow.setAlignment(Pos.CENTER_LEFT);
        VBox aboutCard = card(texts.get("about.section"), versionRow,
                new VBox(6, fieldLabel(texts.get("about.fingerprint")), fingerprint),
                hint(texts.get("about.fingerprint.help")));

        VBox passwordCard = passwordCard(ownPassword, texts);
        languageCard.setMaxWidth(720);
        unitCard.setMaxWidth(720);
        aboutCard.setMaxWidth(720);
        passwordCard.setMaxWidth(720);
        VBox content = new VBox(16, title, languageCard, passwordCard, unitCard,
                OutcomeSettingsView.of(viewModel.outcome(), texts), aboutCard);
        content.getStyleClass().add(Styles.CONTENT);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("settingsScreen");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return texts.get("nav.settings");
    }

    @Override
    public void shown() {
        viewModel.load();
    }

    private static VBox passwordCard(OwnPasswordViewModel ownPassword, Texts texts) {
        PasswordField current = new PasswordField();
        current.setId("currentPasswordField");
        current.textProperty().bindBidirectional(ownPassword.currentProperty());
        PasswordField fresh = new PasswordField();
        fresh.setId("newPasswordField");
        fresh.textProperty().bindBidirectional(ownPassword.passwordProperty());
        PasswordField again = new PasswordField();
        again.setId("repeatNewPasswordField");
        again.textProperty().bindBidirectional(ownPassword.repeatedProperty());
        GridPane grid = grid();
        grid.addRow(0, fieldLabel(texts.get("settings.password.current")), current);
        grid.addRow(1, fieldLabel(texts.get("login.newPassword")), fresh);
        grid.addRow(2, fieldLabel(texts.get("login.repeat")), again);
        Button change = new Button(texts.get("settings.password.change"));
        change.setId("changePasswordButton");
        change.setOnAction(e -> ownPassword.submit());
        Label message = new Label();
        message.setId("passwordMessage");
        message.setWrapText(true);
        message.textProperty().bind(ownPassword.messageProperty());
        HBox buttons = new HBox(12, change, message);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return card(texts.get("settings.password.section"), grid, buttons);
    }

    private static GridPane grid() {
        GridPane grid = FormGrid.create();
        return grid;
    }
}
