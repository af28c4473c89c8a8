package se.lotsbok.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code lotsbok.jar} in its own JVM, as a user's script would. */
public final class JarRunner {

    /** How the command ended and what it printed. */
    public record Result(int status, String out, String err) {
    }

    private final Path temp;

    /** @param temp where the command's output is collected */
    public JarRunner(Path temp) {
        this.temp = temp;
    }

    /** Runs as {@code chef} with {@link TestRegister#PASSWORD}. */
    public Result run(String... args) throws IOException, InterruptedException {
        return runWith(Map.of("LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD", TestRegister.PASSWORD), args);
    }

    public Result runWith(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("lotsbok.jar", "target/lotsbok.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("LOTSBOK_USER");
        builder.environment().remove("LOTSBOK_PASSWORD");
        builder.environment().putAll(env);
        Process process = builder
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
