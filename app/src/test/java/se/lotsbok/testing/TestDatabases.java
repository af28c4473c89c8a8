package se.lotsbok.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Role;
import se.lotsbok.store.Database;

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

    /** A migrated, encrypted database in {@code folder(tempDir)}. */
    public static Database open(Path tempDir) {
        return Database.open(folder(tempDir), KEY, CLOCK);
    }

    public static Actor actor(long id, String username, Role... roles) {
        Set<Role> set = roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
        return new Actor(id, username, username, set, null);
    }
}
