package se.lotsbok.service.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * A lots is writing a note when the program is killed (SIGKILL, no shutdown of any kind): after a
 * restart the draft is offered back word for word.
 */
class DraftAfterKillTest {

    static final NoteContent TYPED = new NoteContent(LocalDateTime.of(2026, 11, 24, 10, 15), MeetingType.NETWORK,
            EnumSet.of(Partner.POLICE, Partner.SCHOOL), "kurator, mamma",
            "Nätverksmöte på skolan. Åsa berättade att det går bättre 👍\nNästa steg: praktikplats.");

    @TempDir
    Path temp;

    @Test
    void theDraftOfAKilledProgramIsThereWordForWord() throws Exception {
        Path folder = TestDatabases.folder(temp);
        TestRegister register = TestRegister.create(folder);
        long participant;
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            participant = ((SaveOutcome.Saved) chef.services().participants().create(chef.actor(),
                    ParticipantInputs.valid().build())).participant().id();
        }

        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Writer.class.getName(),
                register.location(), Long.toString(participant)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("SAVED")) {
                // wait for the autosave to be acknowledged
            }
            assertThat(line).isEqualTo("SAVED");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        try (Session chef = register.login("chef")) {
            assertThat(chef.services().notes().draft(chef.actor(), participant, null))
                    .hasValueSatisfying(d -> assertThat(d.content()).isEqualTo(TYPED));
        }
    }

    /** The child: logs in, autosaves the draft, says so, and waits to be killed mid-writing. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            Session chef = TestRegister.at(args[0]).login("chef");
            chef.services().notes().saveDraft(chef.actor(), Long.parseLong(args[1]), null, TYPED);
            System.out.println("SAVED");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
