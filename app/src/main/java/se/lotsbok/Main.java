package se.lotsbok;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
            PrintStream out = console(FileDescriptor.out, "stdout.encoding");
            PrintStream err = console(FileDescriptor.err, "stderr.encoding");
            int status = new Cli(out, err, Clock.systemDefaultZone()).run(args);
            out.flush();
            err.flush();
            System.exit(status);
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

    /**
     * The console in its own encoding (a Windows code page, say), except that a plain-ASCII console
     * (the C locale of a bare server) gets UTF-8 rather than question marks for å, ä and ö.
     */
    private static PrintStream console(FileDescriptor fd, String encodingProperty) {
        Charset charset;
        try {
            charset = Charset.forName(System.getProperty(encodingProperty, "UTF-8"));
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.UTF_8;
        }
        if (charset.equals(StandardCharsets.US_ASCII)) {
            charset = StandardCharsets.UTF_8;
        }
        return new PrintStream(new FileOutputStream(fd), true, charset);
    }

    /** Libraries announce themselves on the console; only their warnings matter to a user. */
    private static void quietLibraries() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        for (String name : new String[] {"org.flywaydb", "org.jooq", "java.util.prefs"}) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
        // JavaFX from the class path is deliberate (a plain `java -jar`); its start-up warning about
        // that is not news. Style sheet problems (javafx.css) are still reported.
        Logger javafx = Logger.getLogger("javafx");
        javafx.setLevel(Level.SEVERE);
        Logger css = Logger.getLogger("javafx.css");
        css.setLevel(Level.WARNING);
        QUIETED.addAll(List.of(javafx, css));
    }
}
