package se.lotsbok.ui.shell;

import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The training run that the build makes the packaged program's AOT cache from (started with
 * {@code -Dlotsbok.aot.training=true} on a new register in a temporary folder, never by a user): does
 * at start-up what a user does, so that what those steps load is in the cache. It creates the first
 * administrator, opens each place of the main window, logs out, logs in again and closes the window.
 * It drives the window by its nodes' ids, as the UI tests do.
 */
public final class TrainingRun {

    public static final String PROPERTY = "lotsbok.aot.training";
    static final String USER = "aot";
    static final String PASSWORD = "ett långt träningslösenord";
    static final String UNIT = "AOT";
    /** Ticks of 100 ms before the run gives up (two minutes). */
    private static final int GIVE_UP = 1_200;

    private enum Step {
        FIRST_ADMINISTRATOR, PLACES, LOGIN, CLOSE, DONE
    }

    private final Stage stage;
    private final Runnable onFailure;
    private Timeline ticks;
    private Step step = Step.FIRST_ADMINISTRATOR;
    private int tick;
    private int place;
    private boolean loggedInTwice;

    private TrainingRun(Stage stage, Runnable onFailure) {
        this.stage = stage;
        this.onFailure = onFailure;
    }

    /** Starts driving {@code stage}; {@code onFailure} runs if the end is not reached in time. */
    public static void start(Stage stage, Runnable onFailure) {
        TrainingRun run = new TrainingRun(stage, onFailure);
        run.ticks = new Timeline(new KeyFrame(Duration.millis(100), e -> run.tick()));
        run.ticks.setCycleCount(Animation.INDEFINITE);
        run.ticks.play();
    }

    private void tick() {
        if (++tick > GIVE_UP) {
            ticks.stop();
            onFailure.run();
            return;
        }
        Scene scene = stage.getScene();
        switch (step) {
            case FIRST_ADMINISTRATOR -> {
                if (shown(scene, "#displayNameField") && enabled(scene, "#loginButton")) {
                    type(scene, "#firstUnitNameField", UNIT);
                    type(scene, "#usernameField", USER);
                    type(scene, "#displayNameField", "AOT");
                    type(scene, "#passwordField", PASSWORD);
                    type(scene, "#repeatedPasswordField", PASSWORD);
                    press(scene, "#loginButton");
                    step = Step.PLACES;
                }
            }
            case PLACES -> {
                if (scene.lookup("#logoutButton") == null || tick % 5 != 0) {
                    return;
                }
                List<Node> places = scene.getRoot().lookupAll(".toggle-button").stream()
                        .filter(n -> n.getId() != null && n.getId().startsWith("nav_")).toList();
                if (!loggedInTwice && place < places.size()) {
                    ((ButtonBase) places.get(place++)).fire();
                } else if (!loggedInTwice && place++ > places.size() + 2) {
                    // A moment for the last place to load before its database closes.
                    press(scene, "#logoutButton");
                    step = Step.LOGIN;
                } else if (loggedInTwice) {
                    step = Step.CLOSE;
                }
            }
            case LOGIN -> {
                if (shown(scene, "#usernameField") && !shown(scene, "#displayNameField") && enabled(scene, "#loginButton")) {
                    type(scene, "#usernameField", USER);
                    type(scene, "#passwordField", PASSWORD);
                    press(scene, "#loginButton");
                    loggedInTwice = true;
                    step = Step.PLACES;
                }
            }
            case CLOSE -> {
                step = Step.DONE;
                ticks.stop();
                // Outside the animation pulse, as a user's click on the close box would be.
                Platform.runLater(stage::close);
            }
            case DONE -> ticks.stop();
        }
    }

    private static boolean shown(Scene scene, String id) {
        Node node = scene.lookup(id);
        return node != null && node.isVisible();
    }

    private static boolean enabled(Scene scene, String id) {
        Node node = scene.lookup(id);
        return node != null && !node.isDisabled();
    }

    private static void type(Scene scene, String id, String text) {
        ((TextInputControl) scene.lookup(id)).setText(text);
    }

    private static void press(Scene scene, String id) {
        ((ButtonBase) scene.lookup(id)).fire();
    }
}
