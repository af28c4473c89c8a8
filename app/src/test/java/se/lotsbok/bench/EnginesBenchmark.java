package se.lotsbok.bench;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.testing.TestServer;

/**
 * The same benchmarks on both engines in one run, side by side: first on an encrypted H2 file, then
 * on the embedded PostgreSQL 17 (every commit on disk, the timed work done by the enhetschef's own
 * login under the server's row-level security). Prints a table with each figure's ratio.
 *
 * <p>Arguments: participants for the register search (100 000), notes for the note search (1 000 000),
 * participants and notes for the reports (100 000 and 1 000 000).
 */
final class EnginesBenchmark implements Benchmarks.Benchmark {

    /** {@code -Dbench.only=NAME}: one of the four benchmarks, on both engines. */
    private static final String ONLY = System.getProperty("bench.only", "");

    private final Map<String, Benchmarks.Benchmark> all;

    EnginesBenchmark(Map<String, Benchmarks.Benchmark> all) {
        this.all = all;
    }

    @Override
    public void run(String[] args) throws Exception {
        String search = args.length > 0 ? args[0] : "100000";
        String notes = args.length > 1 ? args[1] : "1000000";
        String reportParticipants = args.length > 2 ? args[2] : "100000";
        String reportNotes = args.length > 3 ? args[3] : "1000000";
        Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
        for (String engine : new String[] {"H2", "PostgreSQL"}) {
            boolean server = engine.equals("PostgreSQL");
            TestRegister.useServer(server);
            if (server) {
                System.setProperty(TestServer.DURABLE, "true");
            }
            Benchmarks.FIGURES.clear();
            System.out.println("==== " + engine);
            Map<String, String[]> runs = new LinkedHashMap<>();
            runs.put("register-search", new String[] {search});
            runs.put("caseload-board", new String[] {Files.createTempDirectory("lotsbok-board").toString()});
            runs.put("reports", new String[] {Files.createTempDirectory("lotsbok-reports").toString(),
                    reportParticipants, reportNotes});
            runs.put("notes", new String[] {Files.createTempDirectory("lotsbok-notes").toString(), notes});
            for (Map.Entry<String, String[]> run : runs.entrySet()) {
                if (ONLY.isBlank() || ONLY.equals(run.getKey())) {
                    all.get(run.getKey()).run(run.getValue());
                }
            }
            figures.put(engine, new LinkedHashMap<>(Benchmarks.FIGURES));
        }
        System.out.printf("%n| figure (median) | H2 | PostgreSQL | ratio |%n| --- | --- | --- | --- |%n");
        figures.get("H2").forEach((what, h2) -> {
            Double pg = figures.get("PostgreSQL").get(what);
            if (pg != null) {
                System.out.printf("| %s | %.1f ms | %.1f ms | %.2f× |%n", what, h2, pg, pg / h2);
            }
        });
    }
}
