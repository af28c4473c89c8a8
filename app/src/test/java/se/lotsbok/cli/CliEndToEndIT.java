package se.lotsbok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built {@code lotsbok.jar} as a user's script would: a separate JVM, no window. */
class CliEndToEndIT {

    @TempDir
    Path temp;

    record Result(int status, String out, String err) {
    }

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
    void backupWritesAZip() throws Exception {
        Path zip = temp.resolve("kopia.zip");
        Result result = run("backup", "--db", temp.resolve("data").toString(), "--out", zip.toString());
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(Files.size(zip)).isPositive();
    }

    private Result run(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("lotsbok.jar", "target/lotsbok.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
        command.addAll(List.of(args));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("lotsbok.jar did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
