package se.lotsbok.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.store.Database;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.participant.ParticipantListViewModel;

/**
 * Search-as-you-type over a large register: the time from a keystroke (the view model's query
 * changing) to the filtered rows being ready, and the heap with the register open.
 */
final class RegisterSearchBenchmark implements Benchmarks.Benchmark {

    private static final int PARTICIPANTS = 100_000;
    private static final int TYPED_QUERIES = 300;

    @Override
    public void run(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : PARTICIPANTS;
        Path folder = Files.createTempDirectory("lotsbok-bench");
        TestRegister register = TestRegister.create(folder);
        try (Database db = register.openDirectly()) {
            double fillSeconds = RegisterGenerator.fill(db, size, 42);
            System.out.printf("generated %,d participants in %.1f s%n", size, fillSeconds);
        }
        if (register.server().isPresent()) {
            Benchmarks.settle(register); // the statistics autovacuum would gather after a bulk load
        }
        try (Session app = register.userWith("chef", Role.UNIT_HEAD)) {
            ParticipantListViewModel list = new ParticipantListViewModel(app.services().participants(), app.services().cases(),
                    app.services().navigators(),
                    app.actor(), Tasks.immediate(), Throwable::printStackTrace);
            long loadStart = System.nanoTime();
            list.reload();
            double loadMillis = (System.nanoTime() - loadStart) / 1e6;
            Benchmarks.record("register loaded into the list", loadMillis);
            System.out.printf("register loaded into the list: %,d rows in %.0f ms%n", list.rows().size(), loadMillis);

            List<String> keystrokes = keystrokes(app, size);
            // warm-up, as the list would be after a few minutes of use
            for (String query : keystrokes.subList(0, Math.min(500, keystrokes.size()))) {
                list.queryProperty().set(query);
            }
            long[] nanos = new long[keystrokes.size()];
            long matched = 0;
            for (int i = 0; i < keystrokes.size(); i++) {
                long start = System.nanoTime();
                list.queryProperty().set(keystrokes.get(i));
                matched += list.rows().size();
                nanos[i] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(nanos);
            Benchmarks.record("keystroke to filtered rows", Benchmarks.percentileMillis(nanos, 0.5));
            System.out.printf("keystroke to filtered rows over %,d keystrokes: median %.2f ms, p95 %.2f ms, max %.2f ms"
                            + " (mean %,d rows shown)%n", nanos.length, Benchmarks.percentileMillis(nanos, 0.5),
                    Benchmarks.percentileMillis(nanos, 0.95), nanos[nanos.length - 1] / 1e6, matched / nanos.length);

            list.queryProperty().set("");
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("heap in use with the register open (after GC): %.0f MB%n", heap / 1024.0 / 1024.0);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Each prefix of names and identity numbers of random participants, as someone typing them. */
    private static List<String> keystrokes(Session app, int size) {
        // In id order: the list comes in the engine's order, and the same people must be typed on each.
        List<ParticipantSummary> people = app.services().participants().list(app.actor()).stream()
                .sorted(java.util.Comparator.comparingLong(ParticipantSummary::id)).toList();
        Random random = new Random(7);
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < TYPED_QUERIES; i++) {
            ParticipantSummary p = people.get(random.nextInt(people.size()));
            String target = switch (i % 3) {
                case 0 -> p.lastName();
                case 1 -> p.firstName() + " " + p.lastName();
                default -> p.identity().map(n -> n.tenDigits().substring(0, 6) + "-" + n.tenDigits().substring(6))
                        .orElse(p.lastName());
            };
            for (int end = 1; end <= target.length(); end++) {
                typed.add(target.substring(0, end).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return typed;
    }
}
