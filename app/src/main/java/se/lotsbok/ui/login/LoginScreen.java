package se.lotsbok.ui.login;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.about.AboutDialog;
import se.lotsbok.ui.common.Cards;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.Styles;

/** The first thing shown: log in, or on first start create the first administrator. */
public final class LoginScreen {

    private final StackPane root;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField unitName = new TextField();

    public LoginScreen(LoginViewModel viewModel, Texts texts) {
        Label title = new Label(texts.get("app.title"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        Label heading = new Label();
        heading.setId("loginHeading");
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        Label intro = new Label();
        intro.setId("loginIntro");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.MUTED);

        username.setId("usernameField");
        // No longer than any user name can be: what is typed is kept as a failed login until the next one.
        username.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() <= Credentials.MAX_USERNAME_LENGTH ? change : null));
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        TextField displayName = new TextField();
        displayName.setId("displayNameField");
        displayName.textProperty().bindBidirectional(viewModel.displayNameProperty());
        unitName.setId("firstUnitNameField");
        unitName.setPromptText(texts.get("login.unitName.prompt"));
        unitName.textProperty().bindBidirectional(viewModel.unitNameProperty());
        Label unitNameError = Cards.fieldError(viewModel.unitNameErrorProperty());
        unitNameError.setId("firstUnitNameError");
        VBox unitNameCell = new VBox(4, unitName, unitNameError);
        password.setId("passwordField");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        PasswordField repeated = new PasswordField();
        repeated.setId("repeatedPasswordField");
        repeated.textProperty().bindBidirectional(viewModel.repeatedProperty());
        Label passwordHint = new Label(texts.format("login.passwordHint", viewModel.minimumPasswordLength()));
        passwordHint.getStyleClass().add(Styles.MUTED);
        passwordHint.setWrapText(true);

        GridPane grid = FormGrid.create();
        Label usernameLabel = label(texts.get("login.username"));
        Label displayNameLabel = label(texts.get("login.displayName"));
        Label passwordLabel = label(texts.get("login.password"));
        Label repeatedLabel = label(texts.get("login.repeat"));
        Label unitNameLabel = label(texts.get("settings.unitName"));
        grid.addRow(0, unitNameLabel, unitNameCell);
        grid.addRow(1, usernameLabel, username);
        grid.addRow(2, displayNameLabel, displayName);
        grid.addRow(3, passwordLabel, password);
        grid.addRow(4, repeatedLabel, repeated);
        grid.add(passwordHint, 1, 5);

        Label message = Cards.formMessage("loginMessage", viewModel.messageProperty());

        Button submit = new Button();
        submit.setId("loginButton");
        submit.getStyleClass().add(Styles.PRIMARY);
        submit.setDefaultButton(true);
        submit.disableProperty().bind(viewModel.busyProperty().or(viewModel.checkingProperty()));
        submit.setOnAction(e -> viewModel.submit());
        Label working = new Label();
        working.setId("loginWorking");
        working.setWrapText(true);
        working.getStyleClass().add(Styles.MUTED);
        working.textProperty().bind(viewModel.workingProperty());
        HBox.setHgrow(working, javafx.scene.layout.Priority.ALWAYS);
        HBox buttons = new HBox(12, submit, working);
        // Made when first needed: its animation costs the first frame time for nothing.
        viewModel.busyProperty().addListener((obs, was, busy) -> {
            if (busy && buttons.getChildren().size() == 2) {
                ProgressIndicator progress = new ProgressIndicator();
                progress.setPrefSize(22, 22);
                progress.visibleProperty().bind(viewModel.busyProperty());
                buttons.getChildren().add(1, progress);
            }
        });
        buttons.setAlignment(Pos.CENTER_LEFT);

        Runnable layout = () -> {
            LoginViewModel.Mode mode = viewModel.modeProperty().get();
            boolean first = mode == LoginViewModel.Mode.FIRST_ADMINISTRATOR;
            boolean change = mode == LoginViewModel.Mode.CHANGE_PASSWORD;
            heading.setText(texts.get("login.heading." + mode.name()));
            intro.setText(texts.get("login.intro." + mode.name()));
            submit.setText(texts.get("login.submit." + mode.name()));
            passwordLabel.setText(texts.get(change ? "login.newPassword" : "login.password"));
            show(first, displayNameLabel, displayName, unitNameLabel, unitNameCell);
            show(first || change, repeatedLabel, repeated, passwordHint);
            show(!change, usernameLabel, username);
        };
        viewModel.modeProperty().addListener((obs, old, mode) -> {
            layout.run();
            Platform.runLater(password::requestFocus);
        });
        layout.run();

        Label version = new Label(texts.format("login.version", viewModel.version()));
        version.setId("appVersion");
        version.getStyleClass().add(Styles.MUTED);
        Hyperlink about = new Hyperlink(texts.get("about.title"));
        about.setId("aboutLink");
        about.setOnAction(e -> AboutDialog.show(about, viewModel.about(), texts));
        HBox footer = new HBox(12, version, about);
        footer.setAlignment(Pos.CENTER_LEFT);

        root = Cards.centred("loginScreen", 14, title, heading, intro, grid, message, buttons, footer);
    }

    public Parent node() {
        return root;
    }

    /** The cursor to the first empty field. */
    public void focus() {
        Platform.runLater(() -> (unitName.isVisible() && unitName.getText().isEmpty() ? unitName
                : username.getText().isEmpty() ? username : password).requestFocus());
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.FIELD_LABEL);
        return label;
    }

    private static void show(boolean visible, Node... nodes) {
        for (Node node : nodes) {
            node.setVisible(visible);
            node.setManaged(visible);
        }
    }
}
