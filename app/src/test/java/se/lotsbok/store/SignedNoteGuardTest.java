package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The database refuses every change of a signed note, and its deletion too, except inside the
 * transaction of a gallring of the note's participant: one that has marked the participant
 * anonymised and holds it in retention_in_progress. Tried with plain SQL, as any tool could.
 */
class SignedNoteGuardTest {

    @TempDir
    Path temp;

    private TestRegister register;
    private long participant;
    private long note;

    @BeforeEach
    void aSignedNote() {
        register = TestRegister.create(TestDatabases.folder(temp));
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            participant = ((SaveOutcome.Saved) chef.services().participants().create(chef.actor(),
                    ParticipantInputs.valid().build())).participant().id();
            var signed = chef.services().notes().sign(chef.actor(), participant, null, new NoteContent(
                    LocalDateTime.of(2026, 11, 2, 10, 0), MeetingType.INDIVIDUAL, EnumSet.of(Partner.SCHOOL), "",
                    "Ett möte."), List.of());
            note = ((NoteService.Signed) signed).note().id();
        }
    }

    @Test
    void aNoteOfAParticipantInTheRegisterCannotBeDeleted() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            assertRefused(() -> s.executeUpdate("DELETE FROM journal_note WHERE id = " + note));
            assertRefused(() -> s.executeUpdate("DELETE FROM note_partner WHERE note_id = " + note));
        }
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    void markingTheParticipantAnonymisedAloneDoesNotOpenTheGuard() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE participant SET anonymised_at = CURRENT_TIMESTAMP WHERE id = " + participant);
            assertRefused(() -> s.executeUpdate("DELETE FROM journal_note WHERE id = " + note));
            c.rollback();
        }
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    void aGallringMarkWithoutTheParticipantAnonymisedDoesNotOpenItEither() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO retention_in_progress (participant_id) VALUES (" + participant + ")");
            assertRefused(() -> s.executeUpdate("DELETE FROM journal_note WHERE id = " + note));
            c.rollback();
        }
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    void insideAGallringANoteMayBeDeletedButNeverChanged() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO retention_in_progress (participant_id) VALUES (" + participant + ")");
            s.executeUpdate("UPDATE participant SET anonymised_at = CURRENT_TIMESTAMP WHERE id = " + participant);
            assertRefused(() -> s.executeUpdate("UPDATE journal_note SET note_text = 'ändrad' WHERE id = " + note));
            assertThat(s.executeUpdate("DELETE FROM note_partner WHERE note_id = " + note)).isEqualTo(1);
            assertThat(s.executeUpdate("DELETE FROM journal_note WHERE id = " + note)).isEqualTo(1);
            c.rollback();
        }
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    void anotherTransactionCannotUseAGallringThatIsNotItsOwn() throws Exception {
        try (Connection gallring = open(); Connection other = open(); Statement g = gallring.createStatement();
                Statement o = other.createStatement()) {
            gallring.setAutoCommit(false);
            g.executeUpdate("INSERT INTO retention_in_progress (participant_id) VALUES (" + participant + ")");
            g.executeUpdate("UPDATE participant SET anonymised_at = CURRENT_TIMESTAMP WHERE id = " + participant);
            assertRefused(() -> o.executeUpdate("DELETE FROM journal_note WHERE id = " + note));
            gallring.rollback();
        }
        assertThat(notes()).isEqualTo(1);
    }

    private Connection open() throws SQLException {
        return RawConnection.open(TestDatabases.folder(temp), register.key());
    }

    private long notes() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM journal_note")) {
            r.next();
            return r.getLong(1);
        }
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static void assertRefused(Sql sql) {
        assertThatThrownBy(sql::run).isInstanceOf(SQLException.class)
                .hasMessageContaining("a signed journal note cannot be changed or deleted");
    }
}
