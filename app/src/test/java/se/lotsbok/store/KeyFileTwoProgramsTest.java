package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.service.auth.AuthService;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.testing.TestRegister;

/**
 * Two programs on one PC change the key file at the same moments, each a read-modify-write around the
 * PBKDF2 of a login: none of either's changes may be lost (a lost failed login would let parallel
 * guessing get round the lockout), and neither may fail on the other's temporary file.
 */
class KeyFileTwoProgramsTest {

    private static final int ATTEMPTS = 60;

    @TempDir
    Path temp;

    @Test
    void twoProgramsFailingLoginsAtOnceLoseNoneOfEachOthersRecords() throws Exception {
        Path folder = temp.resolve("data");
        TestRegister.create(folder);
        Path go = temp.resolve("go");
        Process guessingAdmin = start(folder, go, "admin");
        Process guessingNames = start(folder, go, "okand");
        Files.createFile(go);

        for (Process child : List.of(guessingAdmin, guessingNames)) {
            assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("the child finished").isTrue();
            assertThat(child.exitValue()).as(new String(child.getInputStream().readAllBytes())).isZero();
        }

        List<KeyFile.PendingEvent> kept = KeyFile.load(folder).pending();
        assertThat(kept).hasSize(2 * ATTEMPTS);
        assertThat(kept).extracting(KeyFile.PendingEvent::seq).doesNotHaveDuplicates();
        assertThat(kept).filteredOn(e -> e.username().equals("admin")).hasSize(ATTEMPTS);
        // The administrator's wrong passwords made the account wait: the count was never reset by the other.
        assertThat(TestRegister.at(folder).auth().login("admin", TestRegister.PASSWORD.toCharArray()))
                .isInstanceOf(LoginResult.MustWait.class);
    }

    private static Process start(Path folder, Path go, String who) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Guesser.class.getName(),
                folder.toString(), go.toString(), who, Integer.toString(ATTEMPTS))
                .redirectErrorStream(true)
                .start();
    }

    /** The child: waits for the go file, then fails {@code count} logins as {@code who} (or numbered names). */
    public static final class Guesser {
        public static void main(String[] args) throws Exception {
            Path folder = Path.of(args[0]);
            Path go = Path.of(args[1]);
            String who = args[2];
            int count = Integer.parseInt(args[3]);
            while (!Files.exists(go)) {
                Thread.sleep(5);
            }
            AuthService auth = TestRegister.at(folder).auth();
            for (int i = 0; i < count; i++) {
                String name = who.equals("admin") ? who : who + i;
                LoginResult result = auth.login(name, "fel lösenord nr ".concat(Integer.toString(i)).toCharArray());
                if (result instanceof LoginResult.LoggedIn) {
                    System.exit(3);
                }
            }
            System.exit(0);
        }
    }
}
