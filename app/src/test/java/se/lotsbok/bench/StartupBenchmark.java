package se.lotsbok.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import se.lotsbok.packaging.Packager;
import se.lotsbok.testing.VirtualDisplay;

/**
 * Time from starting a process to its window being visible, measured from outside: a new Xvfb,
 * and {@code xdotool search --onlyvisible --name} polled every 20 ms (no timestamp the program writes
 * itself). Rounds alternate, in a rotating order, a minimal JavaFX window started with plain
 * {@code java}, {@code java -jar lotsbok.jar}, and the app image's launcher with and without its AOT
 * cache, so that the load of a busy machine falls on all of them alike. Lotsbok opens on an existing
 * register (the login, not the first start) in the default data folder, as after a double click.
 * {@code -Dbench.args="ROUNDS [OTHER.jar]"} sets the rounds (default 15) and adds another build's jar
 * (an older Lotsbok, say) to the rounds.
 */
final class StartupBenchmark implements Benchmarks.Benchmark {

    private static final long POLL_MILLIS = 20;
    private static final long GIVE_UP_MILLIS = 60_000;

    private record Candidate(String name, String title, List<String> command, boolean loginForm) {
    }

    /** When the window appeared and, for Lotsbok, when the login form was drawn in it (or -1). */
    private record Times(long window, long form) {
    }

    @Override
    public void run(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        if (!VirtualDisplay.xvfbInstalled() || !Packager.onPath("xdotool") || !Packager.onPath("xwd")) {
            System.out.println("skipped: needs Xvfb, xdotool and xwd (Debian: apt-get install xvfb xdotool x11-apps"
                    + " libgtk-3-0)");
            return;
        }
        Path target = Path.of("target").toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path home = Files.createTempDirectory("lotsbok-startup");
        Map<String, String> env = Map.of("XDG_DATA_HOME", home.resolve("data").toString(),
                "HOME", home.toString(), "LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD", "ett långt lösenord");
        // A register with its first administrator, so that each start shows the ordinary login.
        runToEnd(List.of(java, "-jar", target.resolve("lotsbok.jar").toString(), "info"), env);

        String javafx;
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            javafx = jars.map(Path::toString).filter(p -> p.matches(".*javafx-[a-z]+-.*\\.jar")).sorted()
                    .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        }
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("minimal JavaFX window (java -cp)", MinimalWindow.TITLE, List.of(java, "-cp",
                javafx + File.pathSeparator + target.resolve("test-classes"), MinimalWindow.class.getName()), false));
        candidates.add(new Candidate("java -jar lotsbok.jar", "Lotsbok",
                List.of(java, "-jar", target.resolve("lotsbok.jar").toString()), true));
        if (args.length > 1) {
            // Another build's jar, run from its own target folder: a before-and-after in one run.
            candidates.add(new Candidate("java -jar " + args[1], "Lotsbok", List.of(java, "-jar", args[1]), true));
        }
        Packager.AppImage image = Packager.AppImage.at(target.resolve("dist").resolve(Packager.NAME));
        if (Files.exists(image.aotCache())) {
            Packager.AppImage plain = withoutCache(image, home.resolve("image-without-cache"));
            candidates.add(new Candidate("app image launcher, AOT cache", "Lotsbok", List.of(image.launcher().toString()),
                    true));
            candidates.add(new Candidate("app image launcher, no AOT cache", "Lotsbok", List.of(plain.launcher().toString()),
                    true));
        } else {
            System.out.println("no app image with an AOT cache in target/dist: build it with -Pinstaller to measure it");
        }

        Map<Candidate, long[]> times = new LinkedHashMap<>();
        Map<Candidate, long[]> forms = new LinkedHashMap<>();
        candidates.forEach(c -> times.put(c, new long[rounds]));
        candidates.forEach(c -> forms.put(c, new long[rounds]));
        System.out.printf("load average before: %s", Files.readString(Path.of("/proc/loadavg")));
        try (VirtualDisplay display = VirtualDisplay.start()) {
            Map<String, String> shown = new LinkedHashMap<>(env);
            shown.putAll(display.environment());
            // One start of each first, not counted: files read for the first time come from the disk.
            for (Candidate candidate : candidates) {
                timeToWindow(candidate, shown);
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < candidates.size(); i++) {
                    Candidate candidate = candidates.get((i + round) % candidates.size());
                    Times measured = timeToWindow(candidate, shown);
                    times.get(candidate)[round] = measured.window();
                    forms.get(candidate)[round] = measured.form();
                }
                System.out.printf("round %d/%d done%n", round + 1, rounds);
            }
        }
        System.out.printf("load average after: %s", Files.readString(Path.of("/proc/loadavg")));
        double minimal = median(times.get(candidates.get(0)));
        System.out.printf("%nprocess start to visible window, %d rounds, %s, %d cores%n", rounds,
                System.getProperty("os.name"), Runtime.getRuntime().availableProcessors());
        System.out.println("| program | median | 25th–75th percentile | ratio to the minimal window (medians) |");
        System.out.println("| --- | --- | --- | --- |");
        for (Map.Entry<Candidate, long[]> entry : times.entrySet()) {
            long[] sorted = counted(entry.getValue());
            System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f–%.0f ms | %.2f× |%n", entry.getKey().name(),
                    median(sorted), Benchmarks.percentileMillis(sorted, 0.25),
                    Benchmarks.percentileMillis(sorted, 0.75), median(sorted) / minimal);
        }
        System.out.printf("%nprocess start to the login form drawn (its white card across the window's middle row,"
                + " read with xwd; each reading takes %s), against the minimal window's appearance%n", "20–300 ms");
        System.out.println("| program | median | 25th–75th percentile | ratio to the minimal window (medians) |");
        System.out.println("| --- | --- | --- | --- |");
        for (Map.Entry<Candidate, long[]> entry : forms.entrySet()) {
            if (entry.getKey().loginForm()) {
                long[] sorted = counted(entry.getValue());
                System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f–%.0f ms | %.2f× |%n", entry.getKey().name(),
                        median(sorted), Benchmarks.percentileMillis(sorted, 0.25),
                        Benchmarks.percentileMillis(sorted, 0.75), median(sorted) / minimal);
            }
        }
    }

    /**
     * Nanoseconds from the process's start to a visible window with the candidate's title, and for
     * Lotsbok on to the login form drawn in it.
     */
    private static Times timeToWindow(Candidate candidate, Map<String, String> env) throws Exception {
        Path output = Files.createTempFile("lotsbok-startup", ".log");
        ProcessBuilder builder = new ProcessBuilder(candidate.command())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (!visible(candidate.title(), env)) {
                if (!process.isAlive()) {
                    System.out.printf("%s ended with status %d before showing a window (not counted): %s%n",
                            candidate.name(), process.exitValue(), Files.readString(output).strip());
                    return new Times(-1, -1);
                }
                if ((System.nanoTime() - start) / 1_000_000 > GIVE_UP_MILLIS) {
                    throw new IllegalStateException(candidate.name() + " showed no window within a minute");
                }
                Thread.sleep(POLL_MILLIS);
            }
            long window = System.nanoTime() - start;
            if (!candidate.loginForm()) {
                return new Times(window, -1);
            }
            while (!formDrawn(candidate.title(), env)) {
                if ((System.nanoTime() - start) / 1_000_000 > GIVE_UP_MILLIS) {
                    throw new IllegalStateException(candidate.name() + " drew no login form within a minute");
                }
                Thread.sleep(POLL_MILLIS);
            }
            return new Times(window, System.nanoTime() - start);
        } finally {
            Files.deleteIfExists(output);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean visible(String title, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder search = new ProcessBuilder("xdotool", "search", "--onlyvisible", "--name", "^" + title + "$")
                .redirectErrorStream(true);
        search.environment().putAll(env);
        Process process = search.start();
        byte[] out = process.getInputStream().readAllBytes();
        return process.waitFor() == 0 && !new String(out, StandardCharsets.US_ASCII).isBlank();
    }

    /**
     * Whether the window's middle row shows the login card: at least 200 white pixels (the window's
     * background is grey, and black before it is first drawn). Reads the window with xwd (X window
     * dump: a 108-byte or longer header, a colour map of 12-byte entries, then rows of 32-bit pixels).
     */
    private static boolean formDrawn(String title, Map<String, String> env) throws IOException, InterruptedException {
        String id = firstLine(run(env, "xdotool", "search", "--onlyvisible", "--name", "^" + title + "$"));
        if (id.isEmpty()) {
            return false;
        }
        java.nio.ByteBuffer dump = java.nio.ByteBuffer.wrap(run(env, "xwd", "-silent", "-id", id));
        if (dump.capacity() < 100 || dump.getInt(44) != 32) {
            return false;
        }
        int headerSize = dump.getInt(0);
        int width = dump.getInt(16);
        int height = dump.getInt(20);
        int bytesPerLine = dump.getInt(48);
        int colours = dump.getInt(76);
        int row = headerSize + colours * 12 + (height / 2) * bytesPerLine;
        int white = 0;
        for (int x = 0; x < width && row + x * 4 + 3 < dump.capacity(); x++) {
            int at = row + x * 4;
            if ((dump.get(at) & 0xff) == 0xff && (dump.get(at + 1) & 0xff) == 0xff && (dump.get(at + 2) & 0xff) == 0xff) {
                white++;
            }
        }
        return white >= 200;
    }

    private static byte[] run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor();
        return out;
    }

    private static String firstLine(byte[] out) {
        return new String(out, StandardCharsets.US_ASCII).lines().findFirst().orElse("").strip();
    }

    private static void runToEnd(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException("could not prepare the register: " + command);
        }
    }

    /** A copy of the image whose launcher does not name the AOT cache (the cache left out). */
    private static Packager.AppImage withoutCache(Packager.AppImage image, Path copy) throws IOException {
        try (Stream<Path> paths = Files.walk(image.root())) {
            for (Path path : paths.toList()) {
                Path to = copy.resolve(image.root().relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else if (!path.equals(image.aotCache())) {
                    Files.copy(path, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Packager.AppImage plain = Packager.AppImage.at(copy);
        String config = Files.readString(plain.config(), StandardCharsets.UTF_8);
        Files.writeString(plain.config(), config.lines().filter(l -> !l.contains("-XX:AOTCache="))
                .reduce("", (a, b) -> a + b + "\n"), StandardCharsets.UTF_8);
        return plain;
    }

    /** The median in milliseconds of the starts that showed a window. */
    private static double median(long[] nanos) {
        return Benchmarks.percentileMillis(counted(nanos), 0.5);
    }

    /** The starts that showed a window, sorted; a start that failed is marked -1 and left out. */
    private static long[] counted(long[] nanos) {
        return Arrays.stream(nanos).filter(n -> n >= 0).sorted().toArray();
    }
}
