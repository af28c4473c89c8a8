package se.lotsbok.bench;

import java.nio.file.Path;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import se.lotsbok.store.RawConnection;

/**
 * Runs the benchmarks on demand (never as tests) and prints their figures:
 * {@code mvn -B -DskipTests package exec:exec@bench -Dbench=NAME} where NAME is one of the keys below or "all".
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> all = new LinkedHashMap<>();
        all.put("register-search", new RegisterSearchBenchmark());
        all.put("login", new LoginBenchmark());
        all.put("caseload-board", new CaseloadBoardBenchmark());
        all.put("notes", new NotesBenchmark());
        all.put("reports", new ReportsBenchmark());
        all.put("startup", new StartupBenchmark());
        all.put("engines", new EnginesBenchmark(all));
        all.put("file-size", new FileSizeBenchmark());
        String chosen = args.length == 0 ? "all" : args[0];
        if (!chosen.equals("all") && !all.containsKey(chosen)) {
            System.err.println("unknown benchmark " + chosen + "; choose from " + all.keySet() + " or all");
            System.exit(2);
        }
        for (Map.Entry<String, Benchmark> entry : all.entrySet()) {
            if (chosen.equals(entry.getKey()) || chosen.equals("all") && !entry.getKey().equals("engines")) {
                System.out.println("== " + entry.getKey());
                // -Dbench.args arrives as one argument: its words are the benchmark's arguments.
                String[] rest = Arrays.stream(args).skip(1).flatMap(a -> Arrays.stream(a.strip().split("\\s+")))
                        .filter(a -> !a.isBlank()).toArray(String[]::new);
                entry.getValue().run(rest);
            }
        }
    }

    interface Benchmark {
        void run(String[] args) throws Exception;
    }

    /** The value at {@code fraction} (0.5 = median) of sorted nanosecond samples, in milliseconds. */
    static double percentileMillis(long[] sortedNanos, double fraction) {
        int index = (int) Math.ceil(fraction * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1_000_000.0;
    }

    /** The figures (medians, in ms) taken in this run, by what they measure, for side-by-side tables. */
    static final Map<String, Double> FIGURES = new LinkedHashMap<>();

    /** Keeps a figure for {@link EnginesBenchmark}'s table. */
    static void record(String what, double millis) {
        FIGURES.put(what, millis);
    }

    /**
     * After bulk loading: an H2 file is compacted ({@link #compact(Path, byte[])}); on the server the
     * tables are vacuumed and their statistics gathered, as autovacuum would do in a while.
     */
    static void settle(se.lotsbok.testing.TestRegister register) throws java.sql.SQLException {
        if (register.server().isPresent()) {
            try (java.sql.Connection c = se.lotsbok.testing.TestServer.installer(register.server().get());
                    java.sql.Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
        } else {
            compact(register.folder(), register.key());
        }
    }

    /** The register's size on disk in MB: the data folder's files, or the server database. */
    static long megabytes(se.lotsbok.testing.TestRegister register) throws java.io.IOException, java.sql.SQLException {
        if (register.server().isEmpty()) {
            return megabytes(register.folder());
        }
        try (java.sql.Connection c = se.lotsbok.testing.TestServer.installer(register.server().get());
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT pg_database_size(current_database())")) {
            r.next();
            return r.getLong(1) / 1_000_000;
        }
    }

    /**
     * Rewrites the register's file without the pages bulk loading left behind ({@code SHUTDOWN
     * COMPACT}); the folder must not be open.
     */
    static void compact(Path folder, byte[] key) throws java.sql.SQLException {
        try (java.sql.Connection connection = RawConnection.open(folder, key);
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
    }

    /** The bytes of the files directly in {@code folder}, in MB. */
    static long megabytes(Path folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum() / 1_000_000;
        }
    }
}
