package se.lotsbok.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.report.AppVersion;
import se.lotsbok.report.AtomicFile;
import se.lotsbok.report.combine.CombineRefused;
import se.lotsbok.report.combine.Combiner;
import se.lotsbok.report.combine.Compilation;
import se.lotsbok.report.combine.CompilationFormat;
import se.lotsbok.report.combine.CompilationWriter;
import se.lotsbok.report.combine.TrustList;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import se.lotsbok.DataFolder;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.extract.ExtractFormat;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.AppVersion;
import se.lotsbok.report.ExportOptions;
import se.lotsbok.report.TallyFormat;
import se.lotsbok.report.TallyHeader;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.access.AccessLogService;
import se.lotsbok.service.auth.AuthService;
import se.lotsbok.service.extract.ExtractRequest;
import se.lotsbok.service.extract.ExtractService;
import se.lotsbok.service.auth.RegisterUnavailable;
import se.lotsbok.service.auth.ScriptRefused;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.importing.ImportService;
import se.lotsbok.service.maintenance.MaintenanceService;
import se.lotsbok.service.maintenance.RestoreRefused;
import se.lotsbok.service.auth.Login;
import se.lotsbok.service.user.UserKeys;
import se.lotsbok.store.Database;
import se.lotsbok.store.common.StoreException;
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
    private static final System.Logger LOG = System.getLogger(Cli.class.getName());
    private static final java.util.regex.Pattern COMMAND_NAME = java.util.regex.Pattern.compile("[a-z-]{1,20}");

    private final Texts texts = Texts.swedish();
    private final CliLogin login;
    private final Map<String, String> env;
    private final Clock clock;
    private final Map<String, Command> commands = Map.ofEntries(
            command("info", this::info),
            command("backup", this::backup),
            command("restore", this::restore),
            command("script", this::script),
            command("restore-script", this::restoreScript),
            command("verify-log", this::verifyLog),
            command("change-key", this::changeKey),
            command("report", this::report),
            command("summary", this::summary),
            command("import", this::importFile),
            command("participants", this::participantList),
            command("settings", this::settings),
            command("combine", this::combine),
            command("extract", this::extract),
            command("server-init", this::serverInit),
            command("server-upgrade", this::serverUpgrade),
            command("move-to-server", this::moveToServer));

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
            logFailure(rawArgs, e);
            return fail(FAILED, switch (e.reason()) {
                case IN_USE -> texts.get("error.inUse");
                case TOO_NEW -> texts.format("error.tooNew", e.fileVersion());
                case SERVER_NOT_READY -> texts.get("error.serverNotReady");
                case CANNOT_OPEN -> texts.get("cli.error.store");
            });
        } catch (se.lotsbok.store.move.RegisterMove.Refused e) {
            return fail(FAILED, texts.get("cli.move.refused." + e.problem().name()));
        } catch (se.lotsbok.service.maintenance.MoveToServer.LoginRefused e) {
            return fail(FAILED, texts.get("login.refused"));
        } catch (ServerSetup.Refused e) {
            return fail(FAILED, texts.get("cli.server.refused." + e.problem().name()));
        } catch (StoreException.OnServer e) {
            return fail(FAILED, texts.get("cli.error.onServer"));
        } catch (StoreException.Unreachable e) {
            logFailure(rawArgs, e);
            return fail(FAILED, texts.get("cli.error.unreachable"));
        } catch (StoreException.LoginRefused e) {
            return fail(FAILED, texts.get("cli.server.installerRefused"));
        } catch (StoreException e) {
            logFailure(rawArgs, e);
            return fail(FAILED, texts.get("cli.error.store"));
        } catch (java.io.UncheckedIOException e) {
            logFailure(rawArgs, e);
            return fail(FAILED, texts.format("cli.error.cannotWrite", String.valueOf(e.getCause().getMessage())));
        }
    }

    private static Map.Entry<String, Command> command(String name, Command command) {
        return Map.entry(name, command);
    }

    /** Whether {@code rawArgs} name a command (or ask for help) rather than open the window. */
    public static boolean isCommand(String[] rawArgs) {
        if (rawArgs.length == 0) {
            // A double click: the window, without reading the texts first.
            return false;
        }
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
        try (Session session = logIn(args)) {
            var info = session.services().maintenance().info(session.actor());
            out.println(texts.format("cli.info.version", AppVersion.get()));
            out.println(server.isPresent() ? texts.format("cli.info.server", server.get())
                    : texts.format("cli.info.folder", dataFolder(args).toAbsolutePath()));
            out.println(texts.format("cli.info.schema", info.schemaVersion()));
            out.println(texts.format("cli.info.participants", info.participants()));
            out.println(texts.format("cli.info.fingerprint", SigningKey.grouped(info.fingerprint())));
        }
        return OK;
    }

    private int settings(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db", "unit");
        String unit = args.required(texts, "unit");
        try (Session session = logIn(args)) {
            Optional<Refusal> refused = session.services().settings().rename(session.actor(), unit);
            if (refused.isPresent()) {
                return fail(FAILED, "--unit: " + Messages.text(texts, refused.get()));
            }
            out.println(texts.format("cli.settings.done", session.services().settings().load().unitName()));
        }
        return OK;
    }

    /** Adds up units' exported tallies; reads only those files, so it needs no register and no login. */
    private int combine(Arguments args) throws Arguments.UsageException {
        args.allowOnly(texts, "year", "month", "out", "format", "suppress", "trust", "allow-unsigned");
        if (args.option("year").isPresent() == args.option("month").isPresent()) {
            throw new Arguments.UsageException(texts.get("cli.error.combinePeriod"));
        }
        TallyHeader.Kind kind = args.option("year").isPresent() ? TallyHeader.Kind.YEAR : TallyHeader.Kind.MONTH;
        String period = kind == TallyHeader.Kind.YEAR ? parse(args, "year", Cli::year, "cli.error.year").toString()
                : parse(args, "month", YearMonth::parse, "cli.error.month").toString();
        CompilationFormat format = args.option("format").isPresent()
                ? parse(args, "format", CompilationFormat::parse, "cli.error.combineFormat") : CompilationFormat.CSV;
        Path target = Path.of(args.required(texts, "out"));
        int suppress = suppression(args);
        if (args.words().isEmpty()) {
            throw new Arguments.UsageException(texts.get("cli.error.combineFiles"));
        }
        Optional<Set<String>> trusted = Optional.empty();
        try {
            if (args.option("trust").isPresent()) {
                Path list = Path.of(args.required(texts, "trust"));
                String text;
                try {
                    text = Files.readString(list, StandardCharsets.UTF_8);
                } catch (IOException | java.io.UncheckedIOException e) {
                    return fail(FAILED, texts.format("cli.error.cannotRead", list));
                }
                trusted = Optional.of(TrustList.parse(String.valueOf(list.getFileName()), text));
            }
        } catch (CombineRefused e) {
            return fail(FAILED, Messages.text(texts, e.refusal()));
        }
        List<Path> files = args.words().stream().map(Path::of).toList();
        Combiner.Inspection inspection = Combiner.inspect(files, new Combiner.Rules(Optional.of(kind),
                Optional.of(period), args.option("allow-unsigned").isPresent(), trusted));
        Optional<Refusal> problem = inspection.problem();
        if (problem.isPresent()) {
            return fail(FAILED, Messages.text(texts, problem.get()));
        }
        Compilation compilation = inspection.compilation().orElseThrow();
        ZonedDateTime now = ZonedDateTime.now(clock);
        AtomicFile.write(target, out -> CompilationWriter.write(compilation, format, suppress, now, AppVersion.get(), out));
        long unsigned = compilation.parts().stream().filter(p -> !p.signed()).count();
        if (!compilation.incomplete().isEmpty()) {
            err.println("lotsbok: " + texts.format("cli.combine.incomplete", String.join(", ",
                    compilation.incomplete().stream().map(Compilation.Column::code).toList())));
        }
        out.println(texts.format(unsigned == 0 ? "cli.combine.done" : "cli.combine.doneUnsigned",
                target.toAbsolutePath(), compilation.parts().size(), unsigned));
        return OK;
    }

    private static Year year(String text) {
        if (!text.matches("[0-9]{4}")) {
            throw new IllegalArgumentException(text);
        }
        return Year.parse(text);
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
        Year year = parse(args, "year", Cli::year, "cli.error.year");
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
        return new ExportOptions(separator.charAt(0), suppression(args));
    }

    private int suppression(Arguments args) throws Arguments.UsageException {
        int suppress = args.option("suppress").isPresent()
                ? parse(args, "suppress", Integer::parseInt, "cli.error.suppress") : 0;
        if (suppress < 0 || suppress > 99) {
            throw new Arguments.UsageException(texts.get("cli.error.suppress"));
        }
        return suppress;
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
        try (Session session = logIn(args)) {
            rows = session.services().reports().exportParticipantList(session.actor(), target, options);
        }
        err.println(texts.get("cli.participants.warning"));
        out.println(texts.format("cli.participants.done", rows, target.toAbsolutePath()));
        return OK;
    }

    /**
     * A register extract of one person for the person themself, found by identity number: the whole
     * record, as PDF or JSON after the file's ending. The release is recorded and logged.
     */
    private int extract(Arguments args) throws Arguments.UsageException, CliLogin.Failed {
        args.allowOnly(texts, "db", "participant", "out");
        PersonalIdentityNumber number = parse(args, "participant", text -> {
            try {
                return PersonalIdentityNumber.parse(text, LocalDate.now(clock));
            } catch (PersonalIdentityNumber.InvalidException e) {
                throw new IllegalArgumentException(text, e);
            }
        }, "cli.error.identityNumber");
        Path target = Path.of(args.required(texts, "out"));
        String name = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        ExtractFormat format = name.endsWith(".pdf") ? ExtractFormat.PDF : name.endsWith(".json") ? ExtractFormat.JSON : null;
        if (format == null) {
            throw new Arguments.UsageException(texts.format("cli.error.extractFormat", target));
        }
        try (Session session = logIn(args)) {
            ExtractService extracts = session.services().extracts();
            java.util.Optional<Long> participant = extracts.participantWith(session.actor(), number);
            if (participant.isEmpty()) {
                return fail(FAILED, texts.format("cli.error.noSuchParticipant", number.formatted()));
            }
            ExtractService.Outcome outcome = extracts.make(session.actor(), participant.get(),
                    ExtractRequest.toSubject(format, target), texts);
            if (outcome instanceof ExtractService.Refused refused) {
                return fail(FAILED, Messages.text(texts, refused.refusal()));
            }
        }
        err.println(texts.get("cli.extract.warning"));
        out.println(texts.format("cli.extract.done", target.toAbsolutePath()));
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

    /** The log names the command only: its arguments can name files or people. */
    private static void logFailure(String[] rawArgs, RuntimeException e) {
        String command = rawArgs.length > 0 && !rawArgs[0].startsWith("-") ? rawArgs[0] : "?";
        LOG.log(System.Logger.Level.ERROR, "the command " + (COMMAND_NAME.matcher(command).matches() ? command : "?")
                + " failed", e);
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
        out.println(texts.format("cli.move.signingKey", SigningKey.grouped(moved.fingerprint())));
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
