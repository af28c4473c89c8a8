package se.lotsbok.bench;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The yardstick of the start-up benchmark: the least a JavaFX program does to show a window. */
public final class MinimalWindow {

    static final String TITLE = "Minimal JavaFX";

    private MinimalWindow() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle(TITLE);
            stage.setScene(new Scene(new StackPane(), 1280, 800));
            stage.show();
        });
    }
}
