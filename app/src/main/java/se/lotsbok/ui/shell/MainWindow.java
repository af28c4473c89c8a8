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
import se.lotsbok.domain.common.Actor;
import se.lotsbok.service.AppServices;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Confirm;
import se.lotsbok.ui.common.ErrorReporter;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.participant.ParticipantsScreen;
import se.lotsbok.ui.participant.ParticipantsViewModel;
import se.lotsbok.ui.settings.SettingsScreen;
import se.lotsbok.ui.settings.SettingsViewModel;

/** The main window: a header, the navigation on the left and the chosen screen beside it. */
public final class MainWindow {

    /** The places in the navigation, in order; Ctrl+1 … Ctrl+4 reach them. */
    public enum Place {
        PARTICIPANTS("nav.participants"),
        NAVIGATORS("nav.navigators"),
        REPORTS("nav.reports"),
        SETTINGS("nav.settings");

        private final String key;

        Place(String key) {
            this.key = key;
        }
    }

    private final AppServices services;
    private final Actor actor;
    private final Tasks tasks;
    private final LanguagePreference languagePreference;
    private final AtomicReference<UnitSettings> unitSettings = new AtomicReference<>(UnitSettings.DEFAULTS);

    private Stage stage;
    private Texts texts;
    private ParticipantsScreen participants;
    private Label unitLabel;
    private final Map<Place, ToggleButton> navButtons = new LinkedHashMap<>();

    public MainWindow(AppServices services, Actor actor, Tasks tasks, LanguagePreference languagePreference) {
        this.services = services;
        this.actor = actor;
        this.tasks = tasks;
        this.languagePreference = languagePreference;
    }

    /** Builds the window's content in the saved language and shows it on {@code stage}. */
    public void show(Stage stage) {
        this.stage = stage;
        build(languagePreference.load());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            if (participants.hasUnsavedChanges() && !Confirm.discardChanges(texts, stage.getScene().getRoot())) {
                e.consume();
            }
        });
        stage.show();
    }

    /** Switches to a place in the navigation. */
    public void go(Place place) {
        navButtons.get(place).setSelected(true);
    }

    private void build(Locale locale) {
        texts = Texts.of(locale);
        ErrorReporter errors = new ErrorReporter(texts);

        participants = new ParticipantsScreen(new ParticipantsViewModel(services.participants(), actor, tasks, texts,
                unitSettings::get, errors), texts);
        SettingsScreen settings = new SettingsScreen(new SettingsViewModel(services.settings(), actor, tasks, texts,
                this::languageChanged, this::settingsChanged, errors), texts);

        Map<Place, Node> screens = new LinkedHashMap<>();
        screens.put(Place.PARTICIPANTS, participants.node());
        screens.put(Place.NAVIGATORS, emptyState("navigators"));
        screens.put(Place.REPORTS, emptyState("reports"));
        screens.put(Place.SETTINGS, settings.node());

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
            if (place == Place.PARTICIPANTS && old != null) {
                // Other screens (and, later, imports) change the register: show it as it is now.
                participants.load();
            }
        });

        BorderPane root = new BorderPane();
        root.getStyleClass().add(Styles.APP);
        root.setTop(header());
        root.setLeft(sidebar);
        root.setCenter(content);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource(Styles.STYLESHEET).toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            go(Place.PARTICIPANTS);
            participants.newParticipant();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            go(Place.PARTICIPANTS);
            participants.focusSearch();
        });
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (Place place : Place.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(digits[place.ordinal()], KeyCombination.SHORTCUT_DOWN),
                    () -> go(place));
        }
        stage.setTitle(texts.get("app.title"));
        stage.setScene(scene);

        go(Place.PARTICIPANTS);
        tasks.run(services.settings()::load, this::settingsChanged, errors);
        participants.load();
        settings.load();
        participants.focusSearch();
    }

    private Node header() {
        Label title = new Label(texts.get("app.title"));
        title.getStyleClass().add(Styles.HEADER_TITLE);
        unitLabel = new Label();
        unitLabel.setId("unitName");
        unitLabel.getStyleClass().add(Styles.HEADER_SUBTITLE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label shortcuts = new Label(texts.get("header.shortcuts"));
        shortcuts.getStyleClass().add(Styles.HEADER_SUBTITLE);
        HBox header = new HBox(12, title, unitLabel, spacer, shortcuts);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.HEADER);
        return header;
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
        if (participants.hasUnsavedChanges() && !Confirm.discardChanges(texts, stage.getScene().getRoot())) {
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
