package se.lotsbok.ui.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
import javafx.stage.Stage;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.AppServices;
import se.lotsbok.service.auth.Session;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.report.AppVersion;
import se.lotsbok.ui.about.AboutDialog;
import se.lotsbok.ui.about.AboutViewModel;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.ErrorReporter;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.FxDialogs;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Question;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tasks;

/**
 * The main window: a header, the navigation on the left and the chosen {@link Screen} beside it.
 * Screens are made by {@link Screens} the first time they are chosen; each is told when it comes
 * into view and when it goes.
 */
public final class MainWindow {

    public static final String DISCARD_BUTTON_ID = "discardChangesButton";
    public static final String KEEP_BUTTON_ID = "keepEditingButton";

    private final Session session;
    private final AppServices services;
    private final java.nio.file.Path dataFolder;
    /** The office server the register is on, or "". */
    private final String server;
    private final Actor actor;
    private final Tasks tasks;
    private final LanguagePreference languagePreference;
    private final Runnable onLogout;
    private final FileDialogs fileDialogs;
    private final AtomicReference<UnitSettings> unitSettings = new AtomicReference<>(UnitSettings.DEFAULTS);

    private Stage stage;
    private Texts texts;
    private Dialogs dialogs;
    private Screens screens;
    private Screen current;
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
        this.dataFolder = session.dataFolder();
        this.server = session.server().orElse("");
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
        boolean unsaved = screens != null && screens.made().stream().anyMatch(Screen::hasUnsavedChanges);
        return !unsaved || dialogs.confirm(Question.ask(texts.get("confirm.discard.header"),
                        texts.get("confirm.discard.text"))
                .go(texts.get("confirm.discard.discard"), DISCARD_BUTTON_ID)
                .stay(texts.get("confirm.discard.keep"), KEEP_BUTTON_ID));
    }

    /**
     * The register this window showed was replaced by a restore (or the attempt ended the session):
     * says so, then goes back to the login screen. Nothing is left unsaved: a restore is only
     * reached from the backup screen, with the participant form closed or saved.
     */
    private void sessionEnded(String message) {
        dialogs.tell(Question.inform(texts.get("backup.sessionEnded"), message));
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
        dialogs = new FxDialogs(texts, () -> stage);
        ErrorReporter errors = new ErrorReporter(texts, dialogs);
        screens = new Screens(services, actor, tasks, texts, dialogs, fileDialogs, errors, new Screens.Window(
                unitSettings::get, this::openParticipant, this::languageChanged, this::settingsChanged,
                this::sessionEnded, session::changePassword));
        current = null;
        List<Place> places = java.util.Arrays.stream(Place.values()).filter(p -> p.shownTo(actor)).toList();

        StackPane content = new StackPane();
        content.getStyleClass().add(Styles.CONTENT);
        content.setId("content");
        VBox sidebar = new VBox(4);
        sidebar.getStyleClass().add(Styles.SIDEBAR);
        sidebar.setId("sidebar");
        ToggleGroup nav = new ToggleGroup();
        navButtons.clear();
        for (Place place : places) {
            ToggleButton button = new ToggleButton(texts.get(place.key()));
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
            Screen next = screens.get((Place) selected.getUserData());
            if (current != null && current != next) {
                current.hidden();
            }
            current = next;
            content.getChildren().setAll(next.node());
            stage.setTitle(texts.get("app.title") + " – " + next.title() + " – " + actor.displayName());
            // Each screen reads afresh when shown: other screens and other users change the register.
            next.shown();
        });

        BorderPane root = new BorderPane();
        root.getStyleClass().add(Styles.APP);
        root.setTop(header());
        root.setLeft(sidebar);
        root.setCenter(content);

        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource(Styles.STYLESHEET).toExternalForm());
        if (places.contains(Place.PARTICIPANTS)) {
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
                go(Place.PARTICIPANTS);
                screens.participants().newParticipant();
            });
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                go(Place.PARTICIPANTS);
                screens.participants().focusSearch();
            });
        }
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < Math.min(digits.length, places.size()); i++) {
            Place place = places.get(i);
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> go(place));
        }
        stage.setScene(scene);

        tasks.run(services.settings()::load, this::settingsChanged, errors);
        // A lots starts on "Att göra"; others on the register (or whatever their roles show first).
        Place start = actor.navigatorId() != null && places.contains(Place.TODO) ? Place.TODO
                : places.contains(Place.PARTICIPANTS) ? Place.PARTICIPANTS : places.getFirst();
        go(start);
        if (start == Place.PARTICIPANTS) {
            screens.participants().focusSearch();
        }
    }

    private void openParticipant(long participantId) {
        go(Place.PARTICIPANTS);
        screens.participants().show(participantId);
    }

    private Node header() {
        Label title = new Label(texts.get("app.title"));
        title.getStyleClass().add(Styles.HEADER_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
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
        logout.setMinWidth(Region.USE_PREF_SIZE);
        logout.setOnAction(e -> {
            if (mayLeave()) {
                onLogout.run();
            }
        });
        Button about = new Button(texts.get("about.title"));
        about.setId("aboutButton");
        about.getStyleClass().add("header-button");
        about.setOnAction(e -> tasks.run(services.settings()::signingFingerprint, fingerprint -> AboutDialog.show(about,
                new AboutViewModel(AppVersion.get(), server, dataFolder, AboutViewModel.FolderOpener.system(), texts,
                        SigningKey.grouped(fingerprint)), texts), new ErrorReporter(texts, dialogs)));
        HBox header = new HBox(12, title, unitLabel, spacer, user, about, logout);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.HEADER);
        return header;
    }

    private String roles() {
        return actor.roles().stream().sorted().map(r -> texts.get("role." + r.name()))
                .collect(Collectors.joining(", "));
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
        Platform.runLater(() -> {
            build(locale);
            go(Place.SETTINGS);
        });
        return true;
    }
}
