package se.lotsbok.ui.shell;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.service.AppServices;
import se.lotsbok.service.auth.Session;
import se.lotsbok.ui.access.AccessLogScreen;
import se.lotsbok.ui.access.AccessLogViewModel;
import se.lotsbok.ui.user.SecurityViewModel;
import se.lotsbok.ui.user.UsersScreen;
import se.lotsbok.ui.user.UsersViewModel;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Confirm;
import se.lotsbok.ui.common.ErrorReporter;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.report.ReportsScreen;
import se.lotsbok.ui.report.ReportsViewModel;
import se.lotsbok.ui.retention.RetentionScreen;
import se.lotsbok.ui.retention.RetentionViewModel;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.journal.TodoScreen;
import se.lotsbok.ui.journal.TodoViewModel;
import se.lotsbok.ui.navigator.NavigatorsScreen;
import se.lotsbok.ui.navigator.NavigatorsViewModel;
import se.lotsbok.ui.participant.ParticipantsScreen;
import se.lotsbok.ui.participant.ParticipantsViewModel;
import se.lotsbok.ui.settings.SettingsScreen;
import se.lotsbok.ui.backup.BackupScreen;
import se.lotsbok.ui.backup.BackupViewModel;
import se.lotsbok.ui.settings.OwnPasswordViewModel;
import se.lotsbok.ui.settings.SettingsViewModel;

/** The main window: a header, the navigation on the left and the chosen screen beside it. */
public final class MainWindow {

    /** The places in the navigation, in order; Ctrl+1, Ctrl+2, … reach those the user's roles show. */
    public enum Place {
        TODO("nav.todo", Action.READ_REGISTER),
        PARTICIPANTS("nav.participants", Action.READ_REGISTER),
        NAVIGATORS("nav.navigators", Action.READ_REGISTER),
        REPORTS("nav.reports", Action.RUN_REPORTS),
        ACCESS_LOG("nav.accessLog", Action.REVIEW_ACCESS_LOG),
        // The enhetschef's gallring; the administrator sees only its settings there.
        RETENTION("nav.retention", Action.RUN_RETENTION, Action.MANAGE_SETTINGS),
        USERS("nav.users", Action.MANAGE_USERS),
        BACKUPS("nav.backups", Action.MANAGE_BACKUPS),
        SETTINGS("nav.settings");

        private final String key;
        /** Shown to a user who may do any of these; to everyone when there are none. */
        private final Action[] needs;

        Place(String key, Action... needs) {
            this.key = key;
            this.needs = needs;
        }

        boolean shownTo(Actor actor) {
            return needs.length == 0 || java.util.Arrays.stream(needs)
                    .anyMatch(action -> AccessPolicy.decide(actor, action).allowed());
        }
    }

    private final Session session;
    private final AppServices services;
    private final Actor actor;
    private final Tasks tasks;
    private final LanguagePreference languagePreference;
    private final Runnable onLogout;
    private final FileDialogs fileDialogs;
    private final AtomicReference<UnitSettings> unitSettings = new AtomicReference<>(UnitSettings.DEFAULTS);

    private Stage stage;
    private Texts texts;
    private ParticipantsScreen participants;
    private Label unitLabel;
    private final Map<Place, ToggleButton> navButtons = new LinkedHashMap<>();

    /**
     * @param session the logged-in user's session; the window shows what the user's roles allow
     * @param onLogout called after the user chose to log out and nothing unsaved stood in the way
     */
    public MainWindow(Session session, Tasks tasks, LanguagePreference languagePreference, Runnable onLogout) {
        this(session, tasks, languagePreference, onLogout, FileDialogs.system());
    }

    /** As above, with the file dialogs to use (tests answer them without a native dialog). */
    public MainWindow(Session session, Tasks tasks, LanguagePreference languagePreference, Runnable onLogout,
            FileDialogs fileDialogs) {
        this.fileDialogs = fileDialogs;
        this.session = session;
        this.services = session.services();
        this.actor = session.actor();
        this.tasks = tasks;
        this.languagePreference = languagePreference;
        this.onLogout = onLogout;
    }

    /** Builds the window's content in the saved language and shows it on {@code stage}. */
    public void show(Stage stage) {
        this.stage = stage;
        build(languagePreference.load());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            if (!mayLeave()) {
                e.consume();
            }
        });
        stage.show();
    }

    /** Whether the window may close or log out: nothing unsaved, or the user chose to discard it. */
    public boolean mayLeave() {
        return participants == null || !participants.hasUnsavedChanges()
                || Confirm.discardChanges(texts, stage.getScene().getRoot());
    }

    /**
     * The register this window showed was replaced by a restore (or the attempt ended the session):
     * says so, then goes back to the login screen. Nothing is left unsaved: a restore is only
     * reached from the backup screen, with the participant form closed or saved.
     */
    private void sessionEnded(String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        alert.setTitle(texts.get("app.title"));
        alert.setHeaderText(texts.get("backup.sessionEnded"));
        alert.initOwner(stage);
        Confirm.localize(alert.getDialogPane(), texts);
        alert.showAndWait();
        onLogout.run();
    }

    /** Switches to a place in the navigation, if the user's roles show it. */
    public void go(Place place) {
        ToggleButton button = navButtons.get(place);
        if (button != null) {
            button.setSelected(true);
        }
    }

    private void build(Locale locale) {
        texts = Texts.of(locale);
        ErrorReporter errors = new ErrorReporter(texts);

        participants = new ParticipantsScreen(new ParticipantsViewModel(services.participants(), services.cases(),
                services.navigators(), services.notes(), services.accessLog(),
                actor, tasks, texts, unitSettings::get, services.clock(), errors), texts);
        SettingsScreen settings = new SettingsScreen(new SettingsViewModel(services.settings(), actor, tasks, texts,
                this::languageChanged, this::settingsChanged, errors),
                new OwnPasswordViewModel(session::changePassword, tasks, texts, errors), texts);

        Map<Place, Node> screens = new LinkedHashMap<>();
        Map<Place, Runnable> onShow = new LinkedHashMap<>();
        for (Place place : Place.values()) {
            if (!place.shownTo(actor)) {
                continue;
            }
            switch (place) {
                case TODO -> {
                    TodoScreen todo = new TodoScreen(new TodoViewModel(services.notes(), actor, tasks, texts, errors),
                            texts, this::openParticipant);
                    screens.put(place, todo.node());
                    onShow.put(place, todo::load);
                }
                case PARTICIPANTS -> {
                    screens.put(place, participants.node());
                    onShow.put(place, participants::load);
                }
                case NAVIGATORS -> {
                    NavigatorsScreen navigators = new NavigatorsScreen(new NavigatorsViewModel(services.navigators(),
                            actor, tasks, texts, services.clock(), errors), texts);
                    screens.put(place, navigators.node());
                    onShow.put(place, navigators::load);
                }
                case REPORTS -> {
                    ReportsScreen reports = new ReportsScreen(new ReportsViewModel(services.reports(),
                            services.imports(), actor, tasks, texts, services.clock(), errors), texts, fileDialogs);
                    screens.put(place, reports.node());
                    onShow.put(place, reports::load);
                }
                case ACCESS_LOG -> {
                    AccessLogScreen accessLog = new AccessLogScreen(new AccessLogViewModel(services.accessLog(),
                            services.participants(), actor, tasks, texts, services.clock(), errors), texts);
                    screens.put(place, accessLog.node());
                    onShow.put(place, accessLog::load);
                }
                case RETENTION -> {
                    RetentionScreen retention = new RetentionScreen(new RetentionViewModel(services.retention(), actor,
                            tasks, texts, services.clock().getZone(), errors), texts);
                    screens.put(place, retention.node());
                    onShow.put(place, retention::load);
                }
                case USERS -> {
                    UsersScreen users = new UsersScreen(new UsersViewModel(services.users(), actor, tasks, texts, errors),
                            new SecurityViewModel(services.settings(), services.users(), actor, tasks, texts, errors),
                            texts);
                    screens.put(place, users.node());
                    onShow.put(place, users::load);
                }
                case BACKUPS -> {
                    BackupScreen backups = new BackupScreen(new BackupViewModel(services.maintenance(), actor, tasks,
                            texts, errors, this::sessionEnded), texts, fileDialogs);
                    screens.put(place, backups.node());
                    onShow.put(place, backups::load);
                }
                case SETTINGS -> {
                    screens.put(place, settings.node());
                    onShow.put(place, settings::load);
                }
            }
        }

        StackPane content = new StackPane();
        content.getStyleClass().add(Styles.CONTENT);
        content.setId("content");
        VBox sidebar = new VBox(4);
        sidebar.getStyleClass().add(Styles.SIDEBAR);
        sidebar.setId("sidebar");
        ToggleGroup nav = new ToggleGroup();
        navButtons.clear();
        for (Map.Entry<Place, Node> entry : screens.entrySet()) {
            Place place = entry.getKey();
            ToggleButton button = new ToggleButton(texts.get(place.key));
            button.setId("nav_" + place.name());
            button.getStyleClass().add(Styles.NAV_BUTTON);
            button.setToggleGroup(nav);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setUserData(place);
            navButtons.put(place, button);
            sidebar.getChildren().add(button);
        }
        nav.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                // A navigation entry stays chosen: clicking it again must not empty the window.
                old.setSelected(true);
                return;
            }
            Place place = (Place) selected.getUserData();
            content.getChildren().setAll(screens.get(place));
            // Each screen reads afresh when shown: other screens and other users change the register.
            onShow.getOrDefault(place, () -> { }).run();
        });

        BorderPane root = new BorderPane();
        root.getStyleClass().add(Styles.APP);
        root.setTop(header());
        root.setLeft(sidebar);
        root.setCenter(content);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource(Styles.STYLESHEET).toExternalForm());
        if (screens.containsKey(Place.PARTICIPANTS)) {
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
                go(Place.PARTICIPANTS);
                participants.newParticipant();
            });
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                go(Place.PARTICIPANTS);
                participants.focusSearch();
            });
        }
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        int index = 0;
        for (Place place : screens.keySet()) {
            if (index == digits.length) {
                break;
            }
            scene.getAccelerators().put(new KeyCodeCombination(digits[index++], KeyCombination.SHORTCUT_DOWN),
                    () -> go(place));
        }
        stage.setTitle(texts.get("app.title") + " – " + actor.displayName());
        stage.setScene(scene);

        tasks.run(services.settings()::load, this::settingsChanged, errors);
        // A lots starts on "Att göra"; others on the register (or whatever their roles show first).
        Place start = actor.navigatorId() != null && screens.containsKey(Place.TODO) ? Place.TODO
                : screens.containsKey(Place.PARTICIPANTS) ? Place.PARTICIPANTS : screens.keySet().iterator().next();
        go(start);
        if (screens.containsKey(Place.PARTICIPANTS)) {
            participants.focusSearch();
        }
    }

    private void openParticipant(long participantId) {
        go(Place.PARTICIPANTS);
        participants.show(participantId);
    }

    private Node header() {
        Label title = new Label(texts.get("app.title"));
        title.getStyleClass().add(Styles.HEADER_TITLE);
        unitLabel = new Label();
        unitLabel.setId("unitName");
        unitLabel.getStyleClass().add(Styles.HEADER_SUBTITLE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label user = new Label(texts.format("header.user", actor.displayName(), roles()));
        user.setId("currentUser");
        user.getStyleClass().add(Styles.HEADER_SUBTITLE);
        Button logout = new Button(texts.get("header.logout"));
        logout.setId("logoutButton");
        logout.getStyleClass().add("header-button");
        logout.setOnAction(e -> {
            if (mayLeave()) {
                onLogout.run();
            }
        });
        HBox header = new HBox(12, title, unitLabel, spacer, user, logout);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.HEADER);
        return header;
    }

    private String roles() {
        return actor.roles().stream().sorted().map(r -> texts.get("role." + r.name()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private Node emptyState(String key) {
        Label title = new Label(texts.get("placeholder." + key + ".title"));
        title.getStyleClass().add(Styles.EMPTY_STATE_TITLE);
        Label text = new Label(texts.get("placeholder." + key + ".text"));
        text.setWrapText(true);
        text.getStyleClass().add(Styles.MUTED);
        VBox box = new VBox(8, title, text);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(520);
        box.setPadding(new Insets(32));
        box.getStyleClass().addAll(Styles.CARD, Styles.EMPTY_STATE);
        box.setId("placeholder_" + key);
        StackPane holder = new StackPane(box);
        holder.setAlignment(Pos.TOP_CENTER);
        return holder;
    }

    private void settingsChanged(UnitSettings settings) {
        unitSettings.set(settings);
        unitLabel.setText(settings.unitName());
    }

    private boolean languageChanged(Locale locale) {
        if (!mayLeave()) {
            return false;
        }
        languagePreference.save(locale);
        // Rebuilt after the combo box's own event, so the old scene is not torn down beneath it.
        javafx.application.Platform.runLater(() -> {
            build(locale);
            go(Place.SETTINGS);
        });
        return true;
    }
}
