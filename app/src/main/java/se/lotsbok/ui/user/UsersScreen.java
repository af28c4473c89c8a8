package se.lotsbok.ui.user;

import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import se.lotsbok.domain.navigator.NavigatorRef;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Banner;
import se.lotsbok.ui.common.Cards;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/** The "Användare" screen: accounts on the left, the chosen one's form on the right. */
public final class UsersScreen implements Screen {

    private final UsersViewModel viewModel;
    private final Texts texts;
    private final SplitPane root;

    private final SecurityViewModel security;

    public UsersScreen(UsersViewModel viewModel, SecurityViewModel security, Texts texts) {
        this.viewModel = viewModel;
        this.texts = texts;
        this.security = security;

        TableView<UserAccount> table = new TableView<>(viewModel.users());
        table.setId("usersTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(Tables.placeholder(texts.get("users.none")));
        table.getColumns().add(column(texts.get("users.column.username"), UserAccount::username));
        table.getColumns().add(column(texts.get("users.column.name"), UserAccount::displayName));
        table.getColumns().add(column(texts.get("users.column.roles"), u -> u.roles().stream().sorted()
                .map(r -> texts.get("role." + r.name())).collect(Collectors.joining(", "))));
        table.getColumns().add(column(texts.get("users.column.status"),
                viewModel::status));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, user) -> {
            if (user != null) {
                viewModel.selectedProperty().set(user);
            }
        });
        Button create = new Button(texts.get("users.new"));
        create.setId("newUserButton");
        create.getStyleClass().add(Styles.PRIMARY);
        create.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            viewModel.newUser();
        });
        Label title = new Label(texts.get("nav.users"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        VBox left = new VBox(10, new HBox(12, title, create), table);
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField username = new TextField();
        username.setId("userUsernameField");
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        username.editableProperty().bind(viewModel.creatingProperty());
        TextField displayName = new TextField();
        displayName.setId("userDisplayNameField");
        displayName.textProperty().bindBidirectional(viewModel.displayNameProperty());
        VBox roleBoxes = new VBox(6);
        for (Role role : Role.values()) {
            CheckBox box = new CheckBox(texts.get("role." + role.name()));
            box.setId("role_" + role.name());
            box.selectedProperty().bindBidirectional(viewModel.roleProperty(role));
            roleBoxes.getChildren().add(box);
        }
        ComboBox<NavigatorRef> navigator = new ComboBox<>(viewModel.navigators());
        navigator.setId("userNavigatorChoice");
        navigator.setPromptText(texts.get("users.noNavigator"));
        navigator.setCellFactory(list -> new NavigatorCell());
        navigator.setButtonCell(new NavigatorCell());
        navigator.valueProperty().bindBidirectional(viewModel.navigatorProperty());
        Button clearNavigator = new Button(texts.get("users.unlinkNavigator"));
        clearNavigator.setOnAction(e -> viewModel.navigatorProperty().set(null));
        PasswordField password = new PasswordField();
        password.setId("userPasswordField");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        PasswordField repeated = new PasswordField();
        repeated.setId("userRepeatedField");
        repeated.textProperty().bindBidirectional(viewModel.repeatedProperty());

        GridPane grid = FormGrid.create();
        grid.addRow(0, label(texts.get("login.username")), username);
        grid.addRow(1, label(texts.get("login.displayName")), displayName);
        grid.addRow(2, label(texts.get("users.roles")), roleBoxes);
        clearNavigator.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(3, label(texts.get("users.navigator")), new javafx.scene.layout.FlowPane(8, 8, navigator,
                clearNavigator));
        grid.addRow(4, label(texts.get("users.temporaryPassword")), password);
        grid.addRow(5, label(texts.get("login.repeat")), repeated);
        Label hint = new Label(texts.get("users.passwordHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        grid.add(hint, 1, 6);

        Button save = new Button(texts.get("users.save"));
        save.setId("saveUserButton");
        save.getStyleClass().add(Styles.PRIMARY);
        save.setOnAction(e -> viewModel.save());
        Button reset = new Button(texts.get("users.resetPassword"));
        reset.setId("resetPasswordButton");
        reset.disableProperty().bind(viewModel.creatingProperty());
        reset.setOnAction(e -> viewModel.resetPassword());
        Button deactivate = new Button(texts.get("users.deactivate"));
        deactivate.setId("deactivateUserButton");
        deactivate.disableProperty().bind(viewModel.creatingProperty());
        deactivate.setOnAction(e -> viewModel.deactivate());
        HBox buttons = new HBox(8, save, reset, deactivate);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label message = Banner.of(viewModel.messageProperty(), "usersMessage");

        Label formTitle = new Label();
        formTitle.getStyleClass().add(Styles.SECTION_TITLE);
        formTitle.textProperty().bind(Bindings.when(viewModel.creatingProperty())
                .then(texts.get("users.new")).otherwise(viewModel.displayNameProperty()));
        VBox form = new VBox(14, formTitle, grid, buttons, message);
        form.getStyleClass().add(Styles.CARD);
        VBox right = new VBox(16, form, securityCard(security, texts));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);

        root = new SplitPane(left, scroll);
        root.setDividerPositions(0.5);
        root.setId("usersScreen");
        viewModel.newUser();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return texts.get("nav.users");
    }

    @Override
    public void shown() {
        viewModel.load();
        security.load();
    }

    /** The unit's security settings and the change of the register's key. */
    private static VBox securityCard(SecurityViewModel security, Texts texts) {
        TextField minutes = new TextField();
        minutes.setId("idleMinutesField");
        minutes.setPrefColumnCount(4);
        minutes.textProperty().bindBidirectional(security.idleMinutesProperty());
        TextField days = new TextField();
        days.setId("temporaryDaysField");
        days.setPrefColumnCount(4);
        days.textProperty().bindBidirectional(security.temporaryDaysProperty());
        GridPane grid = FormGrid.create();
        grid.addRow(0, Cards.fieldLabel(texts.get("security.idleMinutes")),
                new HBox(8, minutes, Cards.fieldError(security.idleMinutesErrorProperty())));
        grid.addRow(1, Cards.fieldLabel(texts.get("security.temporaryDays")),
                new HBox(8, days, Cards.fieldError(security.temporaryDaysErrorProperty())));
        Button save = new Button(texts.get("settings.save"));
        save.setId("saveSecurityButton");
        save.setOnAction(e -> security.save());
        Button changeKey = new Button(texts.get("security.changeKey"));
        changeKey.setId("changeKeyButton");
        changeKey.disableProperty().bind(security.busyProperty());
        changeKey.setVisible(security.mayChangeKey());
        changeKey.setManaged(security.mayChangeKey());
        changeKey.setOnAction(e -> {
            security.changeKey();
        });
        Label message = new Label();
        message.setId("securityMessage");
        message.setWrapText(true);
        message.textProperty().bind(security.messageProperty());
        HBox buttons = new HBox(8, save, changeKey);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label keyHint = Cards.hint(texts.get("security.changeKey.hint"));
        keyHint.setVisible(security.mayChangeKey());
        keyHint.setManaged(security.mayChangeKey());
        return Cards.card(texts.get("security.section"), grid, keyHint, buttons, message);
    }

    @Override
    public void hidden() {
        viewModel.clearMessage();
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.FIELD_LABEL);
        return label;
    }

    private static TableColumn<UserAccount, String> column(String title,
            java.util.function.Function<UserAccount, String> value) {
        return Tables.column(title, value);
    }

    private static final class NavigatorCell extends ListCell<NavigatorRef> {
        @Override
        protected void updateItem(NavigatorRef item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name());
        }
    }
}
