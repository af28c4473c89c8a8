package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.testing.TestServer;

/**
 * Crash test: a child JVM opens the register in the same data folder (or on the same server database),
 * cycle after cycle, checks what the previous one left, commits a stream of user actions and acknowledges each, and is killed with
 * SIGKILL at a random moment. Every acknowledged action must be there afterwards, whole; no action
 * may be half-written; the register must open cleanly with its access log intact.
 *
 * <p>{@code -Dcrash.cycles=N} runs more cycles (50 by default); {@code -Dcrash.seed=S} replays the
 * choices of a run (its actions and kill points; where exactly a kill lands still depends on timing).
 */
class CrashHarnessIT {

    private static final int DEFAULT_CYCLES = 50;
    private static final int DEFAULT_SERVER_CYCLES = 20;
    /** Kill after this many acknowledged actions at most; each process then runs a second or less. */
    private static final int MAX_ACKS_BEFORE_KILL = 30;
    /** A further delay, so that the kill falls inside the next action rather than between two. */
    private static final int MAX_EXTRA_MILLIS = 25;
    /** The window, from the start of the process, in which a kill during startup and checking falls. */
    private static final int MAX_STARTUP_MILLIS = 2_500;
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    @TempDir
    Path temp;

    /** When to kill: after {@code acks} acknowledgements and {@code extraMillis}, or {@code startupMillis} after start. */
    private record KillPlan(int acks, int extraMillis, int startupMillis) {

        boolean duringStartup() {
            return startupMillis >= 0;
        }

        @Override
        public String toString() {
            return duringStartup() ? startupMillis + " ms after start" : "after " + acks + " acks + " + extraMillis + " ms";
        }
    }

    /** What one process printed before it died. */
    private record Run(List<String> lines, List<String> acks, boolean checked) {
    }

    @Test
    void everyAcknowledgedActionSurvivesSigkillAtRandomMomentsAndNothingIsHalfWritten() throws Exception {
        int cycles = Integer.getInteger("crash.cycles", DEFAULT_CYCLES);
        harness(TestRegister.inFolder(temp.resolve("data"), se.lotsbok.testing.TestDatabases.CLOCK), cycles, -1, null);
    }

    /**
     * The same on the office server: each client JVM is killed with SIGKILL at a random moment, and
     * once, half-way, the server itself is shut down (PostgreSQL's fast shutdown) while a client writes,
     * then started again. {@code -Dcrash.server.cycles=N} (20 by default).
     */
    @Test
    void onTheServerEveryAcknowledgedActionSurvivesKilledClientsAndAFastShutdownOfTheServer() throws Exception {
        int cycles = Integer.getInteger("crash.server.cycles", DEFAULT_SERVER_CYCLES);
        try (TestServer.Own server = new TestServer.Own(temp.resolve("postgres"))) {
            ServerAddress address = server.initialisedDatabase();
            harness(TestRegister.at(address.toString()), cycles, cycles / 2, server);
        }
    }

    /**
     * Runs {@code cycles} processes on {@code register}; in cycle {@code serverStop} (if not negative)
     * the server is shut down at the kill point instead, and the process ends as it may.
     */
    private void harness(TestRegister register, int cycles, int serverStop, TestServer.Own server) throws Exception {
        long seed = Long.getLong("crash.seed", new SecureRandom().nextLong());
        System.out.println("crash harness on " + register.location() + ": seed " + seed + " (replay with -Dcrash.seed="
                + seed + "), " + cycles + " cycles");
        Random random = new Random(seed);
        Map<String, SortedSet<Long>> expected = CrashHarnessWriter.emptyIds();
        long acknowledged = 0;
        int startupKills = 0;
        int landedUnacknowledged = 0;
        int killedSinceCheck = 0;
        long started = System.nanoTime();

        for (int cycle = 0; cycle < cycles; cycle++) {
            KillPlan plan = random.nextInt(6) == 0 && cycle != serverStop
                    ? new KillPlan(0, 0, random.nextInt(MAX_STARTUP_MILLIS))
                    : new KillPlan(random.nextInt(MAX_ACKS_BEFORE_KILL + 1), random.nextInt(MAX_EXTRA_MILLIS), -1);
            String context = "cycle " + cycle + " (seed " + seed + ", " + (cycle == serverStop ? "server stop " : "kill ")
                    + plan + ")";
            Run run = runAndKill(register.location(), random.nextLong(), cycle, plan, context,
                    cycle == serverStop ? server : null);
            if (run.checked()) {
                Map<String, SortedSet<Long>> have = have(run.lines());
                landedUnacknowledged += compare(expected, have, killedSinceCheck, context);
                have.forEach((kind, ids) -> expected.get(kind).addAll(ids));
                killedSinceCheck = 0;
            }
            killedSinceCheck++;
            for (String ack : run.acks()) {
                String[] parts = ack.split(" ");
                expected.get(parts[0]).add(Long.parseLong(parts[1]));
            }
            acknowledged += run.acks().size();
            startupKills += plan.duringStartup() ? 1 : 0;
        }

        // The last process's kill is checked here, in this JVM, as the app would open the register.
        try (Database database = register.openDirectly()) {
            CrashHarnessWriter.State state = CrashHarnessWriter.inspect(database, register);
            assertThat(state.problems()).as("after the last kill (seed " + seed + ")").isEmpty();
            landedUnacknowledged += compare(expected, state.have(), killedSinceCheck, "after the last kill (seed " + seed + ")");
            System.out.println("crash harness: register at the end: " + state.summary());
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.println("crash harness: " + cycles + " cycles, " + acknowledged + " acknowledged actions, all present"
                + " (" + startupKills + " kills during startup, " + landedUnacknowledged
                + " commits landed before their acknowledgement, " + seconds + " s)");
        assertThat(acknowledged).as("acknowledged actions").isPositive();
    }

    /**
     * Checks that every id expected is present. Ids present but never acknowledged are the commits of
     * actions killed between commit and acknowledgement: at most one for each process killed since the
     * last check. Answers how many there were.
     */
    private static int compare(Map<String, SortedSet<Long>> expected, Map<String, SortedSet<Long>> have,
            int killedSinceLastCheck, String context) {
        int unacknowledged = 0;
        for (String kind : CrashHarnessWriter.KINDS) {
            SortedSet<Long> missing = new TreeSet<>(expected.get(kind));
            missing.removeAll(have.get(kind));
            assertThat(missing).as("acknowledged %ss missing at %s", kind, context).isEmpty();
            SortedSet<Long> extra = new TreeSet<>(have.get(kind));
            extra.removeAll(expected.get(kind));
            unacknowledged += extra.size();
        }
        assertThat(unacknowledged).as("unacknowledged commits at %s", context).isLessThanOrEqualTo(killedSinceLastCheck);
        return unacknowledged;
    }

    private static Map<String, SortedSet<Long>> have(List<String> lines) {
        Map<String, SortedSet<Long>> have = CrashHarnessWriter.emptyIds();
        for (String line : lines) {
            if (line.startsWith("HAVE ")) {
                String[] parts = line.split(" ", 3);
                if (parts.length == 3 && !parts[2].isBlank()) {
                    Arrays.stream(parts[2].split(",")).map(Long::parseLong).forEach(have.get(parts[1])::add);
                }
            }
        }
        return have;
    }

    private Run runAndKill(String location, long seed, int cycle, KillPlan plan, String context, TestServer.Own server)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path errors = temp.resolve("child.err");
        // C1 only and the serial collector: the process lives a second or two, so start-up time is what counts.
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), CrashHarnessWriter.class.getName(),
                location, Long.toString(seed), Integer.toString(cycle))
                .redirectError(errors.toFile())
                .start();
        CountDownLatch reached = new CountDownLatch(plan.duringStartup() ? 0 : plan.acks() + 1);
        boolean[] killed = new boolean[1];
        boolean[] stuck = new boolean[1];
        Thread killer = Thread.ofPlatform().daemon().start(() -> {
            try {
                if (plan.duringStartup()) {
                    Thread.sleep(plan.startupMillis());
                } else if (reached.await(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    Thread.sleep(plan.extraMillis());
                } else {
                    stuck[0] = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (server != null) {
                // The server stops under the client's feet; the client then fails and ends as it may.
                try {
                    server.fastShutdown();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            killed[0] = child.isAlive();
            // SIGKILL: no shutdown hooks, no closing of the database. Through the handle, because
            // Process.destroyForcibly also closes the pipe, losing acknowledgements not read yet.
            child.toHandle().destroyForcibly();
        });

        List<String> lines = new ArrayList<>();
        List<String> acks = new ArrayList<>();
        boolean checked = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("BROKEN")) {
                    child.destroyForcibly();
                    throw new AssertionError(context + ": " + String.join("\n", lines.stream()
                            .filter(l -> !l.startsWith("HAVE")).toList()) + "\n" + tail(errors));
                }
                if (line.startsWith("CHECKED")) {
                    checked = true;
                } else if (line.startsWith("READY")) {
                    reached.countDown();
                } else if (line.startsWith("ACK ")) {
                    acks.add(line.substring(4));
                    reached.countDown();
                }
            }
        }
        if (server == null) {
            killer.interrupt(); // if the process died before the kill point, it is reported below
        } // else the client died of the server's stop, which must be let finish
        killer.join(TimeUnit.SECONDS.toMillis(CHILD_TIMEOUT_SECONDS + 10));
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError(context + ": the process did not end");
        }
        if (stuck[0]) {
            throw new AssertionError(context + ": no progress within " + CHILD_TIMEOUT_SECONDS + " s\n"
                    + String.join("\n", lines.stream().filter(l -> !l.startsWith("HAVE")).toList()) + "\n" + tail(errors));
        }
        if (server != null) {
            server.restart();
            return new Run(lines, acks, checked);
        }
        // 137 = 128 + SIGKILL: anything else means the process stopped by itself.
        if (!killed[0] || child.exitValue() != 137) {
            throw new AssertionError(context + ": the process ended by itself with status " + child.exitValue()
                    + " before it was killed\n" + String.join("\n", lines) + "\n" + tail(errors));
        }
        return new Run(lines, acks, checked);
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
