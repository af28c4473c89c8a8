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
import java.util.Optional;
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
import se.lotsbok.service.auth.AuthService;
import se.lotsbok.service.auth.RegisterUnavailable;
import se.lotsbok.service.auth.ScriptRefused;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.importing.ImportService;
import se.lotsbok.service.maintenance.MaintenanceService;
import se.lotsbok.service.maintenance.RestoreRefused;
import se.lotsbok.service.auth.Login;
import se.lotsbok.store.Database;
import se.lotsbok.store.StoreException;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.store.server.ServerSetup;

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
    private final Map<String, String> env;
    private final Clock clock;
    private final Map<String, Command> commands = Map.ofEntries(
            Map.entry("info", this::info),
            Map.entry("backup", this::backup),
            Map.entry("restore", this::restore),
            Map.entry("script", this::script),
            Map.entry("restore-script", this::restoreScript),
            Map.entry("verify-log", this::verifyLog),
            Map.entry("report", this::report),
            Map.entry("summary", this::summary),
            Map.entry("import", this::importFile),
            Map.entry("participants", this::participantList),
            Map.entry("server-init", this::serverInit),
            Map.entry("server-upgrade", this::serverUpgrade),
            Map.entry("move-to-server", this::moveToServer));

    /**
     * @param env where {@code LOTSBOK_USER} and {@code LOTSBOK_PASSWORD} are read
     * @param console the terminal to prompt at, or null when there is none (then nothing is asked)
     * @param auth the login service for a data folder
     */
    public Cli(PrintStream out, PrintStream err, Map<String, String> env, Console console,
            Function<Path, AuthService> auth, Clock clock) {
        this(out, err, env, console, auth, server -> {
            throw new IllegalStateException("no office server in this command line");
        }, clock);
    }

    /** @param server the login service for a register on an office server */
    public Cli(PrintStream out, PrintStream err, Map<String, String> env, Console console,
            Function<Path, AuthService> auth, Function<ServerAddress, Login> server, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
        this.login = new CliLogin(env, console, texts, auth, server, clock);
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
                case SERVER_NOT_READY -> texts.get("error.serverNotReady");
                case CANNOT_OPEN -> texts.get("cli.error.store");
            });
        } catch (se.lotsbok.store.server.RegisterMove.Refused e) {
            return fail(FAILED, texts.get("cli.move.refused." + e.problem().name()));
        } catch (se.lotsbok.service.maintenance.MoveToServer.LoginRefused e) {
            return fail(FAILED, texts.get("login.refused"));
        } catch (ServerSetup.Refused e) {
            return fail(FAILED, texts.get("cli.server.refused." + e.problem().name()));
        } catch (StoreException.OnServer e) {
            return fail(FAILED, texts.get("cli.error.onServer"));
        } catch (StoreException.Unreachable e) {
            return fail(FAILED, texts.get("cli.error.unreachable"));
        } catch (StoreException.LoginRefused e) {
            return fail(FAILED, texts.get("cli.server.installerRefused"));
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
        Optional<ServerAddress> server = server(args);
        try (Session session = server.isPresent() ? login.login(server.get()) : login.login(dataFolder(args))) {
            var info = session.services().maintenance().info(session.actor());
            out.println(server.isPresent() ? texts.format("cli.info.server", server.get())
                    : texts.format("cli.info.folder", dataFolder(args).toAbsolutePath()));
            out.println(texts.format("cli.info.schema", info.schemaVersion()));
            out.println(texts.format("cli.info.participants", info.participants()));
        }
        return OK;
    }

    private int backup(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db", "out");
        Path target = Path.of(args.required(texts, "out"));
        refuseServer(args);
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
        refuseServer(args);
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
        refuseServer(args);
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
        refuseServer(args);
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
        try (Session session = logIn(args)) {
            AccessLogChain.Verification result = session.services().accessLog().verify(session.actor());
            return switch (result) {
                case AccessLogChain.Intact intact -> {
                    out.println(texts.format("accessLog.intact", intact.count()));
                    yield OK;
                }
                case AccessLogChain.Broken broken -> fail(FAILED, texts.format("accessLog.broken." + broken.problem().name(),
                        broken.seq()));
            };
        }
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
        try (Session session = logIn(args)) {
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
        try (Session session = logIn(args)) {
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
        return OK;
    }

    private int participantList(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db", "out", "separator");
        Path target = Path.of(args.required(texts, "out"));
        ExportOptions options = exportOptions(args);
        int rows;
        try (Session session = logIn(args)) {
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

    /** The office server that {@code --db} names, if it names one. */
    private Optional<ServerAddress> server(Arguments args) throws Arguments.UsageException {
        Optional<String> db = args.option("db").filter(ServerAddress::isServer);
        if (db.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ServerAddress.parse(db.get())
                .orElseThrow(() -> new Arguments.UsageException(texts.format("cli.error.serverAddress", db.get()))));
    }

    /** Logs in to the register {@code --db} names: a data folder or an office server. */
    private Session logIn(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        Optional<ServerAddress> server = server(args);
        return server.isPresent() ? login.login(server.get()) : login.login(dataFolder(args));
    }

    /** Backups and scripts are of a register's file; a server's are made with the server's own tools. */
    private void refuseServer(Arguments args) throws Arguments.UsageException {
        if (server(args).isPresent()) {
            throw new StoreException.OnServer("backup");
        }
    }

    private ServerAddress requiredServer(Arguments args) throws Arguments.UsageException {
        return server(args).orElseThrow(() -> new Arguments.UsageException(
                texts.format("cli.error.serverAddress", args.option("db").orElse(""))));
    }

    /**
     * Sets up a register on an office server: connects as PostgreSQL's tools do ({@code PGUSER},
     * {@code PGPASSWORD}, {@code PGSSLMODE}, …) as a login that may create roles, and makes
     * {@code --admin} the first administrator with the password in {@code LOTSBOK_PASSWORD}.
     */
    private int serverInit(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db", "admin");
        ServerAddress server = requiredServer(args);
        String admin = se.lotsbok.domain.user.Credentials.normaliseUsername(args.required(texts, "admin"));
        char[] password = login.newPassword();
        var problem = se.lotsbok.domain.user.Credentials.checkNewAccount(admin, admin, password, password);
        if (problem.isPresent()) {
            throw new Arguments.UsageException(texts.get("cli.error.firstAdministrator") + " "
                    + texts.get("credentials." + problem.get().name()));
        }
        if (server.loginOf(admin).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
            throw new Arguments.UsageException(texts.get("cli.error.firstAdministrator") + " "
                    + texts.get("credentials.USERNAME_FORMAT"));
        }
        ServerSetup.Initialised done = ServerSetup.initialise(server, installer(), installerPassword(), env, admin, admin,
                password, clock.instant());
        out.println(texts.format("cli.server.initialised", server, done.schemaVersion(), admin));
        for (String note : done.notes()) {
            err.println("lotsbok: " + texts.format("cli.server.note." + note, server.database()));
        }
        return OK;
    }

    /** Applies this program's new migrations to the register on the server, as its installer. */
    private int serverUpgrade(Arguments args) throws Arguments.UsageException {
        args.allowOnly(texts, "db");
        ServerAddress server = requiredServer(args);
        int applied = ServerSetup.upgrade(server, installer(), installerPassword(), env);
        out.println(texts.format("cli.server.upgraded", server, applied));
        return OK;
    }

    /**
     * Copies the register in the folder {@code --db} to the initialised, empty server database
     * {@code --to}: the folder's administrator logs in as usual ({@code LOTSBOK_USER},
     * {@code LOTSBOK_PASSWORD}), the server is written as its installer ({@code PGUSER}, …). The
     * folder is only read.
     */
    private int moveToServer(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db", "to");
        if (server(args).isPresent()) {
            throw new Arguments.UsageException(texts.get("cli.move.fromFolder"));
        }
        Path folder = Path.of(args.required(texts, "db"));
        String to = args.required(texts, "to");
        ServerAddress server = ServerAddress.parse(to)
                .orElseThrow(() -> new Arguments.UsageException(texts.format("cli.error.serverAddress", to)));
        CliLogin.Given given = login.given();
        var moved = se.lotsbok.service.maintenance.MoveToServer.move(folder, given.username(), given.password(), server,
                installer(), installerPassword(), env, clock);
        out.println(texts.format("cli.move.done", folder.toAbsolutePath(), server, moved.participants(), moved.users(),
                moved.logEntries()));
        return OK;
    }

    /** The server's installer, as PostgreSQL's tools take it: {@code PGUSER}, else the system user. */
    private String installer() {
        String user = env.get("PGUSER");
        return user == null || user.isBlank() ? System.getProperty("user.name") : user;
    }

    private char[] installerPassword() {
        String password = env.get("PGPASSWORD");
        return password == null ? null : password.toCharArray();
    }

    private int fail(int status, String message) {
        err.println("lotsbok: " + message);
        return status;
    }
}
