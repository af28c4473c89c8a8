package se.lotsbok.service.access;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.access.RestoreNote;
import se.lotsbok.domain.common.CsvSafety;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.store.Database;
import se.lotsbok.store.access.LogHeadFile;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** The unit head's review of the access log, the chain check, and who has opened a record. */
public final class AccessLogService {

    private static final int OPENED_BY_LIMIT = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Database database;
    private final ZoneId zone;

    public AccessLogService(Database database, ZoneId zone) {
        this.database = database;
        this.zone = zone;
    }

    /** The rows matching {@code query}, newest first; the review itself is logged (ids only). */
    public List<AccessLogEntry> review(Actor actor, AccessLogQuery query) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.REVIEW_ACCESS_LOG));
        return database.transaction(repos -> {
            List<AccessLogEntry> rows = repos.accessLog().find(query);
            repos.accessLog().append(actor, AccessEvent.ACCESS_LOG_REVIEWED, query.participantId(),
                    describe(query) + " rows=" + rows.size());
            return rows;
        });
    }

    /** The users that can be chosen as a filter. */
    public List<UserAccount> users(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.REVIEW_ACCESS_LOG));
        return database.transaction(repos -> repos.users().list());
    }

    /** Who opened participant {@code participantId}, and when: the newest openings first. */
    public List<AccessLogEntry> openedBy(Actor actor, long participantId) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        return database.transaction(repos -> repos.accessLog()
                .find(AccessLogQuery.forParticipant(participantId, 4 * OPENED_BY_LIMIT))
                .stream()
                .filter(e -> e.event() == AccessEvent.PARTICIPANT_OPENED)
                .limit(OPENED_BY_LIMIT)
                .toList());
    }

    /**
     * Checks the whole chain against itself, the head row and the sealed copy of the head beside the
     * database. A changed, inserted or removed row, the last one included, is found.
     */
    public AccessLogChain.Verification verify(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.VERIFY_ACCESS_LOG));
        // On an office server there is no copy outside the database: the database checks its own chain.
        LogHeadFile.State copy = database.keepsLogHeadCopy() ? database.logHeadCopy() : null;
        AccessLogChain.Verification result = database.transaction(repos -> {
            if (copy == null) {
                return repos.accessLog().verifyOnServer();
            }
            List<AccessLogEntry> all = repos.accessLog().all();
            AccessLogChain.Head head = repos.accessLog().head();
            return switch (copy) {
                case LogHeadFile.Forged forged -> new AccessLogChain.Broken(0, AccessLogChain.Problem.HEAD_COPY_FORGED);
                case LogHeadFile.Missing missing -> all.isEmpty() && head.count() == 0
                        ? AccessLogChain.verify(all, head, Optional.empty())
                        : new AccessLogChain.Broken(0, AccessLogChain.Problem.HEAD_COPY_MISSING);
                case LogHeadFile.Sealed sealed -> AccessLogChain.verify(all, head, Optional.of(sealed.head()));
            };
        });
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.ACCESS_LOG_VERIFIED, null,
                switch (result) {
                    case AccessLogChain.Intact intact -> "intact rows=" + intact.count();
                    case AccessLogChain.Broken broken -> "broken " + broken.problem() + " at=" + broken.seq();
                }));
        return result;
    }

    /** A restore as its log row tells it: when, and what became of the log written after the backup. */
    public record Restore(Instant at, RestoreNote note) {
    }

    /**
     * The restores the log records, oldest first, so that a check of the log shows where a restore
     * replaced the register (and carried the log written after the backup) instead of hiding it.
     */
    public List<Restore> restores(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.VERIFY_ACCESS_LOG));
        return database.transaction(repos -> repos.accessLog().ofEvent(AccessEvent.RESTORE)).stream()
                .flatMap(e -> RestoreNote.parse(e.detail()).map(note -> new Restore(e.at(), note)).stream())
                .toList();
    }

    /** Writes the selection to a CSV file (UTF-8 with BOM, semicolons) and logs the export. */
    public int export(Actor actor, AccessLogQuery query, Path file) throws IOException {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.REVIEW_ACCESS_LOG));
        List<AccessLogEntry> rows = database.transaction(repos -> repos.accessLog().find(query));
        CsvMapper csv = CsvMapper.builder().build();
        CsvSchema schema = csv.schemaFor(Row.class).withHeader().withColumnSeparator(';');
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            csv.writer(schema).writeValue(out, rows.stream().map(this::row).toList());
        }
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.ACCESS_LOG_EXPORTED,
                query.participantId(), describe(query) + " rows=" + rows.size()));
        return rows.size();
    }

    @JsonPropertyOrder({"seq", "time", "userId", "username", "event", "participantId", "detail"})
    record Row(long seq, String time, Long userId, String username, String event, Long participantId, String detail) {
    }

    private Row row(AccessLogEntry e) {
        return new Row(e.seq(), TIME.format(e.at().atZone(zone)), e.userId(), CsvSafety.guard(e.username()),
                e.event().name(), e.participantId(), CsvSafety.guard(e.detail()));
    }

    private static String describe(AccessLogQuery query) {
        return "user=" + (query.userId() == null ? "*" : query.userId())
                + " participant=" + (query.participantId() == null ? "*" : query.participantId())
                + " from=" + (query.from() == null ? "*" : query.from())
                + " until=" + (query.until() == null ? "*" : query.until());
    }
}
