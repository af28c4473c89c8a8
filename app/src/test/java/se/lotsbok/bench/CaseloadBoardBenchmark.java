package se.lotsbok.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.navigator.NavigatorRef;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.store.Database;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.navigator.NavigatorsViewModel;

/**
 * The caseload board over a long history: 50 navigators and 100 000 assignment rows (participants
 * reassigned many times over the years), with 350 participants enrolled today. Times what the
 * "Lotsar" screen does when it opens: the board, the waiting list and the navigator register.
 */
final class CaseloadBoardBenchmark implements Benchmarks.Benchmark {

    private static final int NAVIGATORS = 50;
    private static final int ASSIGNMENTS = 100_000;
    private static final int PARTICIPANTS = 10_000;
    private static final int ENROLLED_TODAY = 350;
    private static final int ROUNDS = 21;

    /** @param args optionally a folder to keep the generated register in (reused when it exists) */
    @Override
    public void run(String[] args) throws Exception {
        Path folder = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("lotsbok-board");
        LocalDate today = TestDatabases.TODAY;
        TestRegister register;
        if (Files.exists(folder.resolve("lotsbok.keys"))) {
            register = TestRegister.at(folder);
            System.out.println("reusing the register in " + folder);
        } else {
            register = TestRegister.create(folder);
            long start = System.nanoTime();
            try (Database db = register.openDirectly()) {
                RegisterGenerator.fill(db, PARTICIPANTS, 11);
                generateHistory(db, today);
            }
            System.out.printf("generated %,d participants, %d navigators, %,d assignments in %.1f s%n",
                    PARTICIPANTS, NAVIGATORS, ASSIGNMENTS, (System.nanoTime() - start) / 1e9);
            if (register.server().isPresent()) {
                Benchmarks.settle(register); // the statistics autovacuum would gather after a bulk load
            }
        }

        try (Session chef = register.userOrLogin("chef", Role.UNIT_HEAD)) {
            NavigatorService service = chef.services().navigators();
            NavigatorsViewModel screen = new NavigatorsViewModel(service, chef.actor(), Tasks.immediate(),
                    se.lotsbok.i18n.Texts.swedish(), TestDatabases.CLOCK, new se.lotsbok.testing.AnsweringDialogs(),
                    new se.lotsbok.ui.common.ParticipantChanges(), Throwable::printStackTrace);
            long[] board = new long[ROUNDS];
            long[] whole = new long[ROUNDS];
            for (int i = 0; i < ROUNDS + 3; i++) {
                long t0 = System.nanoTime();
                NavigatorService.Board b = service.boardToday(chef.actor());
                long t1 = System.nanoTime();
                screen.load();
                long t2 = System.nanoTime();
                if (i >= 3) {
                    board[i - 3] = t1 - t0;
                    whole[i - 3] = t2 - t1;
                }
                if (i == 0) {
                    System.out.printf("board: %d navigators, %d enrolled on it, %d unassigned%n", b.caseloads().size(),
                            b.caseloads().stream().mapToInt(c -> c.count()).sum(), b.unassigned().size());
                }
            }
            Arrays.sort(board);
            Arrays.sort(whole);
            Benchmarks.record("caseload board query", Benchmarks.percentileMillis(board, 0.5));
            Benchmarks.record("opening the Lotsar screen", Benchmarks.percentileMillis(whole, 0.5));
            System.out.printf("caseload board query: median %.0f ms, p95 %.0f ms%n",
                    Benchmarks.percentileMillis(board, 0.5), Benchmarks.percentileMillis(board, 0.95));
            System.out.printf("Lotsar screen opening (board, waiting list, navigators): median %.0f ms, p95 %.0f ms%n",
                    Benchmarks.percentileMillis(whole, 0.5), Benchmarks.percentileMillis(whole, 0.95));
        }
    }

    /** Ten years of reassignments, with today's enrollments spread over the navigators. */
    private static void generateHistory(Database db, LocalDate today) {
        Random random = new Random(5);
        Actor actor = TestDatabases.UNIT_HEAD;
        Instant now = TestDatabases.CLOCK.instant();
        List<Long> navigators = new ArrayList<>();
        db.transaction(repos -> {
            for (int i = 0; i < NAVIGATORS; i++) {
                NavigatorRef ref = repos.navigators().insert(actor, "Lots " + (i + 1), null, today.minusYears(11), now);
                navigators.add(ref.id());
            }
            return null;
        });
        List<Long> participants = db.transaction(repos -> repos.participants().listSummaries(actor).stream()
                .map(s -> s.id()).sorted().toList());
        Situation situation = new Situation(Situation.Occupation.NONE, Situation.Housing.PARENTS,
                Situation.SubstanceUse.UNKNOWN);
        int perParticipant = ASSIGNMENTS / PARTICIPANTS;
        int batch = 500;
        for (int from = 0; from < participants.size(); from += batch) {
            List<Long> slice = participants.subList(from, Math.min(participants.size(), from + batch));
            int offset = from;
            db.transaction(repos -> {
                for (int k = 0; k < slice.size(); k++) {
                    long id = slice.get(k);
                    boolean enrolledToday = offset + k < ENROLLED_TODAY;
                    LocalDate date = today.minusYears(10).plusDays(random.nextInt(300));
                    repos.cases().recordMove(actor, id, Move.referral(date, ReferralSource.values()[random.nextInt(7)]), now);
                    repos.cases().recordMove(actor, id, Move.enrollment(date.plusDays(3), situation), now);
                    for (int a = 0; a < perParticipant; a++) {
                        date = date.plusDays(1 + random.nextInt(300));
                        if (date.isAfter(today)) {
                            date = today;
                        }
                        long navigator = enrolledToday && a == perParticipant - 1
                                ? navigators.get((offset + k) % NAVIGATORS)
                                : navigators.get(random.nextInt(NAVIGATORS));
                        repos.assignments().assign(actor, id, navigator, date, now);
                    }
                    if (!enrolledToday) {
                        repos.cases().recordMove(actor, id,
                                Move.discharge(date, DischargeReason.values()[random.nextInt(6)], situation), now);
                    }
                }
                return null;
            });
        }
        // A few on the waiting list, referred and closed, so every query has something to find.
        db.transaction(repos -> {
            for (int i = 0; i < 20; i++) {
                Participant p = repos.participants().fetchForRules(participants.get(participants.size() - 1 - i)).orElseThrow();
                repos.cases().recordMove(actor, p.id(), Move.referral(today, ReferralSource.SCHOOL), now);
                repos.cases().recordMove(actor, p.id(), i % 2 == 0 ? Move.to(CaseStatus.WAITING_LIST, today)
                        : Move.closure(today, ClosureReason.MOVED), now);
            }
            return null;
        });
    }
}
