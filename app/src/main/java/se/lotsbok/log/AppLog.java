package se.lotsbok.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The log file for the IT department: a double-clicked program has no console, so start-up, version,
 * schema migrations, backups and errors (with their stack traces) go to {@code logs/} in the data
 * folder, in at most {@value #FILES} rotating files of 1 MB. Only Lotsbok's own loggers
 * ({@code se.lotsbok.*}, through {@link System.Logger}) write there, and what they write names no
 * participant: messages carry counts, versions, file names and exception types, and
 * {@link LogFormat} leaves out every exception's message, which can quote a row's values.
 */
public final class AppLog {

    /** The log folder's name inside the data folder. */
    public static final String FOLDER = "logs";
    static final int FILES = 5;
    static final int FILE_BYTES = 1_000_000;
    private static final String ROOT = "se.lotsbok";

    // Held so that the configured logger and its handler are not collected.
    private static final Logger LOGGER = Logger.getLogger(ROOT);

    static {
        // The log file, never the console: a command's standard error carries its one line for the user.
        LOGGER.setUseParentHandlers(false);
    }
    private static Handler handler;
    private static Path current;

    private AppLog() {
    }

    /** Where the log files of the register in {@code dataFolder} are. */
    public static Path folder(Path dataFolder) {
        return dataFolder.resolve(FOLDER);
    }

    /**
     * Sends Lotsbok's log to {@code logs/} in {@code dataFolder} and writes the start-up line. Once per
     * data folder; a second folder (a restore into a new one) takes the log over. A folder that cannot
     * be written leaves the program without a log file, never without its register.
     */
    public static synchronized void start(Path dataFolder, ZoneId zone, String version, String what) {
        Path folder = folder(dataFolder).toAbsolutePath();
        if (folder.equals(current)) {
            return;
        }
        stop();
        try {
            Files.createDirectories(folder);
            FileHandler file = new FileHandler(folder.resolve("lotsbok.%g.log").toString(), FILE_BYTES, FILES, true);
            file.setEncoding("UTF-8");
            file.setFormatter(new LogFormat(zone));
            file.setLevel(Level.ALL);
            LOGGER.addHandler(file);
            LOGGER.setLevel(Level.INFO);
            handler = file;
            current = folder;
        } catch (IOException | RuntimeException e) {
            // Outside Lotsbok's own loggers, so it reaches the console of whoever started the program.
            System.getLogger("lotsbok.startup").log(System.Logger.Level.WARNING,
                    "no log file in " + folder + " (" + e.getClass().getSimpleName() + ")");
            return;
        }
        System.getLogger(ROOT).log(System.Logger.Level.INFO, "Lotsbok {0} ({1}) on Java {2} ({3}), {4} {5} {6}, data folder {7}",
                version, what, System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                dataFolder.toAbsolutePath());
    }

    /** Closes the log file (tests; the program keeps it until it exits). */
    public static synchronized void stop() {
        if (handler != null) {
            LOGGER.removeHandler(handler);
            handler.close();
            handler = null;
            current = null;
        }
    }
}
