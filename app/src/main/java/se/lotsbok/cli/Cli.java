package se.lotsbok.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import se.lotsbok.AppWiring;
import se.lotsbok.DataFolder;
import se.lotsbok.i18n.Texts;
import se.lotsbok.store.StoreException;

/**
 * The commands that run without a window, for scripts and scheduled jobs. Exit status 0 on success,
 * 1 when the work failed, 2 when the command line was wrong; a failure prints one line of Swedish
 * on standard error.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private interface Command {
        int run(Arguments args) throws Arguments.UsageException;
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Texts texts = Texts.swedish();
    private final Map<String, Command> commands = Map.of(
            "info", this::info,
            "backup", this::backup);

    public Cli(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Runs the command named in {@code args}; the exit status is returned, not applied. */
    public int run(String[] rawArgs) {
        try {
            Arguments args = Arguments.parse(rawArgs, texts);
            if (args.command() == null || args.help()) {
                if (args.command() != null && !commands.containsKey(args.command())) {
                    throw new Arguments.UsageException(texts.format("cli.error.unknownCommand", args.command()));
                }
                out.print(texts.get("cli.help"));
                return OK;
            }
            Command command = commands.get(args.command());
            if (command == null) {
                throw new Arguments.UsageException(texts.format("cli.error.unknownCommand", args.command()));
            }
            return command.run(args);
        } catch (Arguments.UsageException e) {
            return fail(USAGE, e.getMessage());
        } catch (StoreException.InUse e) {
            return fail(FAILED, texts.get("error.inUse"));
        } catch (StoreException.TooNew e) {
            return fail(FAILED, texts.format("error.tooNew", e.fileVersion()));
        } catch (StoreException e) {
            return fail(FAILED, texts.get("cli.error.store"));
        }
    }

    /** Whether {@code rawArgs} name a command (or ask for help) rather than open the window. */
    public static boolean isCommand(String[] rawArgs) {
        try {
            Arguments args = Arguments.parse(rawArgs, Texts.swedish());
            return args.command() != null || args.help();
        } catch (Arguments.UsageException e) {
            return true;
        }
    }

    private int info(Arguments args) throws Arguments.UsageException {
        args.allowOnly(texts, "db");
        Path folder = dataFolder(args);
        try (AppWiring app = AppWiring.open(folder, clock)) {
            int participants = app.services().participants().count();
            out.println(texts.format("cli.info.folder", folder.toAbsolutePath()));
            out.println(texts.format("cli.info.schema", app.database().schemaVersion()));
            out.println(texts.format("cli.info.participants", participants));
        }
        return OK;
    }

    private int backup(Arguments args) throws Arguments.UsageException {
        args.allowOnly(texts, "db", "out");
        Path target = Path.of(args.required(texts, "out"));
        try (AppWiring app = AppWiring.open(dataFolder(args), clock)) {
            app.database().backupTo(target);
        }
        out.println(texts.format("cli.backup.done", target.toAbsolutePath()));
        return OK;
    }

    private static Path dataFolder(Arguments args) {
        return args.option("db").map(Path::of).orElseGet(DataFolder::defaultFolder);
    }

    private int fail(int status, String message) {
        err.println("lotsbok: " + message);
        return status;
    }
}
