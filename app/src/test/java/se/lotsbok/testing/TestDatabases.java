package se.lotsbok.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Shared fixtures: the fixed day every test lives on. */
public final class TestDatabases {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:30:00Z"), STOCKHOLM);

    private TestDatabases() {
    }

    /** The data folder for a test database below JUnit's temporary folder. */
    public static Path folder(Path tempDir) {
        return tempDir.resolve("data");
    }
}
