package se.lotsbok;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import se.lotsbok.cli.Arguments;
import se.lotsbok.cli.Cli;
import se.lotsbok.domain.common.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.store.StoreException;
import se.lotsbok.ui.common.ErrorReporter;
import se.lotsbok.ui.common.FxTasks;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.shell.MainWindow;

/**
 * Starts Lotsbok: with a command ({@code info}, {@code backup}, …) it runs that and exits; otherwise
 * it opens the window. Not a JavaFX {@code Application}, so the jar runs with JavaFX on the class path.
 */
public final class Main {

    // Held so the configured loggers are not collected and their levels forgotten.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private Main() {
    }

    public static void main(String[] args) {
        quietLibraries();
        if (Cli.isCommand(args)) {
            System.exit(new Cli(System.out, System.err, Clock.systemDefaultZone()).run(args));
        }
        Path folder;
        try {
            folder = Arguments.parse(args, Texts.swedish()).option("db").map(Path::of)
                    .orElseGet(DataFolder::defaultFolder);
        } catch (Arguments.UsageException e) {
            System.err.println("lotsbok: " + e.getMessage());
            System.exit(Cli.USAGE);
            return;
        }
        startWindow(folder);
    }

    private static void startWindow(Path folder) {
        LanguagePreference language = LanguagePreference.userPreferences();
        try {
            Platform.startup(() -> openWindow(folder, language));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            System.err.println("lotsbok: " + Texts.of(language.load()).get("error.noDisplay"));
            System.exit(Cli.FAILED);
        }
    }

    private static void openWindow(Path folder, LanguagePreference language) {
        Texts texts = Texts.of(language.load());
        AppWiring wiring;
        try {
            wiring = AppWiring.open(folder, Clock.systemDefaultZone());
        } catch (StoreException.InUse e) {
            fatal(texts, texts.get("error.inUse"));
            return;
        } catch (StoreException.TooNew e) {
            fatal(texts, texts.format("error.tooNew", e.fileVersion()));
            return;
        } catch (StoreException e) {
            System.err.println("lotsbok: " + ErrorReporter.describe(e));
            fatal(texts, texts.format("error.cannotOpen", folder.toAbsolutePath()));
            return;
        }
        FxTasks tasks = new FxTasks();
        Stage stage = new Stage();
        stage.setOnHidden(e -> {
            tasks.close();
            wiring.close();
            Platform.exit();
        });
        new MainWindow(wiring.services(), Actor.PLACEHOLDER, tasks, language).show(stage);
    }

    private static void fatal(Texts texts, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setTitle(texts.get("app.title"));
        alert.setHeaderText(texts.get("error.cannotStart"));
        alert.showAndWait();
        Platform.exit();
    }

    /** Libraries announce themselves on the console; only their warnings matter to a user. */
    private static void quietLibraries() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        for (String name : new String[] {"org.flywaydb", "org.jooq", "com.zaxxer", "javafx"}) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }
}
