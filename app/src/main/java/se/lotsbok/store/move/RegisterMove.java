package se.lotsbok.store.move;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Table;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.store.Database;
import se.lotsbok.store.common.StoreException;
import se.lotsbok.store.access.LogHeadFile;
import se.lotsbok.store.jooq.DefaultSchema;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.store.server.ServerConnections;
import se.lotsbok.store.server.ServerSetup;

/**
 * Moves a unit's register from its data folder to an initialised, empty database on an office server:
 * every row of every table in one server transaction, with its id (the change record for the
 * in-memory tallies, {@code report_change}, is written afresh by the server's triggers); the access log as it was, its
 * chain checked before (against the sealed copy of its head too) and after, and the move itself
 * logged on the server as the next row of the same chain. The folder is only read, never opened
 * for writing, so it stays as it was byte for byte.
 *
 * <p>The signing key stays behind: the server made its own when it was set up and keeps it, so its
 * exports carry a new fingerprint, which the city adds to the keys it trusts.
 *
 * <p>The users come along with their roles, without passwords (the server cannot take the folder's
 * PBKDF2 wrappings): the server's administrator, who set the server up and must be an administrator
 * of the register moved too, keeps the password given at {@code server-init} and gives the others
 * temporary ones, which they replace at their first login.
 */
public final class RegisterMove {

    /** Why a move was refused; nothing was changed anywhere. */
    public enum Problem {
        /** The user is no active administrator of the register in the folder. */
        NOT_ADMINISTRATOR,
        /** The folder's register has an older schema: open it once with this Lotsbok first. */
        FOLDER_OLDER,
        /** The access log in the folder does not verify. */
        LOG_BROKEN,
        /** The server's database already holds a register's data. */
        SERVER_NOT_EMPTY,
        /** None of the server's administrators is an active administrator of the register moved. */
        NO_COMMON_ADMINISTRATOR,
        /** The folder holds no register, or another program has it open. */
        FOLDER_UNREADABLE,
        /** The server's database holds no register's schema: it was not set up ({@code server-init}). */
        SERVER_NOT_READY
    }

    /** A move refused before anything was written. */
    public static final class Refused extends StoreException {
        private final Problem problem;

        public Refused(Problem problem, Throwable cause) {
            super("the move was refused: " + problem, cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * What was moved.
     *
     * @param fingerprint of the server's own signing key, which its exports carry from now on
     */
    public record Moved(int participants, int users, long logEntries, Map<String, Integer> rows, String fingerprint) {
    }

    private static final int BATCH = 1000;

    private RegisterMove() {
    }

    /**
     * Copies the register in {@code folder} (opened with {@code key}, which {@code mover}'s password
     * unwrapped) to {@code to}, connecting there as the server's installer.
     *
     * @throws Refused when the register, the user or the server is not as required (nothing changed)
     */
    public static Moved move(Path folder, byte[] key, String mover, ServerAddress to, String installer,
            char[] installerPassword, Map<String, String> env, Instant now) {
        try (Connection source = Database.openReadOnly(folder, key)) {
            source.setAutoCommit(false);
            refuseOlder(folder, key);
            long moverId = activeAdministrator(source, mover)
                    .orElseThrow(() -> new Refused(Problem.NOT_ADMINISTRATOR, null));
            AccessLogChain.Head head = verify(source, new LogHeadFile(folder, key).read());
            try (Connection target = ServerConnections.connect(to, installer, installerPassword, env)) {
                refuseNotSetUp(target);
                target.setAutoCommit(false);
                try (Statement s = target.createStatement()) {
                    s.execute("SET LOCAL ROLE " + ServerConnections.OWNER);
                    s.execute("SET LOCAL search_path = " + ServerAddress.SCHEMA);
                }
                try {
                    Moved moved = copy(source, target, folder, head, mover, moverId, now);
                    target.commit();
                    return moved;
                } catch (SQLException | RuntimeException e) {
                    target.rollback();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("the move to the server failed; nothing was changed", e);
        }
    }

    private static Moved copy(Connection source, Connection target, Path folder, AccessLogChain.Head head, String mover,
            long moverId, Instant now) throws SQLException {
        refuseNotEmpty(target);
        Set<String> serverAdministrators = new LinkedHashSet<>(strings(target, "SELECT u.username FROM app_user u"
                + " JOIN app_user_role r ON r.user_id = u.id WHERE u.active AND r.role = 'ADMINISTRATOR'"));
        Set<String> folderAdministrators = new HashSet<>(strings(source, "SELECT u.USERNAME FROM APP_USER u"
                + " JOIN APP_USER_ROLE r ON r.USER_ID = u.ID WHERE u.ACTIVE AND r.ROLE = 'ADMINISTRATOR'"));
        Set<String> keeping = new LinkedHashSet<>(serverAdministrators);
        keeping.retainAll(folderAdministrators);
        if (keeping.isEmpty()) {
            throw new Refused(Problem.NO_COMMON_ADMINISTRATOR, null);
        }
        List<String> serverUsers = strings(target, "SELECT username FROM app_user");

        // The server keeps the signing key it made itself, whose private half never leaves it; the
        // folder's key stays in the folder. Exports from the server carry the server's key.
        List<Table<?>> tables = inDependencyOrder().stream()
                .filter(table -> !table.equals(DefaultSchema.DEFAULT_SCHEMA.SIGNING_KEY)).toList();
        for (Table<?> table : tables.reversed()) {
            try (Statement s = target.createStatement()) {
                s.execute("DELETE FROM " + quoted(table.getName()));
            }
        }
        Map<String, Integer> rows = new java.util.LinkedHashMap<>();
        for (Table<?> table : tables) {
            if (table.equals(DefaultSchema.DEFAULT_SCHEMA.REPORT_CHANGE)) {
                // Not register data but the record of whose tally rows changed, which the server's own
                // triggers write afresh for every row copied here.
                continue;
            }
            rows.put(table.getName(), copyTable(source, target, table));
            resetIdentity(target, table);
        }
        // Every moved user chooses a new password at the first login, except the server's administrator,
        // whose login keeps the password given when the server was set up.
        try (PreparedStatement flag = target.prepareStatement(
                "UPDATE app_user SET must_change_password = NOT (username = ANY (?))")) {
            flag.setArray(1, target.createArrayOf("text", keeping.toArray()));
            flag.executeUpdate();
        }
        // The server's users that the register moved has not (none, usually) can no longer log in.
        Set<String> moved = new HashSet<>(strings(target, "SELECT username FROM app_user"));
        for (String gone : serverUsers) {
            if (!moved.contains(gone)) {
                try (Statement s = target.createStatement()) {
                    s.execute("ALTER ROLE " + quoted(gone + "@" + target.getCatalog()) + " NOLOGIN");
                }
            }
        }
        try (PreparedStatement log = target.prepareStatement(
                "SELECT seq FROM append_access_log(?, ?, ?, ?, NULL, ?)")) {
            log.setObject(1, AccessLogChain.storedTime(now).atOffset(ZoneOffset.UTC));
            log.setLong(2, moverId);
            log.setString(3, mover);
            log.setString(4, AccessEvent.REGISTER_MOVED.name());
            log.setString(5, "from " + folder.toAbsolutePath().getFileName() + ", rows=" + head.count());
            log.executeQuery().close();
        }
        try (Statement s = target.createStatement();
                ResultSet check = s.executeQuery("SELECT entries, broken_seq, problem FROM verify_access_log()")) {
            check.next();
            if (check.getString(3) != null || check.getLong(1) != head.count() + 1) {
                throw new StoreException("the access log does not verify on the server after the move: "
                        + check.getString(3) + " at " + check.getLong(2));
            }
        }
        String fingerprint;
        try (Statement s = target.createStatement();
                ResultSet key = s.executeQuery("SELECT public_key FROM signing_key WHERE id = 1")) {
            key.next();
            fingerprint = SigningKey.fingerprintOf(key.getBytes(1));
        }
        return new Moved(rows.getOrDefault(DefaultSchema.DEFAULT_SCHEMA.PARTICIPANT.getName(), 0),
                rows.getOrDefault(DefaultSchema.DEFAULT_SCHEMA.APP_USER.getName(), 0), head.count() + 1, rows,
                fingerprint);
    }

    /** Every table of the schema, each after the tables its foreign keys point to. */
    static List<Table<?>> inDependencyOrder() {
        List<Table<?>> remaining = new ArrayList<>(DefaultSchema.DEFAULT_SCHEMA.getTables());
        List<Table<?>> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Table<?> next = remaining.stream()
                    .filter(t -> t.getReferences().stream().map(ForeignKey::getKey).map(k -> k.getTable())
                            .allMatch(referenced -> referenced.equals(t) || ordered.contains(referenced)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys in a cycle: " + remaining));
            ordered.add(next);
            remaining.remove(next);
        }
        return ordered;
    }

    /** Copies a table's rows in primary-key order, so that a row pointing to an earlier one of its table follows it. */
    private static int copyTable(Connection source, Connection target, Table<?> table) throws SQLException {
        Field<?>[] fields = table.fields();
        String columns = String.join(", ", Arrays.stream(fields).map(f -> quoted(f.getName())).toList());
        String order = table.getPrimaryKey() == null ? "" : " ORDER BY " + String.join(", ",
                table.getPrimaryKey().getFields().stream().map(f -> "\"" + f.getName() + "\"").toList());
        String select = "SELECT " + String.join(", ", Arrays.stream(fields).map(f -> "\"" + f.getName() + "\"").toList())
                + " FROM \"" + table.getName() + "\"" + order;
        String insert = "INSERT INTO " + quoted(table.getName()) + " (" + columns + ") VALUES ("
                + String.join(", ", Arrays.stream(fields).map(f -> "?").toList()) + ")";
        int count = 0;
        try (Statement read = source.createStatement(); PreparedStatement write = target.prepareStatement(insert)) {
            read.setFetchSize(BATCH);
            try (ResultSet r = read.executeQuery(select)) {
                while (r.next()) {
                    for (int i = 0; i < fields.length; i++) {
                        write.setObject(i + 1, value(r, i + 1, fields[i].getType()));
                    }
                    write.addBatch();
                    if (++count % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return count;
    }

    private static Object value(ResultSet r, int column, Class<?> type) throws SQLException {
        if (type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class) {
            return r.getObject(column, type);
        }
        return r.getObject(column);
    }

    /** After rows came with their ids, the server's identity columns go on after the highest. */
    private static void resetIdentity(Connection target, Table<?> table) throws SQLException {
        for (Field<?> field : table.fields()) {
            if (field.getDataType().identity()) {
                String name = field.getName().toLowerCase(Locale.ROOT);
                try (Statement s = target.createStatement()) {
                    s.executeQuery("SELECT setval(pg_get_serial_sequence('" + ServerAddress.SCHEMA + "."
                            + quoted(table.getName()).replace("'", "''") + "', '" + name + "'), COALESCE(MAX("
                            + quoted(field.getName()) + "), 0) + 1, false) FROM " + quoted(table.getName())).close();
                }
            }
        }
    }

    private static void refuseOlder(Path folder, byte[] key) {
        if (!Database.atThisVersion(folder, key)) {
            throw new Refused(Problem.FOLDER_OLDER, null);
        }
    }

    private static Optional<Long> activeAdministrator(Connection source, String username) throws SQLException {
        try (PreparedStatement q = source.prepareStatement("SELECT u.ID FROM APP_USER u JOIN APP_USER_ROLE r"
                + " ON r.USER_ID = u.ID WHERE u.USERNAME = ? AND u.ACTIVE AND r.ROLE = 'ADMINISTRATOR'")) {
            q.setString(1, username);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The folder's chain, checked against the head row and the sealed copy of the head beside the file. */
    private static AccessLogChain.Head verify(Connection source, LogHeadFile.State copy) throws SQLException {
        List<AccessLogEntry> entries = new ArrayList<>();
        try (Statement s = source.createStatement(); ResultSet r = s.executeQuery("SELECT SEQ, AT, USER_ID, USERNAME,"
                + " EVENT, PARTICIPANT_ID, DETAIL, PREVIOUS_HASH, HASH FROM ACCESS_LOG ORDER BY SEQ")) {
            while (r.next()) {
                entries.add(new AccessLogEntry(r.getLong(1), r.getObject(2, OffsetDateTime.class).toInstant(),
                        (Long) r.getObject(3, Long.class), r.getString(4), AccessEvent.valueOf(r.getString(5)),
                        (Long) r.getObject(6, Long.class), r.getString(7), r.getString(8), r.getString(9)));
            }
        }
        AccessLogChain.Head head;
        try (Statement s = source.createStatement();
                ResultSet r = s.executeQuery("SELECT ENTRY_COUNT, LAST_HASH FROM ACCESS_LOG_HEAD")) {
            r.next();
            head = new AccessLogChain.Head(r.getLong(1), r.getString(2));
        }
        Optional<AccessLogChain.Head> mirror = switch (copy) {
            case LogHeadFile.Sealed sealed -> Optional.of(sealed.head());
            case LogHeadFile.Missing missing -> Optional.empty();
            case LogHeadFile.Forged forged -> throw new Refused(Problem.LOG_BROKEN, null);
        };
        if (!AccessLogChain.verify(entries, head, mirror).intact()) {
            throw new Refused(Problem.LOG_BROKEN, null);
        }
        return head;
    }

    /** Without the register's schema there is nothing to copy into (and no owner role to copy as). */
    private static void refuseNotSetUp(Connection target) throws SQLException {
        try (PreparedStatement q = target.prepareStatement("SELECT 1 FROM pg_namespace n JOIN pg_class c"
                + " ON c.relnamespace = n.oid WHERE n.nspname = ? AND c.relname = 'flyway_schema_history'")) {
            q.setString(1, ServerAddress.SCHEMA);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    throw new Refused(Problem.SERVER_NOT_READY, null);
                }
            }
        }
    }

    private static void refuseNotEmpty(Connection target) throws SQLException {
        try (Statement s = target.createStatement(); ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM participant)"
                + " + (SELECT count(*) FROM navigator) + (SELECT count(*) FROM journal_note)"
                + " + (SELECT count(*) FROM tally_export)")) {
            r.next();
            if (r.getLong(1) > 0) {
                throw new Refused(Problem.SERVER_NOT_EMPTY, null);
            }
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static String quoted(String name) {
        return ServerSetup.quote(name.toLowerCase(Locale.ROOT));
    }
}
