package se.lotsbok;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.stage.Stage;
import se.lotsbok.cli.Arguments;
import se.lotsbok.cli.Cli;
import se.lotsbok.i18n.Texts;
import se.lotsbok.log.AppLog;
import se.lotsbok.report.AppVersion;
import se.lotsbok.service.auth.Login;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.ui.common.ErrorReporter;
import se.lotsbok.ui.common.FxTasks;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.shell.AppWindow;
import se.lotsbok.ui.shell.TrainingRun;

/**
 * Starts Lotsbok: with a command ({@code info}, {@code backup}, …) it runs that and exits; otherwise
 * it opens the window. Not a JavaFX {@code Application}, so the jar runs with JavaFX on the class path.
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());
    // Held so the configured loggers are not collected and their levels forgotten.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private Main() {
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(UncaughtErrors.typeOnly(System.err));
        quietLibraries();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.log(System.Logger.Level.ERROR, "uncaught exception in thread " + thread.getName(), error);
            System.err.println("lotsbok: " + ErrorReporter.describe(error));
        });
        Clock clock = AppWiring.systemClock();
        if (Cli.isCommand(args)) {
            PrintStream out = console(FileDescriptor.out, "stdout.encoding");
            PrintStream err = console(FileDescriptor.err, "stderr.encoding");
            // Since JDK 22 there is a Console object even without a terminal; only a real one may be asked.
            Console console = System.console() != null && System.console().isTerminal() ? System.console() : null;
            String command = args.length > 0 ? args[0] : "";
            int status = new Cli(out, err, System.getenv(), console, folder -> {
                AppLog.start(folder, clock.getZone(), AppVersion.get(), "command " + command);
                return AppWiring.auth(folder, clock);
            }, server -> {
                // Beside an office server, the log files are in the user's own data folder.
                AppLog.start(DataFolder.defaultFolder(), clock.getZone(), AppVersion.get(), "command " + command);
                return AppWiring.server(server, System.getenv(), clock);
            }, clock).run(args);
            out.flush();
            err.flush();
            System.exit(status);
        }
        Optional<ServerAddress> server;
        Path folder;
        try {
            // Without arguments (a double click) nothing is parsed, and no texts are read before the window.
            Optional<String> db = args.length == 0 ? Optional.empty() : Arguments.parse(args, Texts.swedish()).option("db");
            if (db.isPresent() && ServerAddress.isServer(db.get())) {
                server = Optional.of(ServerAddress.parse(db.get()).orElseThrow(() -> new Arguments.UsageException(
                        Texts.swedish().format("cli.error.serverAddress", db.get()))));
                // Beside an office server, the user's own data folder holds the log files.
                folder = DataFolder.defaultFolder();
            } else {
                server = Optional.empty();
                folder = db.map(Path::of).orElseGet(DataFolder::defaultFolder);
            }
        } catch (Arguments.UsageException e) {
            System.err.println("lotsbok: " + e.getMessage());
            System.exit(Cli.USAGE);
            return;
        }
        startWindow(folder, server, clock);
    }

    /** What the login window needs besides the toolkit, read on another thread while the toolkit starts. */
    private record WindowStart(LanguagePreference language, Login auth) {
    }

    /**
     * Opens the window as soon as the toolkit is up. Starting the log file and reading the language
     * preference (an XML file on Linux) and the texts run beside JavaFX's own start-up. The key file,
     * which needs the JSON library, is read after the first frame (LoginViewModel), and the database
     * engine is loaded in the background while the user types (AuthService.warmUp).
     */
    private static void startWindow(Path folder, Optional<ServerAddress> server, Clock clock) {
        CompletableFuture<WindowStart> prepared = CompletableFuture.supplyAsync(() -> {
            AppLog.start(folder, clock.getZone(), AppVersion.get(), "window");
            LanguagePreference language = LanguagePreference.userPreferences();
            Texts.of(language.load());
            Login login = server.<Login>map(address -> AppWiring.server(address, System.getenv(), clock, folder))
                    .orElseGet(() -> AppWiring.auth(folder, clock));
            return new WindowStart(language, login);
        }, Main::background);
        try {
            Platform.startup(() -> {
                try {
                    openWindow(prepared.join(), clock);
                } catch (CompletionException e) {
                    LOG.log(System.Logger.Level.ERROR, "the window cannot open", e.getCause());
                    System.err.println("lotsbok: " + ErrorReporter.describe(e.getCause()));
                    System.exit(Cli.FAILED);
                }
            });
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(System.Logger.Level.ERROR, "the window cannot open (no display?)", e);
            System.err.println("lotsbok: " + Texts.of(prepared.join().language().load()).get("error.noDisplay"));
            System.exit(Cli.FAILED);
        }
    }

    private static void openWindow(WindowStart start, Clock clock) {
        FxTasks tasks = new FxTasks();
        AppWindow window = new AppWindow(start.auth(), tasks, start.language(), clock);
        Stage stage = new Stage();
        stage.setOnHidden(e -> {
            // Logging out writes to the log: the worker finishes what it has first.
            tasks.close();
            window.close();
            // After the window has finished hiding: the toolkit gone mid-way fails its last steps.
            Platform.runLater(Platform::exit);
        });
        window.showAtOnce(stage);
        if (Boolean.getBoolean(TrainingRun.PROPERTY)) {
            TrainingRun.start(stage, () -> {
                LOG.log(System.Logger.Level.ERROR, "the AOT training run did not reach its end");
                System.exit(Cli.FAILED);
            });
        }
        // Queued behind the login form (showAtOnce), and then a moment later: the engine loads while
        // the user types, not while the form is made and drawn; a login soon after finds it loaded.
        Platform.runLater(() -> background(() -> {
            pause(Duration.ofMillis(500));
            start.auth().warmUp();
        }));
    }

    private static void background(Runnable work) {
        Thread thread = new Thread(work, "lotsbok-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        // The program's own warnings (System.Logger, through java.util.logging) as one line each.
        System.setProperty("java.util.logging.SimpleFormatter.format", "lotsbok: %4$s: %5$s%6$s%n");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        for (String name : new String[] {"org.flywaydb", "org.jooq", "java.util.prefs"}) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
        // jOOQ's open-source edition names PostgreSQL versions up to an older one than the servers it
        // runs on here (14 to 17); the SQL it writes for them is the same, and tested on 17.
        Logger versionCheck = Logger.getLogger("org.jooq.impl.DefaultExecuteContext.logVersionSupport");
        versionCheck.setLevel(Level.SEVERE);
        QUIETED.add(versionCheck);
        // JavaFX from the class path is deliberate (a plain `java -jar`); its start-up warning about
        // that is not news. Style sheet problems (javafx.css) are still reported.
        Logger javafx = Logger.getLogger("javafx");
        javafx.setLevel(Level.SEVERE);
        Logger css = Logger.getLogger("javafx.css");
        css.setLevel(Level.WARNING);
        QUIETED.addAll(List.of(javafx, css));
        // PDFBox says which installed font it measures Helvetica with; the PDF names Helvetica
        // either way, and the reader's own Helvetica shows it.
        for (String name : new String[] {"org.apache.pdfbox", "org.apache.fontbox"}) {
            Logger pdf = Logger.getLogger(name);
            pdf.setLevel(Level.SEVERE);
            QUIETED.add(pdf);
        }
    }
}
