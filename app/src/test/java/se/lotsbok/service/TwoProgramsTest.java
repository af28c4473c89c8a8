package se.lotsbok.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.participant.ParticipantChange;
import se.lotsbok.domain.participant.ParticipantField;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * Two programs on one register: on H2 on the same PC, as two windows or two users of a terminal
 * server (the second is served by the first, H2's automatic server mode); in the PostgreSQL run two
 * JVMs on one server database, as two PCs of the office. Both edit the same participant; the later
 * save is refused with what the other changed, field by field as on H2, and nothing is written over it.
 */
class TwoProgramsTest {

    @TempDir
    Path temp;

    @Test
    void theLaterSaveOfTheSameParticipantIsRefusedWithWhatTheOtherProgramChanged() throws Exception {
        Path folder = TestDatabases.folder(temp);
        TestRegister register = TestRegister.create(folder);
        try (Session mine = register.userWith("chef", Role.UNIT_HEAD)) {
            Participant opened = saved(mine.services().participants().create(mine.actor(),
                    ParticipantInputs.valid().name("Anna", "Berg").build()));

            String java = ProcessHandle.current().info().command().orElse("java");
            Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    OtherProgram.class.getName(), register.location(), Long.toString(opened.id()),
                    Long.toString(opened.version()))
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
                    PrintStream in = new PrintStream(other.getOutputStream(), true, StandardCharsets.UTF_8)) {
                assertThat(readUntilAnswer(out)).isEqualTo("SAVED");

                ParticipantInput typed = ParticipantInputs.valid().name("Anna", "Berg").phone("070-111 22 33").build();
                SaveOutcome late = mine.services().participants().update(mine.actor(), opened.id(), opened.version(), typed);

                assertThat(late).isInstanceOfSatisfying(SaveOutcome.ChangedByOthers.class, changed ->
                        assertThat(ParticipantChange.between(ParticipantInput.of(opened.data()),
                                ParticipantInput.of(changed.current().data())))
                                .containsExactly(new ParticipantChange(ParticipantField.LAST_NAME, "Berg", "Lind")));
                Participant stored = mine.services().participants().open(mine.actor(), opened.id()).orElseThrow();
                assertThat(stored.data().lastName()).isEqualTo("Lind");
                assertThat(stored.data().phone()).isNotEqualTo("070-111 22 33");
                in.println("EXIT");
                assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(other.exitValue()).isZero();
            } finally {
                other.destroyForcibly();
            }
        }
    }

    private static String readUntilAnswer(BufferedReader out) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("SAVED") || line.startsWith("FAILED")) {
                return line;
            }
        }
        return "EOF";
    }

    private static Participant saved(SaveOutcome outcome) {
        assertThat(outcome).isInstanceOf(SaveOutcome.Saved.class);
        return ((SaveOutcome.Saved) outcome).participant();
    }

    /** The second program: logs in to the same folder, changes the last name, waits to be told to exit. */
    public static final class OtherProgram {
        public static void main(String[] args) throws Exception {
                        long id = Long.parseLong(args[1]);
            long version = Long.parseLong(args[2]);
            try (Session session = TestRegister.at(args[0]).login("chef")) {
                SaveOutcome outcome = session.services().participants().update(session.actor(), id, version,
                        ParticipantInputs.valid().name("Anna", "Lind").build());
                System.out.println(outcome instanceof SaveOutcome.Saved ? "SAVED" : "FAILED " + outcome);
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
        }
    }
}
