package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * Someone with the database key edits the access log behind Lotsbok's back (SQL on the file); the
 * next check, after a normal login, must name the damage.
 */
class AccessLogTamperTest {

    @TempDir
    Path temp;

    private TestRegister register;
    private long rows;

    @BeforeEach
    void aLogWithSomeHistory() {
        register = TestRegister.create(TestDatabases.folder(temp));
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            var p = chef.services().participants().create(chef.actor(), ParticipantInputs.valid().build());
            chef.services().participants().list(chef.actor());
            long id = ((se.lotsbok.service.participant.SaveOutcome.Saved) p).participant().id();
            chef.services().participants().open(chef.actor(), id);
        }
        rows = sql("SELECT COUNT(*) FROM access_log");
    }

    @Test
    void anUntouchedLogIsWhole() {
        assertThat(verify()).isInstanceOf(AccessLogChain.Intact.class);
    }

    @Test
    void aChangedRowIsFound() {
        sql("UPDATE access_log SET participant_id = 4711 WHERE seq = 3");
        assertThat(verify()).isEqualTo(new AccessLogChain.Broken(3, AccessLogChain.Problem.CHANGED));
    }

    @Test
    void aChangedTimeIsFound() {
        sql("UPDATE access_log SET at = DATEADD(HOUR, -5, at) WHERE seq = 2");
        assertThat(verify()).isEqualTo(new AccessLogChain.Broken(2, AccessLogChain.Problem.CHANGED));
    }

    @Test
    void aRemovedRowIsFound() {
        sql("DELETE FROM access_log WHERE seq = 3");
        assertThat(verify()).isEqualTo(new AccessLogChain.Broken(3, AccessLogChain.Problem.REMOVED));
    }

    @Test
    void anInsertedRowIsFound() {
        sql("UPDATE access_log SET seq = seq + 1000 WHERE seq >= 3");
        sql("UPDATE access_log SET seq = seq - 999 WHERE seq >= 1003");
        sql("INSERT INTO access_log SELECT 3, at, user_id, username, event, participant_id, detail, previous_hash, hash"
                + " FROM access_log WHERE seq = 2");
        sql("UPDATE access_log_head SET entry_count = entry_count + 1");
        assertThat(verify()).isInstanceOfSatisfying(AccessLogChain.Broken.class,
                b -> assertThat(b.problem()).isEqualTo(AccessLogChain.Problem.INSERTED));
    }

    @Test
    void theLastRowRemovedIsFound() {
        sql("DELETE FROM access_log WHERE seq = " + rows);
        assertThat(verify()).isEqualTo(new AccessLogChain.Broken(rows, AccessLogChain.Problem.REMOVED));
    }

    @Test
    void theLastRowRemovedWithTheHeadRowRewoundIsFoundByTheCopyBesideTheDatabase() {
        sql("DELETE FROM access_log WHERE seq = " + rows);
        sql("UPDATE access_log_head SET entry_count = " + (rows - 1)
                + ", last_hash = (SELECT hash FROM access_log WHERE seq = " + (rows - 1) + ")");
        assertThat(verify()).isEqualTo(new AccessLogChain.Broken(rows, AccessLogChain.Problem.HEAD_MISMATCH));
    }

    @Test
    void aDeletedCopyOfTheHeadIsNoticed() throws Exception {
        Files.delete(TestDatabases.folder(temp).resolve("lotsbok.loghead"));
        assertThat(verify()).isEqualTo(new AccessLogChain.Broken(0, AccessLogChain.Problem.HEAD_COPY_MISSING));
    }

    @Test
    void aForgedCopyOfTheHeadIsNoticed() throws Exception {
        Files.writeString(TestDatabases.folder(temp).resolve("lotsbok.loghead"),
                "{\"count\":1,\"lastHash\":\"x\",\"seal\":\"00\"}");
        assertThat(verify()).isEqualTo(new AccessLogChain.Broken(0, AccessLogChain.Problem.HEAD_COPY_FORGED));
    }

    private AccessLogChain.Verification verify() {
        try (Session chef = register.login("chef")) {
            return chef.services().accessLog().verify(chef.actor());
        }
    }

    private long sql(String statement) {
        Path folder = TestDatabases.folder(temp);
        try (Connection c = DriverManager.getConnection(Database.url(folder), "lotsbok", Database.passwords(register.key()));
                var s = c.createStatement()) {
            if (s.execute(statement)) {
                try (var rs = s.getResultSet()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            return s.getUpdateCount();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(statement, e);
        }
    }
}
