package se.lotsbok.ui.backup;

import static se.lotsbok.ui.common.Cards.card;
import static se.lotsbok.ui.common.Cards.fieldError;
import static se.lotsbok.ui.common.Cards.fieldLabel;
import static se.lotsbok.ui.common.Cards.hint;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.maintenance.MaintenanceService.BackupFile;
import se.lotsbok.ui.common.Banner;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/** The "Säkerhetskopior" screen, for the administrator. */
public final class BackupScreen implements Screen {

    public static final String RESTORE_BUTTON_ID = BackupViewModel.RESTORE_BUTTON_ID;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final BackupViewModel viewModel;
    private final ServerMoveViewModel move;
    private final Texts texts;
    private final ScrollPane root;

    public BackupScreen(BackupViewModel viewModel, ServerMoveViewModel move, Texts texts, FileDialogs files) {
        this.viewModel = viewModel;
        this.move = move;
        this.texts = texts;

        Label title = new Label(texts.get("nav.backups"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);

        GridPane grid = FormGrid.create();
        TextField folder = new TextField();
        folder.setId("backupFolderField");
        folder.setPromptText(texts.get("backup.folder.prompt"));
        folder.textProperty().bindBidirectional(viewModel.folderProperty());
        grid.addRow(0, fieldLabel(texts.get("backup.folder")), withError(folder, viewModel.folderErrorProperty()));
        TextField keep = new TextField();
        keep.setId("backupKeepField");
        keep.setPrefColumnCount(4);
        keep.setMaxWidth(90);
        keep.textProperty().bindBidirectional(viewModel.keepProperty());
        grid.addRow(1, fieldLabel(texts.get("backup.keep")), withError(keep, viewModel.keepErrorProperty()));
        Label location = new Label();
        location.setId("backupLocation");
        location.getStyleClass().add(Styles.MUTED);
        location.textProperty().bind(Bindings.concat(texts.get("backup.location"), " ", viewModel.locationProperty()));
        Button save = new Button(texts.get("backup.settings.save"));
        save.setId("saveBackupSettingsButton");
        save.setOnAction(e -> viewModel.saveSettings());
        VBox settingsCard = card(texts.get("backup.settings.section"), hint(texts.get("backup.settings.hint")), grid,
                location, save);

        TableView<BackupFile> table = new TableView<>(viewModel.backups());
        table.setId("backupTable");
        table.setPlaceholder(Tables.placeholder(texts.get("backup.none")));
        table.getColumns().add(Tables.column(texts.get("backup.column.time"), b -> b.takenAt().format(TIME), 170));
        table.getColumns().add(Tables.column(texts.get("backup.column.size"),
                b -> String.format(Locale.ROOT, "%.1f MB", b.bytes() / 1_000_000.0), 90));
        table.getColumns().add(Tables.column(texts.get("backup.column.file"), b -> b.path().getFileName().toString(), 330));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(220);

        Button now = new Button(texts.get("backup.now"));
        now.setId("backupNowButton");
        now.getStyleClass().add(Styles.PRIMARY);
        now.setOnAction(e -> viewModel.backupNow());
        Button restoreSelected = new Button(texts.get("backup.restore.selected"));
        restoreSelected.setId("restoreSelectedButton");
        restoreSelected.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        restoreSelected.setOnAction(e -> {
            BackupFile chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                viewModel.restore(chosen.path(), chosen.takenAt().format(TIME));
            }
        });
        Button restoreFile = new Button(texts.get("backup.restore.file"));
        restoreFile.setId("restoreFileButton");
        restoreFile.setOnAction(e -> files.open(table, texts.get("backup.restore.file"), "zip")
                .ifPresent(path -> viewModel.restore(path, path.getFileName().toString())));
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(20, 20);
        working.visibleProperty().bind(viewModel.busyProperty());
        HBox buttons = new HBox(12, now, restoreSelected, restoreFile, working);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.disableProperty().bind(viewModel.busyProperty());
        Label message = Banner.of(viewModel.messageProperty(), "backupMessage");
        VBox listCard = card(texts.get("backup.list.section"), hint(texts.get("backup.list.hint")), table, buttons, message);
        listCard.setMaxWidth(760);
        settingsCard.setMaxWidth(760);

        VBox content = new VBox(16, title, listCard, settingsCard);
        if (move.possible()) {
            VBox moveCard = moveCard(move, texts);
            moveCard.setMaxWidth(760);
            content.getChildren().add(moveCard);
        }
        content.getStyleClass().add(Styles.CONTENT);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("backupScreen");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return texts.get("nav.backups");
    }

    @Override
    public void shown() {
        viewModel.load();
    }

    @Override
    public void hidden() {
        viewModel.clearMessage();
        move.clearMessage();
    }

    /** "Flytta registret till kontorsservern": the server's address, its installer's login, one's own password. */
    private static VBox moveCard(ServerMoveViewModel move, Texts texts) {
        GridPane grid = FormGrid.create();
        TextField address = new TextField();
        address.setId("moveAddressField");
        address.setPromptText(texts.get("move.address.prompt"));
        address.textProperty().bindBidirectional(move.addressProperty());
        grid.addRow(0, fieldLabel(texts.get("move.address")), withLongError(address, move.addressErrorProperty()));
        TextField installer = new TextField();
        installer.setId("moveInstallerField");
        installer.textProperty().bindBidirectional(move.installerProperty());
        grid.addRow(1, fieldLabel(texts.get("move.installer")), withLongError(installer, move.installerErrorProperty()));
        PasswordField installerPassword = new PasswordField();
        installerPassword.setId("moveInstallerPasswordField");
        installerPassword.textProperty().bindBidirectional(move.installerPasswordProperty());
        grid.addRow(2, fieldLabel(texts.get("move.installerPassword")), installerPassword);
        PasswordField password = new PasswordField();
        password.setId("movePasswordField");
        password.textProperty().bindBidirectional(move.passwordProperty());
        grid.addRow(3, fieldLabel(texts.get("move.password")), withLongError(password, move.passwordErrorProperty()));

        Button go = new Button(texts.get("move.button"));
        go.setId("moveToServerButton");
        go.setOnAction(e -> move.move());
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(20, 20);
        working.visibleProperty().bind(move.busyProperty());
        HBox buttons = new HBox(12, go, working);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.disableProperty().bind(move.busyProperty());
        grid.disableProperty().bind(move.busyProperty());
        return card(texts.get("move.section"), hint(texts.get("move.hint")), grid,
                hint(texts.get("move.installer.hint")), buttons, Banner.of(move.messageProperty(), "moveMessage"));
    }

    private static Node withError(TextField field, javafx.beans.value.ObservableStringValue error) {
        return new VBox(4, field, fieldError(error));
    }

    /** A field with its message beneath, wrapped to the field's width: the move's messages are sentences. */
    private static Node withLongError(javafx.scene.control.TextInputControl field,
            javafx.beans.value.ObservableStringValue error) {
        Label message = fieldError(error);
        message.setWrapText(true);
        message.prefWidthProperty().bind(field.widthProperty());
        return new VBox(4, field, message);
    }
}
