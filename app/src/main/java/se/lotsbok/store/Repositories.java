package se.lotsbok.store;

import java.time.Clock;
import org.jooq.DSLContext;
import se.lotsbok.store.access.AccessLogRepository;
import se.lotsbok.store.casepath.CaseRepository;
import se.lotsbok.store.extract.ExtractRepository;
import se.lotsbok.store.journal.JournalRepository;
import se.lotsbok.store.report.ReportRepository;
import se.lotsbok.store.navigator.AssignmentRepository;
import se.lotsbok.store.navigator.NavigatorRepository;
import se.lotsbok.store.participant.ParticipantRepository;
import se.lotsbok.store.retention.RetentionRepository;
import se.lotsbok.store.security.SigningKeyRepository;
import se.lotsbok.store.settings.SettingsRepository;
import se.lotsbok.store.user.UserRepository;

/**
 * The repositories bound to one transaction; obtained only through {@link Database#transaction}.
 * Reads and changes of personal data write their access-log rows in the same transaction.
 */
public final class Repositories {

    private final AccessLogRepository accessLog;
    private final ParticipantRepository participants;
    private final SettingsRepository settings;
    private final UserRepository users;
    private final NavigatorRepository navigators;
    private final CaseRepository cases;
    private final AssignmentRepository assignments;
    private final JournalRepository journal;
    private final ReportRepository reports;
    private final RetentionRepository retention;
    private final ExtractRepository extracts;
    private final SigningKeyRepository signingKey;

    Repositories(DSLContext tx, Clock clock) {
        this(tx, clock, false);
    }

    /** @param server whether the transaction runs on an office server, whose database writes the log itself */
    Repositories(DSLContext tx, Clock clock, boolean server) {
        this.accessLog = new AccessLogRepository(tx, clock, server);
        this.participants = new ParticipantRepository(tx, accessLog);
        this.settings = new SettingsRepository(tx, accessLog);
        this.users = new UserRepository(tx);
        this.navigators = new NavigatorRepository(tx, accessLog);
        this.assignments = new AssignmentRepository(tx, accessLog);
        this.cases = new CaseRepository(tx, accessLog);
        this.journal = new JournalRepository(tx, accessLog);
        this.reports = new ReportRepository(tx, accessLog, navigators, settings);
        this.retention = new RetentionRepository(tx, accessLog, server);
        this.extracts = new ExtractRepository(tx, accessLog);
        this.signingKey = new SigningKeyRepository(tx, server);
    }

    public SigningKeyRepository signingKey() {
        return signingKey;
    }

    public ReportRepository reports() {
        return reports;
    }

    public RetentionRepository retention() {
        return retention;
    }

    public ExtractRepository extracts() {
        return extracts;
    }

    public JournalRepository journal() {
        return journal;
    }

    public AssignmentRepository assignments() {
        return assignments;
    }

    public CaseRepository cases() {
        return cases;
    }

    public AccessLogRepository accessLog() {
        return accessLog;
    }

    public ParticipantRepository participants() {
        return participants;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public UserRepository users() {
        return users;
    }

    public NavigatorRepository navigators() {
        return navigators;
    }
}
