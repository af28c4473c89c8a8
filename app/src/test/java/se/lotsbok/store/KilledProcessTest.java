package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.domain.participant.ParticipantData;

/**
 * A second JVM commits participants, reports each commit, and is killed (SIGKILL) while it still
 * holds the file: every reported commit must be there when the file is opened again.
 */
class KilledProcessTest {

    private static final int COMMITS = 25;

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedCommitSurvivesAKilledProcess() throws Exception {
        Path folder = temp.resolve("data");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Writer.class.getName(), folder.toString(), Integer.toString(COMMITS))
                .redirectErrorStream(true)
                .start();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < COMMITS && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged++;
                }
            }
            // The writer now holds the open file: a second program on this PC is served the same
            // register by the writer (H2's automatic server mode), and sees every commit.
            try (Database second = Database.open(folder, TestDatabases.KEY, TestDatabases.CLOCK)) {
                int seen = second.transaction(r -> r.participants().count());
                assertThat(seen).isEqualTo(COMMITS);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).isEqualTo(COMMITS);

        try (Database db = Database.open(folder, TestDatabases.KEY, TestDatabases.CLOCK)) {
            var result = db.transaction(r -> r.participants().count());
            assertThat(result).isEqualTo(COMMITS);
        }
    }

    /** The child process: commits one participant per transaction, then waits to be killed. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            Database db = Database.open(Path.of(args[0]), TestDatabases.KEY, TestDatabases.CLOCK);
            int commits = Integer.parseInt(args[1]);
            for (int i = 0; i < commits; i++) {
                ParticipantData data = DatabaseTest.data();
                ParticipantData unique = new ParticipantData("Person" + i, data.lastName(), null,
                        data.birthDate(), data.gender(), data.programme(), "", "", "");
                db.transaction(r -> r.participants().insert(TestDatabases.UNIT_HEAD, unique, TestDatabases.CLOCK.instant()));
                System.out.println("ACK " + i);
                System.out.flush();
            }
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
