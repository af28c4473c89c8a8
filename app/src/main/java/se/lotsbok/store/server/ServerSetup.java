package se.lotsbok.store.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PasswordUtil;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.user.Role;
import se.lotsbok.store.common.StoreException;

/**
 * Sets up a register on a PostgreSQL server ({@code server-init}) and upgrades its schema
 * ({@code server-upgrade}). Both run as the server's installer: a login that may create roles (and,
 * for the set-up, owns the database), given by PostgreSQL's own environment variables. Users never
 * change the schema.
 */
public final class ServerSetup {

    /** The group roles, one per Lotsbok role. */
    public static final Map<Role, String> GROUPS = Map.of(Role.NAVIGATOR, "lotsbok_lots",
            Role.UNIT_HEAD, "lotsbok_enhetschef", Role.ADMINISTRATOR, "lotsbok_admin",
            Role.CITY_COORDINATOR, "lotsbok_stadssamordnare");
    static final int OLDEST_SERVER = 140000;

    /** Why a set-up was refused; nothing was changed. */
    public enum Problem {
        /** The database already holds a register: use {@code server-upgrade}. */
        ALREADY_INITIALISED,
        /** Older than PostgreSQL 14. */
        SERVER_TOO_OLD,
        /** The database's encoding is not UTF8. */
        NOT_UTF8,
        /** The installer may not create roles. */
        CANNOT_CREATE_ROLES,
        /** The database holds no register: use {@code server-init}. */
        NOT_INITIALISED
    }

    /** A set-up refused before anything was changed. */
    public static final class Refused extends StoreException {
        private final Problem problem;

        public Refused(Problem problem) {
            super("server set-up refused: " + problem);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** What the set-up did; {@code notes} are things the server's administrator should do by hand. */
    public record Initialised(String schemaVersion, List<String> notes) {
    }

    private ServerSetup() {
    }

    /**
     * Creates the owner role, the group roles and the schema, migrates it, and makes {@code adminName}
     * the first administrator, holding the unit's roles ({@link Role#unitRoles()}), with {@code adminPassword}.
     *
     * @throws Refused when the server or database does not allow it (nothing was changed)
     */
    public static Initialised initialise(ServerAddress server, String installer, char[] installerPassword,
            Map<String, String> env, String adminName, String adminDisplayName, char[] adminPassword, Instant now) {
        Initialised done = prepare(server, installer, installerPassword, env);
        createFirstAdministrator(server, installer, installerPassword, env, adminName, adminDisplayName, adminPassword, now);
        return done;
    }

    /**
     * The first half of {@link #initialise}: the owner role, the group roles and the migrated schema,
     * with no user yet.
     */
    public static Initialised prepare(ServerAddress server, String installer, char[] installerPassword,
            Map<String, String> env) {
        List<String> notes = new ArrayList<>();
        try (Connection c = ServerConnections.connect(server, installer, installerPassword, env)) {
            c.setAutoCommit(false);
            refuseUnsuitable(c, true);
            try (Statement s = c.createStatement()) {
                if (!roleExists(c, ServerConnections.OWNER)) {
                    s.execute("CREATE ROLE " + ServerConnections.OWNER + " NOLOGIN CREATEROLE");
                }
                s.execute("GRANT " + ServerConnections.OWNER + " TO CURRENT_USER");
                s.execute("SET LOCAL ROLE " + ServerConnections.OWNER);
                for (String group : GROUPS.values()) {
                    if (!roleExists(c, group)) {
                        s.execute("CREATE ROLE " + group + " NOLOGIN");
                    }
                }
                s.execute("RESET ROLE");
                s.execute("CREATE SCHEMA " + ServerAddress.SCHEMA + " AUTHORIZATION " + ServerConnections.OWNER);
                String database = quote(server.database());
                String groups = String.join(", ", GROUPS.values());
                if (!optional(c, "REVOKE CONNECT, TEMPORARY ON DATABASE " + database + " FROM PUBLIC",
                        "GRANT CONNECT ON DATABASE " + database + " TO " + groups)) {
                    notes.add("connect");
                }
                if (!optional(c, "REVOKE CREATE ON SCHEMA public FROM PUBLIC")) {
                    notes.add("public");
                }
            }
            c.commit();
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new Refused(Problem.CANNOT_CREATE_ROLES);
            }
            throw new StoreException("cannot set up the server", e);
        }
        MigrateResult migrated = migrate(server, installer, installerPassword, env);
        return new Initialised(migrated.targetSchemaVersion, notes);
    }

    /**
     * Makes {@code adminName} the first administrator of the migrated register on the server, holding
     * the unit's roles, with {@code adminPassword}: the second half of {@link #initialise}, also used to
     * give a copy of a set-up database its administrator.
     */
    public static void createFirstAdministrator(ServerAddress server, String installer, char[] installerPassword,
            Map<String, String> env, String adminName, String adminDisplayName, char[] adminPassword, Instant now) {
        try (Connection c = ServerConnections.connect(server, installer, installerPassword, env)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL ROLE " + ServerConnections.OWNER);
                s.execute("SET LOCAL search_path = " + ServerAddress.SCHEMA);
            }
            long adminId;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO app_user (username, display_name, active,"
                    + " navigator_id, must_change_password, created_at) VALUES (?, ?, TRUE, NULL, FALSE, ?) RETURNING id")) {
                insert.setString(1, adminName);
                insert.setString(2, adminDisplayName);
                insert.setObject(3, now.atOffset(ZoneOffset.UTC));
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    adminId = id.getLong(1);
                }
            }
            try (PreparedStatement role = c.prepareStatement("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)")) {
                for (Role r : Role.unitRoles()) {
                    role.setLong(1, adminId);
                    role.setString(2, r.name());
                    role.addBatch();
                }
                role.executeBatch();
            }
            setPassword(c, adminName, adminPassword);
            try (PreparedStatement log = c.prepareStatement("SELECT seq FROM append_access_log(?, ?, ?, ?, NULL, ?)")) {
                log.setObject(1, now.atOffset(ZoneOffset.UTC));
                log.setLong(2, adminId);
                log.setString(3, adminName);
                log.setString(4, AccessEvent.USER_CREATED.name());
                log.setString(5, "first administrator");
                log.executeQuery().close();
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot create the first administrator", e);
        }
    }

    /**
     * Applies this program's new migrations to the register on the server, as the owner role.
     *
     * @return the number of migrations applied (0 when the schema was already at this version)
     * @throws Refused when the database holds no register
     * @throws StoreException.TooNew when a newer Lotsbok has upgraded it
     */
    public static int upgrade(ServerAddress server, String installer, char[] installerPassword, Map<String, String> env) {
        try (Connection c = ServerConnections.connect(server, installer, installerPassword, env)) {
            refuseUnsuitable(c, false);
        } catch (SQLException e) {
            throw new StoreException("cannot read the server", e);
        }
        return migrate(server, installer, installerPassword, env).migrationsExecuted;
    }

    private static MigrateResult migrate(ServerAddress server, String installer, char[] password, Map<String, String> env) {
        // Every connection Flyway opens acts as the owner role, which then owns what the migrations make.
        PGSimpleDataSource source = new PGSimpleDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                try (Statement s = connection.createStatement()) {
                    s.execute("SET ROLE " + ServerConnections.OWNER);
                }
                return connection;
            }
        };
        source.setURL(server.jdbcUrl());
        try {
            var properties = server.properties(installer, password, env);
            for (String name : properties.stringPropertyNames()) {
                source.setProperty(name, properties.getProperty(name));
            }
        } catch (SQLException e) {
            throw new StoreException("bad server settings", e);
        }
        var flyway = ServerConnections.migrations(source).load();
        ServerConnections.refuseNewer(flyway);
        return flyway.migrate();
    }

    private static void refuseUnsuitable(Connection c, boolean forInit) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT current_setting('server_version_num')::int,"
                        + " pg_encoding_to_char(encoding), EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '"
                        + ServerAddress.SCHEMA + "') FROM pg_database WHERE datname = current_database()")) {
            r.next();
            if (r.getInt(1) < OLDEST_SERVER) {
                throw new Refused(Problem.SERVER_TOO_OLD);
            }
            if (!"UTF8".equals(r.getString(2))) {
                throw new Refused(Problem.NOT_UTF8);
            }
            if (forInit && r.getBoolean(3)) {
                throw new Refused(Problem.ALREADY_INITIALISED);
            }
            if (!forInit && !r.getBoolean(3)) {
                throw new Refused(Problem.NOT_INITIALISED);
            }
        }
    }

    /** Sets the login password of {@code username} from a SCRAM-SHA-256 verifier made here. */
    static void setPassword(Connection c, String username, char[] password) throws SQLException {
        try (PreparedStatement set = c.prepareStatement("SELECT set_password(?, ?)")) {
            set.setString(1, username);
            set.setString(2, PasswordUtil.encodeScramSha256(password.clone()));
            set.executeQuery().close();
        }
    }

    private static boolean roleExists(Connection c, String role) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            q.setString(1, role);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Runs statements that need more than the installer may have; false (and undone) if refused. */
    private static boolean optional(Connection c, String... sql) throws SQLException {
        var savepoint = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
            c.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            c.rollback(savepoint);
            return false;
        }
    }

    /** {@code identifier} as a quoted SQL identifier. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
