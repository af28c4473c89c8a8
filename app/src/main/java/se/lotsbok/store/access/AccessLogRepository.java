package se.lotsbok.store.access;

import static se.lotsbok.store.jooq.Tables.ACCESS_LOG;
import static se.lotsbok.store.jooq.Tables.ACCESS_LOG_HEAD;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.store.jooq.tables.records.AccessLogRecord;

/** Appends to and reads the hash-chained access log. There is no update and no delete. */
public final class AccessLogRepository {

    private final DSLContext tx;
    private final Clock clock;
    /** On an office server the database computes the chain itself, in a function no user can bypass. */
    private final boolean server;
    private AccessLogChain.Head appended;

    public AccessLogRepository(DSLContext tx, Clock clock) {
        this(tx, clock, false);
    }

    public AccessLogRepository(DSLContext tx, Clock clock, boolean server) {
        this.tx = tx;
        this.clock = clock;
        this.server = server;
    }

    /** Records that {@code actor} did {@code event}, concerning {@code participantId} if not null. */
    public AccessLogEntry append(Actor actor, AccessEvent event, Long participantId, String detail) {
        return append(clock.instant(), actor.userId(), actor.username(), event, participantId, detail);
    }

    /** Records an event at a given time, possibly without a known user (a failed login). */
    public AccessLogEntry append(Instant at, Long userId, String username, AccessEvent event, Long participantId,
            String detail) {
        if (server) {
            return appendOnServer(at, userId, username, event, participantId, detail);
        }
        // The head row is locked, so concurrent writers (an H2 server, several PCs) queue up in order.
        var head = tx.select(ACCESS_LOG_HEAD.ENTRY_COUNT, ACCESS_LOG_HEAD.LAST_HASH)
                .from(ACCESS_LOG_HEAD)
                .where(ACCESS_LOG_HEAD.ID.eq(1))
                .forUpdate()
                .fetchOne();
        // Whatever was typed (a user name at a failed login) is cut to the columns: recording an
        // event must never be what fails the transaction it is part of.
        AccessLogEntry entry = AccessLogChain.next(new AccessLogChain.Head(head.value1(), head.value2()),
                at, userId, AccessLogEntry.fit(username, AccessLogEntry.MAX_USERNAME), event, participantId,
                AccessLogEntry.fit(detail, AccessLogEntry.MAX_DETAIL));
        AccessLogRecord record = tx.newRecord(ACCESS_LOG);
        record.setSeq(entry.seq());
        record.setAt(entry.at().atOffset(ZoneOffset.UTC));
        record.setUserId(entry.userId());
        record.setUsername(entry.username());
        record.setEvent(entry.event().name());
        record.setParticipantId(entry.participantId());
        record.setDetail(entry.detail());
        record.setPreviousHash(entry.previousHash());
        record.setHash(entry.hash());
        record.insert();
        tx.update(ACCESS_LOG_HEAD)
                .set(ACCESS_LOG_HEAD.ENTRY_COUNT, entry.seq())
                .set(ACCESS_LOG_HEAD.LAST_HASH, entry.hash())
                .where(ACCESS_LOG_HEAD.ID.eq(1))
                .execute();
        appended = new AccessLogChain.Head(entry.seq(), entry.hash());
        return entry;
    }

    /**
     * On a server: the function {@code append_access_log} locks the head, computes the row's hash
     * with the same chain as {@link AccessLogChain} and writes row and head; users may neither write
     * the table nor write a row in another user's name.
     */
    private AccessLogEntry appendOnServer(Instant at, Long userId, String username, AccessEvent event,
            Long participantId, String detail) {
        Instant stored = AccessLogChain.storedTime(at);
        var row = tx.resultQuery("SELECT seq, previous_hash, hash FROM append_access_log("
                        + "CAST({0} AS timestamptz), CAST({1} AS bigint), CAST({2} AS text), CAST({3} AS text),"
                        + " CAST({4} AS bigint), CAST({5} AS text))",
                        DSL.val(stored.atOffset(ZoneOffset.UTC)), DSL.val(userId, Long.class), DSL.val(username),
                        DSL.val(event.name()), DSL.val(participantId, Long.class), DSL.val(detail))
                .fetchOne();
        AccessLogEntry entry = new AccessLogEntry(row.get(0, Long.class), stored, userId, username, event,
                participantId, detail, row.get(1, String.class), row.get(2, String.class));
        appended = new AccessLogChain.Head(entry.seq(), entry.hash());
        return entry;
    }

    /**
     * On a server: the chain checked inside the database, by a function that the enhetschef and the
     * administrator may call, against the head row that only the log function writes.
     */
    public AccessLogChain.Verification verifyOnServer() {
        var row = tx.resultQuery("SELECT entries, broken_seq, problem FROM verify_access_log()").fetchOne();
        String problem = row.get(2, String.class);
        return problem == null ? new AccessLogChain.Intact(row.get(0, Long.class))
                : new AccessLogChain.Broken(row.get(1, Long.class), AccessLogChain.Problem.valueOf(problem));
    }

    /** The head as this transaction left it, if it appended anything. */
    public Optional<AccessLogChain.Head> appendedHead() {
        return Optional.ofNullable(appended);
    }

    public AccessLogChain.Head head() {
        var head = tx.select(ACCESS_LOG_HEAD.ENTRY_COUNT, ACCESS_LOG_HEAD.LAST_HASH)
                .from(ACCESS_LOG_HEAD)
                .where(ACCESS_LOG_HEAD.ID.eq(1))
                .fetchOne();
        return new AccessLogChain.Head(head.value1(), head.value2());
    }

    /** The hash of row {@code seq}; the chain's start for 0; empty if there is no such row. */
    public Optional<String> hashAt(long seq) {
        if (seq == 0) {
            return Optional.of(AccessLogChain.GENESIS);
        }
        return tx.select(ACCESS_LOG.HASH).from(ACCESS_LOG).where(ACCESS_LOG.SEQ.eq(seq)).fetchOptional(ACCESS_LOG.HASH);
    }

    /** Every row, in order, for a check of the chain. */
    public List<AccessLogEntry> all() {
        return tx.selectFrom(ACCESS_LOG).orderBy(ACCESS_LOG.SEQ).fetch(AccessLogRepository::toEntry);
    }

    /** The rows recording {@code event}, in order. */
    public List<AccessLogEntry> ofEvent(AccessEvent event) {
        return tx.selectFrom(ACCESS_LOG).where(ACCESS_LOG.EVENT.eq(event.name())).orderBy(ACCESS_LOG.SEQ)
                .fetch(AccessLogRepository::toEntry);
    }

    /** The rows after row {@code seq}, in order. */
    public List<AccessLogEntry> after(long seq) {
        return tx.selectFrom(ACCESS_LOG).where(ACCESS_LOG.SEQ.gt(seq)).orderBy(ACCESS_LOG.SEQ)
                .fetch(AccessLogRepository::toEntry);
    }

    /**
     * Appends copies of {@code rows} (from the log of a register being replaced by a restore), each
     * with its own time, user, event, participant and detail, chained anew; answers the number the
     * first copy got (the next number when there were none).
     */
    public long carry(List<AccessLogEntry> rows) {
        long first = head().count() + 1;
        for (AccessLogEntry row : rows) {
            append(row.at(), row.userId(), row.username(), row.event(), row.participantId(), row.detail());
        }
        return first;
    }

    /** The newest rows matching {@code query}, newest first. */
    public List<AccessLogEntry> find(AccessLogQuery query) {
        List<Condition> conditions = new ArrayList<>();
        if (query.userId() != null) {
            conditions.add(ACCESS_LOG.USER_ID.eq(query.userId()));
        }
        if (query.participantId() != null) {
            conditions.add(ACCESS_LOG.PARTICIPANT_ID.eq(query.participantId()));
        }
        if (query.from() != null) {
            conditions.add(ACCESS_LOG.AT.ge(query.from().atOffset(ZoneOffset.UTC)));
        }
        if (query.until() != null) {
            conditions.add(ACCESS_LOG.AT.lt(query.until().atOffset(ZoneOffset.UTC)));
        }
        return tx.selectFrom(ACCESS_LOG)
                .where(DSL.and(conditions))
                .orderBy(ACCESS_LOG.SEQ.desc())
                .limit(query.limit())
                .fetch(AccessLogRepository::toEntry);
    }

    private static AccessLogEntry toEntry(AccessLogRecord r) {
        return new AccessLogEntry(r.getSeq(), r.getAt().toInstant(), r.getUserId(), r.getUsername(),
                AccessEvent.valueOf(r.getEvent()), r.getParticipantId(), r.getDetail(), r.getPreviousHash(),
                r.getHash());
    }
}
