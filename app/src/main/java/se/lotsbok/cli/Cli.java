package se.lotsbok.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import se.lotsbok.DataFolder;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.casepath.Refusal;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.ExportOptions;
import se.lotsbok.report.TallyFormat;
import se.lotsbok.report.TallyHeader;
import se.lotsbok.service.AccessDenied;
import se.lotsbok.service.access.AccessLogService;
import se.lotsbok.service.auth.AuthService;
import se.lotsbok.service.auth.RegisterUnavailable;
import se.lotsbok.service.auth.ScriptRefused;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.importing.ImportService;
import se.lotsbok.service.maintenance.MaintenanceService;
import se.lotsbok.service.maintenance.RestoreRefused;
import se.lotsbok.service.user.UserKeys;
import se.lotsbok.store.Database;
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
        int run(Arguments args) throws Arguments.UsageException, CliLogin.Failed;
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Texts texts = Texts.swedish();
    private final CliLogin login;
    private final Clock clock;
    private final Map<String, Command> commands = Map.ofEntries(
            Map.entry("info", this::info),
            Map.entry("backup", this::backup),
            Map.entry("restore", this::restore),
            Map.entry("script", this::script),
            Map.entry("restore-script", this::restoreScript),
            Map.entry("verify-log", this::verifyLog),
            Map.entry("change-key", this::changeKey),
            Map.entry("report", this::report),
            Map.entry("summary", this::summary),
            Map.entry("import", this::importFile),
            Map.entry("participants", this::participantList));

    /**
     * @param env where {@code LOTSBOK_USER} and {@code LOTSBOK_PASSWORD} are read
     * @param console the terminal to prompt at, or null when there is none (then nothing is asked)
     * @param auth the login service for a data folder
     */
    public Cli(PrintStream out, PrintStream err, Map<String, String> env, Console console,
            Function<Path, AuthService> auth, Clock clock) {
        this.out = out;
        this.err = err;
        this.login = new CliLogin(env, console, texts, auth, clock);
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
        } catch (CliLogin.Failed e) {
            return fail(e.status(), e.getMessage());
        } catch (AccessDenied e) {
            return fail(FAILED, texts.get(e.reason()));
        } catch (RegisterUnavailable e) {
            return fail(FAILED, switch (e.reason()) {
                case IN_USE -> texts.get("error.inUse");
                case TOO_NEW -> texts.format("error.tooNew", e.fileVersion());
                case CANNOT_OPEN -> texts.get("cli.error.store");
            });
        } catch (StoreException e) {
            return fail(FAILED, texts.get("cli.error.store"));
        } catch (java.io.UncheckedIOException e) {
            return fail(FAILED, texts.format("cli.error.cannotWrite", String.valueOf(e.getCause().getMessage())));
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

    private int info(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db");
        Path folder = dataFolder(args);
        try (Session session = login.login(folder)) {
            var info = session.services().maintenance().info(session.actor());
            out.println(texts.format("cli.info.folder", folder.toAbsolutePath()));
            out.println(texts.format("cli.info.schema", info.schemaVersion()));
            out.println(texts.format("cli.info.participants", info.participants()));
        }
        return OK;
    }

    private int backup(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db", "out");
        Path target = Path.of(args.required(texts, "out"));
        try (Session session = login.login(dataFolder(args))) {
            session.services().maintenance().backup(session.actor(), target);
        }
        out.println(texts.format("cli.backup.done", target.toAbsolutePath()));
        return OK;
    }

    private int restore(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db");
        if (args.words().size() != 1) {
            throw new Arguments.UsageException(texts.get("cli.error.restoreFile"));
        }
        Path file = Path.of(args.words().getFirst());
        Path folder = dataFolder(args);
        if (!Database.exists(folder)) {
            // Logging in would create a new, empty register with a key of its own.
            return fail(FAILED, texts.format("cli.error.restoreNoRegister", folder.toAbsolutePath()));
        }
        MaintenanceService.Restored restored;
        try (Session session = login.login(folder)) {
            restored = session.services().maintenance().restore(session.actor(), file);
        } catch (RestoreRefused e) {
            return fail(FAILED, texts.get(e.reason() == RestoreRefused.Reason.IN_USE ? "backup.restore.inUse"
                    : "backup.bad." + e.reason().name()));
        }
        out.println(texts.format("cli.restore.done", file.toAbsolutePath(), restored.participants()));
        return OK;
    }

    private int script(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db", "out");
        Path target = Path.of(args.required(texts, "out"));
        try (Session session = login.login(dataFolder(args))) {
            session.services().maintenance().script(session.actor(), target);
        }
        out.println(texts.format("cli.script.done", target.toAbsolutePath()));
        return OK;
    }

    private int restoreScript(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db");
        if (args.words().size() != 1) {
            throw new Arguments.UsageException(texts.get("cli.error.scriptFile"));
        }
        Path script = Path.of(args.words().getFirst());
        if (!Files.isReadable(script)) {
            return fail(FAILED, texts.format("cli.error.cannotRead", script));
        }
        Path folder = dataFolder(args);
        try (Session session = login.restore(folder, script)) {
            var info = session.services().maintenance().info(session.actor());
            out.println(texts.format("cli.restoreScript.done", folder.toAbsolutePath(), info.schemaVersion(), info.participants()));
        } catch (ScriptRefused e) {
            return fail(FAILED, texts.get("cli.restoreScript.refused." + e.reason().name()));
        }
        return OK;
    }

    private int verifyLog(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db");
        try (Session session = login.login(dataFolder(args))) {
            AccessLogChain.Verification result = session.services().accessLog().verify(session.actor());
            return switch (result) {
                case AccessLogChain.Intact intact -> {
                    out.println(texts.format("accessLog.intact", intact.count()));
                    for (AccessLogService.Restore restore : session.services().accessLog().restores(session.actor())) {
                        out.println(Messages.restore(texts, restore.at().atZone(clock.getZone()), restore.note()));
                    }
                    yield OK;
                }
                case AccessLogChain.Broken broken -> fail(FAILED, texts.format("accessLog.broken." + broken.problem().name(),
                        broken.seq()));
            };
        }
    }

    private int changeKey(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db");
        try (Session session = login.login(dataFolder(args))) {
            UserKeys.KeyChange change = session.services().users().changeKey(session.actor());
            out.println(texts.get(change.changed() ? "cli.changeKey.done" : "cli.changeKey.due"));
            if (!change.leftOut().isEmpty()) {
                out.println(texts.format("cli.changeKey.leftOut", String.join(", ", change.leftOut())));
            }
        }
        return OK;
    }

    private int report(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db", "month", "format", "out", "separator", "suppress");
        YearMonth month = parse(args, "month", YearMonth::parse, "cli.error.month");
        return tally(args, TallyHeader.Kind.MONTH, session -> session.services().reports().month(session.actor(), month));
    }

    private int summary(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db", "year", "format", "out", "separator", "suppress");
        Year year = parse(args, "year", text -> {
            if (!text.matches("[0-9]{4}")) {
                throw new IllegalArgumentException(text);
            }
            return Year.parse(text);
        }, "cli.error.year");
        return tally(args, TallyHeader.Kind.YEAR, session -> session.services().reports().year(session.actor(), year));
    }

    private int tally(Arguments args, TallyHeader.Kind kind, Function<Session, Tally> compute)
            throws Arguments.UsageException, CliLogin.Failed {
        TallyFormat format = parse(args, "format", TallyFormat::parse, "cli.error.format");
        Path target = Path.of(args.required(texts, "out"));
        ExportOptions options = exportOptions(args);
        try (Session session = login.login(dataFolder(args))) {
            Tally tally = compute.apply(session);
            session.services().reports().export(session.actor(), tally, kind, format, options, target);
        }
        out.println(texts.format("cli.report.done", target.toAbsolutePath()));
        return OK;
    }

    private ExportOptions exportOptions(Arguments args) throws Arguments.UsageException {
        String separator = args.option("separator").orElse(";");
        if (!separator.equals(";") && !separator.equals(",")) {
            throw new Arguments.UsageException(texts.get("cli.error.separator"));
        }
        int suppress = args.option("suppress").isPresent()
                ? parse(args, "suppress", Integer::parseInt, "cli.error.suppress") : 0;
        if (suppress < 0 || suppress > 99) {
            throw new Arguments.UsageException(texts.get("cli.error.suppress"));
        }
        return new ExportOptions(separator.charAt(0), suppress);
    }

    private int importFile(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db");
        if (args.words().size() != 1) {
            throw new Arguments.UsageException(texts.get("cli.error.importFile"));
        }
        Path file = Path.of(args.words().getFirst());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return fail(FAILED, texts.format("cli.error.cannotRead", file));
        }
        ImportService.ImportResult result;
        try (Session session = login.login(dataFolder(args))) {
            result = session.services().imports().importFile(session.actor(), bytes);
        }
        for (Refusal problem : result.fileErrors()) {
            err.println("lotsbok: " + Messages.text(texts, problem));
        }
        for (ImportService.RowResult row : result.rows()) {
            for (Refusal problem : row.errors()) {
                err.println(texts.format("import.line", row.line(), Messages.text(texts, problem)));
            }
            for (Refusal warning : row.warnings()) {
                err.println(texts.format("cli.import.warning", row.line(), Messages.text(texts, warning)));
            }
        }
        if (!result.written()) {
            return fail(FAILED, result.fileErrors().isEmpty()
                    ? texts.format("cli.import.refused", result.badRows())
                    : texts.get("cli.import.refusedFile"));
        }
        out.println(texts.format("cli.import.done", result.rows().size(), result.newParticipants(), result.writes()));
        if (result.compaction() != null && result.compaction().done()) {
            out.println(texts.format("cli.import.compacted", result.compaction().before() / 1_000_000,
                    result.compaction().after() / 1_000_000));
        }
        return OK;
    }

    private int participantList(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db", "out", "separator");
        Path target = Path.of(args.required(texts, "out"));
        ExportOptions options = exportOptions(args);
        int rows;
        try (Session session = login.login(dataFolder(args))) {
            rows = session.services().reports().exportParticipantList(session.actor(), target, options);
        }
        err.println(texts.get("cli.participants.warning"));
        out.println(texts.format("cli.participants.done", rows, target.toAbsolutePath()));
        return OK;
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private <T> T parse(Arguments args, String option, Parser<T> parser, String errorKey)
            throws Arguments.UsageException {
        String text = args.required(texts, option);
        try {
            return parser.parse(text.strip());
        } catch (RuntimeException e) {
            throw new Arguments.UsageException(texts.format(errorKey, text));
        }
    }

    private static Path dataFolder(Arguments args) {
        return args.option("db").map(Path::of).orElseGet(DataFolder::defaultFolder);
    }

    private int fail(int status, String message) {
        err.println("lotsbok: " + message);
        return status;
    }
}
