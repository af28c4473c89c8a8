package se.lotsbok;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import se.lotsbok.report.ReportService;
import se.lotsbok.service.AppServices;
import se.lotsbok.service.importing.ImportService;
import se.lotsbok.service.access.AccessLogService;
import se.lotsbok.service.access.Coverage;
import se.lotsbok.service.auth.AuthService;
import se.lotsbok.service.casepath.CaseService;
import se.lotsbok.service.extract.ExtractService;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.maintenance.Compaction;
import se.lotsbok.service.maintenance.MaintenanceService;
import se.lotsbok.service.maintenance.ServerMove;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.service.retention.RetentionService;
import se.lotsbok.service.settings.SettingsService;
import se.lotsbok.service.user.UserKeys;
import se.lotsbok.service.user.UserService;
import se.lotsbok.service.auth.ServerLogin;
import se.lotsbok.store.Database;
import se.lotsbok.store.security.KeyWrap;
import se.lotsbok.store.server.ServerAddress;

/**
 * The composition root: the login service for a data folder, and for each logged-in session its
 * services on the open database, all passed by constructor.
 */
public final class AppWiring {

    /**
     * The unit's calendar. A SIG works in Stockholm time whatever the PC's own zone setting says, so a
     * step registered at 23:59 belongs to the day the unit saw, and month ends are Stockholm's.
     */
    public static final ZoneId UNIT_ZONE = ZoneId.of("Europe/Stockholm");

    private AppWiring() {
    }

    /**
     * The one clock of the running program. Everything that needs "now" or "today" gets this clock
     * (or a date derived from it) by constructor, so tests can run every layer on a fixed day.
     */
    public static Clock systemClock() {
        return Clock.system(UNIT_ZONE);
    }

    /** Logging in to the register in {@code dataFolder}, with OWASP's PBKDF2 iteration count. */
    public static AuthService auth(Path dataFolder, Clock clock) {
        return auth(dataFolder, clock, new KeyWrap(KeyWrap.DEFAULT_ITERATIONS));
    }

    /** As {@link #auth(Path, Clock)} with another iteration count for new passwords (tests use fewer). */
    public static AuthService auth(Path dataFolder, Clock clock, KeyWrap keyWrap) {
        return new AuthService(dataFolder, clock, keyWrap, (database, keys) -> services(database, keys, clock));
    }

    /**
     * Logging in to the register on an office server. {@code env} holds PostgreSQL's TLS settings
     * ({@code PGSSLMODE}, {@code PGSSLROOTCERT}, …), as every PostgreSQL tool reads them.
     */
    public static ServerLogin server(ServerAddress server, java.util.Map<String, String> env, Clock clock) {
        return server(server, env, clock, DataFolder.defaultFolder());
    }

    /** As above, with the folder on this computer where the log files are kept. */
    public static ServerLogin server(ServerAddress server, java.util.Map<String, String> env, Clock clock,
            Path localFolder) {
        return new ServerLogin(server, env, clock, (database, keys) -> services(database, keys, clock), localFolder);
    }

    private static AppServices services(Database database, UserKeys keys, Clock clock) {
        Coverage coverage = new Coverage(database, clock);
        ParticipantService participants = new ParticipantService(database, clock, coverage);
        CaseService cases = new CaseService(database, clock, coverage);
        NavigatorService navigators = new NavigatorService(database, clock, coverage);
        SettingsService settings = new SettingsService(database);
        Compaction compaction = new Compaction(database);
        return new AppServices(
                participants,
                cases,
                navigators,
                new NoteService(database, clock, coverage),
                settings,
                new ReportService(database, clock),
                new ImportService(database, clock, participants, cases, navigators, settings, compaction),
                new UserService(database, keys, clock),
                new AccessLogService(database, clock.getZone()),
                new MaintenanceService(database, clock, keys::earlierKeys, compaction),
                new RetentionService(database, clock),
                new ExtractService(database, clock),
                // PostgreSQL's TLS settings, read where every PostgreSQL tool reads them.
                new ServerMove(database, System.getenv(), clock),
                clock);
    }
}
