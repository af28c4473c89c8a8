package se.lotsbok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.testing.JarRunner;
import se.lotsbok.testing.JarRunner.Result;

/** Runs the built {@code lotsbok.jar} as a user's script would: a separate JVM, no window. */
class CliEndToEndIT {

    @TempDir
    Path temp;

    @Test
    void helpPrintsTheCommandsAndExitsZero() throws Exception {
        Result result = run("--help");
        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("Kommandon:", "info", "backup");
    }

    @Test
    void infoCreatesAndMigratesTheDatabaseInTheNamedFolder() throws Exception {
        Path folder = temp.resolve("register");
        Result result = run("info", "--db", folder.toString());
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(folder.resolve("lotsbok.mv.db")).exists();
        assertThat(result.out()).contains("Deltagare: 0");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aFailingCommandExitsNonZeroWithOneSwedishLine() throws Exception {
        Result result = run("okänt", "--db", temp.toString());
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err().lines().toList()).singleElement()
                .asString().startsWith("lotsbok: okänt kommando");
    }

    @Test
    void withoutCredentialsAndWithoutATerminalNothingIsAskedAndTheStatusIsTwo() throws Exception {
        Result result = runWith(Map.of(), "info", "--db", temp.resolve("data").toString());
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err().lines().toList()).singleElement().asString()
                .contains("LOTSBOK_USER", "LOTSBOK_PASSWORD");
        assertThat(temp.resolve("data/lotsbok.mv.db")).doesNotExist();
    }

    @Test
    void theFirstCommandMakesItsUserTheAdministratorAndAWrongPasswordIsRefused() throws Exception {
        Path folder = temp.resolve("data");
        assertThat(run("info", "--db", folder.toString()).status()).isZero();
        Result wrong = runWith(Map.of("LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD", "inte rätt lösenord"),
                "info", "--db", folder.toString());
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err().strip()).isEqualTo("lotsbok: Fel användarnamn eller lösenord.");
        Result verify = run("verify-log", "--db", folder.toString());
        assertThat(verify.status()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("Åtkomstloggen är hel");
    }

    @Test
    void backupWritesAZip() throws Exception {
        Path zip = temp.resolve("kopia.zip");
        Result result = run("backup", "--db", temp.resolve("data").toString(), "--out", zip.toString());
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(Files.size(zip)).isPositive();
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return new JarRunner(temp).run(args);
    }

    private Result runWith(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return new JarRunner(temp).runWith(env, args);
    }
}
