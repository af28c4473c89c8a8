package se.lotsbok.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.store.Database;
import se.lotsbok.store.journal.JournalRepository;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The journal at scale: a million notes (twenty-odd words each from a vocabulary of 5 000, common
 * words common and rare ones rare), one participant with 2 000 of them. Times a word search across
 * the register (first page), a two-word search, a search within one participant, and opening the
 * participant with 2 000 notes.
 */
final class NotesBenchmark implements Benchmarks.Benchmark {

    private static final int PARTICIPANTS = 5_000;
    private static final int HEAVY_NOTES = 2_000;
    private static final int ROUNDS = 21;
    private static final int BATCH = 10_000;
    /**
     * Notes loaded between two compactions. Bulk loading the word index rewrites its pages in every
     * batch, and H2 reuses the freed space too slowly: without compacting, 800 000 notes filled 79 GB
     * of disk. A unit's register grows a note at a time and never sees this.
     */
    private static final int CHUNK = 100_000;

    @Override
    public void run(String[] args) throws Exception {
        Path folder = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("lotsbok-notes");
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Vocabulary vocabulary = new Vocabulary(5_000, 17);
        TestRegister register;
        if (Files.exists(folder.resolve("lotsbok.keys"))) {
            register = TestRegister.at(folder);
            System.out.println("reusing the register in " + folder);
        } else {
            register = TestRegister.create(folder);
            long start = System.nanoTime();
            try (Database db = register.openDirectly()) {
                RegisterGenerator.fill(db, PARTICIPANTS, 3);
            }
            Random random = new Random(23);
            for (int done = 0; done < total; done += CHUNK) {
                try (Database db = register.openDirectly()) {
                    generate(db, done, Math.min(CHUNK, total - done), vocabulary, random);
                }
                Benchmarks.settle(register);
                System.out.printf("  %,d notes after %.0f s; register %,d MB%n", Math.min(done + CHUNK, total),
                        (System.nanoTime() - start) / 1e9, Benchmarks.megabytes(register));
            }
            System.out.printf("generated %,d notes in %.0f s; register %,d MB%n", total,
                    (System.nanoTime() - start) / 1e9, Benchmarks.megabytes(register));
        }
        try (Session chef = register.userOrLogin("chef", Role.UNIT_HEAD)) {
            NoteService notes = chef.services().notes();
            long heavy = chef.services().participants().list(chef.actor()).stream()
                    .mapToLong(s -> s.id()).min().orElseThrow();
            String common = vocabulary.word(40);
            String medium = vocabulary.word(400);
            String rare = vocabulary.word(4_000);
            time("search one common word (" + common + ") across the register, first page",
                    () -> notes.search(chef.actor(), common, null).size());
            time("search one rare word (" + rare + ") across the register, first page",
                    () -> notes.search(chef.actor(), rare, null).size());
            time("search two words (" + medium + " " + common + ") across the register, first page",
                    () -> notes.search(chef.actor(), medium + " " + common, null).size());
            time("search one word within the participant with 2 000 notes",
                    () -> notes.search(chef.actor(), medium, heavy).size());
            time("open the participant with 2 000 notes (all notes and corrections)",
                    () -> notes.journal(chef.actor(), heavy).entries().size());
        }
    }

    private interface Work {
        int run();
    }

    private static void time(String what, Work work) {
        long[] nanos = new long[ROUNDS];
        int found = 0;
        for (int i = 0; i < ROUNDS + 3; i++) {
            long start = System.nanoTime();
            found = work.run();
            if (i >= 3) {
                nanos[i - 3] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        Benchmarks.record(what, Benchmarks.percentileMillis(nanos, 0.5));
        System.out.printf("%s: median %.1f ms, p95 %.1f ms (%d results)%n", what,
                Benchmarks.percentileMillis(nanos, 0.5), Benchmarks.percentileMillis(nanos, 0.95), found);
    }

    /** Writes notes number {@code from} to {@code from + count - 1}; the first 2 000 go to the first participant. */
    private static void generate(Database db, int from, int count, Vocabulary vocabulary, Random random) {
        List<Long> participants = db.transaction(repos -> repos.participants().listSummaries(TestDatabases.UNIT_HEAD)
                .stream().map(s -> s.id()).sorted().toList());
        long heavy = participants.getFirst();
        LocalDateTime start = LocalDateTime.of(2016, 1, 1, 9, 0);
        int done = 0;
        while (done < count) {
            int size = Math.min(BATCH, count - done);
            List<JournalRepository.ImportedNote> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int n = from + done + i;
                long participant = n < HEAVY_NOTES ? heavy : participants.get(1 + random.nextInt(participants.size() - 1));
                StringBuilder text = new StringBuilder();
                int words = 15 + random.nextInt(15);
                for (int w = 0; w < words; w++) {
                    text.append(vocabulary.draw(random)).append(w % 9 == 8 ? ". " : " ");
                }
                batch.add(new JournalRepository.ImportedNote(participant, new NoteContent(
                        start.plusMinutes(5L * n), MeetingType.values()[random.nextInt(5)], Set.of(), "",
                        text.toString().strip()), TestDatabases.CLOCK.instant(), 1));
            }
            db.transaction(repos -> repos.journal().importSigned(TestDatabases.UNIT_HEAD, batch));
            done += size;
        }
    }

    /** Made-up words with a Zipf-like frequency: word k is drawn about 1/k as often as the first. */
    private static final class Vocabulary {
        private final String[] words;
        private final double[] cumulative;

        Vocabulary(int size, long seed) {
            Random random = new Random(seed);
            String[] syllables = {"ba", "bo", "da", "de", "fa", "fö", "ga", "gå", "ha", "hä", "ja", "ka", "kö", "la",
                    "lä", "ma", "mö", "na", "nå", "pa", "ra", "rö", "sa", "sk", "st", "ta", "tö", "va", "vä", "ör"};
            words = new String[size];
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < size; i++) {
                String w;
                do {
                    StringBuilder b = new StringBuilder();
                    int n = 2 + random.nextInt(3);
                    for (int s = 0; s < n; s++) {
                        b.append(syllables[random.nextInt(syllables.length)]);
                    }
                    w = b.toString();
                } while (!seen.add(w));
                words[i] = w;
            }
            cumulative = new double[size];
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
            for (int i = 0; i < size; i++) {
                cumulative[i] /= sum;
            }
        }

        String draw(Random random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return words[index < 0 ? -index - 1 : index];
        }

        String word(int rank) {
            return words[rank];
        }
    }
}
