package se.lotsbok.store.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.postgresql.ds.PGConnectionPoolDataSource;
import se.lotsbok.store.common.StoreException;

/**
 * Connections to a register on a PostgreSQL office server: the pool a session uses, the check that
 * the schema is there and at this program's version, and the Flyway configuration that only the
 * server's owner role runs.
 */
public final class ServerConnections {

    /** Connections one program keeps open to the server. */
    private static final int POOL_SIZE = 4;
    /** The role that owns the schema and every object in it; nobody logs in as it. */
    public static final String OWNER = "lotsbok_owner";

    private ServerConnections() {
    }

    /**
     * How jOOQ writes SQL for PostgreSQL: the generated classes carry H2's upper-case names, and
     * PostgreSQL keeps unquoted names in lower case, so names are written quoted in lower case.
     */
    public static Settings settings() {
        return new Settings()
                .withExecuteLogging(false)
                .withRenderSchema(false)
                .withRenderNameCase(RenderNameCase.LOWER);
    }

    /**
     * A pool of connections for {@code login}. H2's small pool is used for both engines: it pools any
     * JDBC driver's {@code ConnectionPoolDataSource} and is already part of the program.
     *
     * @throws StoreException.LoginRefused when the server refuses the login or password
     * @throws StoreException.Unreachable when there is no server or no such database
     */
    public static JdbcConnectionPool pool(ServerAddress server, String login, char[] password, Map<String, String> env) {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        try {
            source.setURL(server.jdbcUrl());
            Properties properties = server.properties(login, password, env);
            for (String name : properties.stringPropertyNames()) {
                source.setProperty(name, properties.getProperty(name));
            }
        } catch (SQLException e) {
            throw new StoreException("bad server settings", e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(POOL_SIZE);
        try (Connection connection = pool.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            pool.dispose();
            throw classify(e);
        }
        return pool;
    }

    /** A single connection, for the set-up and the move that run outside any user's session. */
    public static Connection connect(ServerAddress server, String login, char[] password, Map<String, String> env) {
        try {
            return new org.postgresql.Driver().connect(server.jdbcUrl(), server.properties(login, password, env));
        } catch (SQLException e) {
            throw classify(e);
        }
    }

    /**
     * Whether the server accepts {@code password} for {@code login}, asked with one connection that
     * is closed at once.
     *
     * @throws StoreException.Unreachable when the server does not answer
     */
    public static boolean accepts(ServerAddress server, String login, char[] password, Map<String, String> env) {
        try (Connection connection = connect(server, login, password, env)) {
            return connection != null;
        } catch (StoreException.LoginRefused e) {
            return false;
        } catch (SQLException e) {
            // Only the closing failed: the server had accepted the password.
            return true;
        }
    }

    private static StoreException classify(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        // 28P01: wrong password; 28000: no such login, or one that may not log in (deactivated).
        if (state.equals("28P01") || state.equals("28000")) {
            return new StoreException.LoginRefused(e);
        }
        return new StoreException.Unreachable(e);
    }

    /**
     * Refuses a database without a register, or whose schema is older or newer than this program's.
     *
     * @throws StoreException.ServerNotReady no register, or one awaiting {@code server-upgrade}
     * @throws StoreException.TooNew a newer Lotsbok upgraded the schema
     */
    public static void checkReady(DataSource pool) {
        if (!schemaExists(pool)) {
            throw new StoreException.ServerNotReady(false);
        }
        Flyway flyway = flyway(pool);
        MigrationInfo[] applied = flyway.info().applied();
        if (applied.length == 0) {
            throw new StoreException.ServerNotReady(false);
        }
        refuseNewer(flyway);
        if (flyway.info().pending().length > 0) {
            throw new StoreException.ServerNotReady(true);
        }
    }

    /** Refuses a schema that a newer Lotsbok has migrated: this program would not know its tables. */
    static void refuseNewer(Flyway flyway) {
        Arrays.stream(flyway.info().applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, second) -> second)
                .ifPresent(m -> {
                    throw new StoreException.TooNew(m.getVersion().getVersion());
                });
    }

    private static boolean schemaExists(DataSource pool) {
        try (Connection connection = pool.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT 1 FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid"
                                + " WHERE n.nspname = ? AND c.relname = 'flyway_schema_history'")) {
            statement.setString(1, ServerAddress.SCHEMA);
            try (var result = statement.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the server's schema", e);
        }
    }

    /**
     * Every migration of this program for PostgreSQL: the shared scripts and the server's own. The
     * shared scripts come from {@code db/shared-on-server}, the build's copy of {@code db/migration}
     * without the few that only H2 understands (their PostgreSQL forms are in {@code db/postgresql});
     * the H2 file's Java migrations have PostgreSQL forms there too.
     */
    public static FluentConfiguration migrations(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(ServerAddress.SCHEMA)
                .defaultSchema(ServerAddress.SCHEMA)
                .createSchemas(false)
                .locations("classpath:db/shared-on-server", "classpath:db/postgresql");
    }

    /** Flyway for reading the schema's version (any user) on {@code dataSource}. */
    public static Flyway flyway(DataSource dataSource) {
        return migrations(dataSource).load();
    }

    /** Whether the server refused a statement for lack of a privilege or a row-level policy. */
    public static boolean refusedByTheServer(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
