package se.lotsbok.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Role;
import se.lotsbok.store.Database;
import se.lotsbok.store.RawConnection;
import se.lotsbok.store.server.ServerAddress;

/** Shared fixtures: the fixed day every test lives on, a known database key, acting users. */
public final class TestDatabases {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:30:00Z"), STOCKHOLM);
    /** A database key for store tests; the product makes a random one per register. */
    public static final byte[] KEY = "a test key of thirty-two bytes!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public static final Actor UNIT_HEAD = actor(1, "chef", Role.UNIT_HEAD);
    public static final Actor NAVIGATOR = actor(2, "lots", Role.NAVIGATOR);
    public static final Actor ADMINISTRATOR = actor(3, "admin", Role.ADMINISTRATOR);

    private TestDatabases() {
    }

    /** The data folder for a test database below JUnit's temporary folder. */
    public static Path folder(Path tempDir) {
        return tempDir.resolve("data");
    }

    /**
     * A migrated, encrypted database in {@code folder(tempDir)}; in the PostgreSQL run, the database on
     * the test server standing for that folder, opened by the installer (past row-level security), so
     * that the repositories' SQL is tested on both engines with this class's acting users.
     */
    public static Database open(Path tempDir) {
        if (TestRegister.onServer()) {
            ServerAddress server = TestRegister.serverFor(folder(tempDir));
            return Database.connect(server, TestServer.INSTALLER, null, java.util.Map.of(), CLOCK);
        }
        return Database.open(folder(tempDir), KEY, CLOCK);
    }

    /** Records in the file's migration history a schema version no program knows yet, as a newer Lotsbok would. */
    public static void markMadeByANewerProgram(Path folder, byte[] key) throws SQLException {
        try (Connection c = RawConnection.open(folder, key); Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '999', 'future', 'SQL', 'V999__future.sql', 0, 'lotsbok', 1, TRUE)");
        }
    }

    /** The SHA-256 of the file's bytes, to show that something left a file untouched. */
    public static String digest(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static Actor actor(long id, String username, Role... roles) {
        Set<Role> set = roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
        return new Actor(id, username, username, set, null);
    }
}
