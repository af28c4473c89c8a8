package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The database stamps each recorded change with its own clock (a trigger), and a login forgets the
 * changes more than a week older than the newest one. The program's clock (here the tests' fixed
 * 2026-11-25) plays no part: when the computer's date is weeks behind the program's, every change
 * is still older than "a week before now", and pruning against the program's clock forgot changes
 * that the kept tallies still had to read.
 */
class ReportChangePruneTest {

    @TempDir
    Path temp;

    @Test
    void aLoginForgetsOnlyChangesAWeekOlderThanTheNewestWhateverTheProgramsClockSays() throws Exception {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            for (String serial : List.of("111", "222", "333")) {
                chef.services().participants().create(chef.actor(), ParticipantInputs.valid().name("Test", serial)
                        .identity(Pins.dashed("20080101", serial)).build());
            }
        }
        // As a computer whose date is far behind the program's would have stamped them: the newest
        // change on 1 January 2000 (years before the program's today), one of them older by more than a week.
        try (Connection raw = RawConnection.open(register.folder(), register.key());
                Statement sql = raw.createStatement()) {
            sql.executeUpdate("UPDATE report_change SET changed_at = TIMESTAMP WITH TIME ZONE '2000-01-01 12:00:00+00'");
            sql.executeUpdate("UPDATE report_change SET changed_at = TIMESTAMP WITH TIME ZONE '1999-12-20 12:00:00+00'"
                    + " WHERE seq = (SELECT MIN(seq) FROM report_change)");
        }
        List<String> before = changes(register);

        register.login(TestRegister.ADMIN).close();

        assertThat(before).hasSizeGreaterThan(2);
        assertThat(changes(register)).as("the newest and everything within a week of it stay")
                .isEqualTo(before.subList(1, before.size()))
                .allSatisfy(stamp -> assertThat(stamp).startsWith("2000-01-01"));
    }

    private static List<String> changes(TestRegister register) throws Exception {
        List<String> stamps = new ArrayList<>();
        try (Connection raw = RawConnection.open(register.folder(), register.key());
                Statement sql = raw.createStatement();
                ResultSet rows = sql.executeQuery("SELECT changed_at FROM report_change ORDER BY seq")) {
            while (rows.next()) {
                stamps.add(rows.getObject(1, java.time.OffsetDateTime.class).toString());
            }
        }
        return stamps;
    }
}
