package se.lotsbok;

import java.io.Console;
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
import javafx.stage.Stage;
import se.lotsbok.cli.Arguments;
import se.lotsbok.cli.Cli;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.FxTasks;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.shell.AppWindow;

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
        Thread.setDefaultUncaughtExceptionHandler(UncaughtErrors.typeOnly(System.err));
        quietLibraries();
        Clock clock = AppWiring.systemClock();
        if (Cli.isCommand(args)) {
            PrintStream out = console(FileDescriptor.out, "stdout.encoding");
            PrintStream err = console(FileDescriptor.err, "stderr.encoding");
            // Since JDK 22 there is a Console object even without a terminal; only a real one may be asked.
            Console console = System.console() != null && System.console().isTerminal() ? System.console() : null;
            int status = new Cli(out, err, System.getenv(), console,
                    folder -> AppWiring.auth(folder, clock), clock).run(args);
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
        startWindow(folder, clock);
    }

    private static void startWindow(Path folder, Clock clock) {
        LanguagePreference language = LanguagePreference.userPreferences();
        try {
            Platform.startup(() -> openWindow(folder, language, clock));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            System.err.println("lotsbok: " + Texts.of(language.load()).get("error.noDisplay"));
            System.exit(Cli.FAILED);
        }
    }

    private static void openWindow(Path folder, LanguagePreference language, Clock clock) {
        FxTasks tasks = new FxTasks();
        AppWindow window = new AppWindow(AppWiring.auth(folder, clock), tasks, language, clock);
        Stage stage = new Stage();
        stage.setOnHidden(e -> {
            // Logging out writes to the log: the worker finishes what it has first.
            tasks.close();
            window.close();
            Platform.exit();
        });
        window.show(stage);
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
