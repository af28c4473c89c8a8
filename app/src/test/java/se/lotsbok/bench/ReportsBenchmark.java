package se.lotsbok.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.navigator.NavigatorRef;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.navigator.AssignmentHistory;
import se.lotsbok.domain.report.MonthlyTally;
import se.lotsbok.domain.report.OutcomeTally;
import se.lotsbok.domain.report.RegisterSnapshot;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Role;
import se.lotsbok.report.ExportOptions;
import se.lotsbok.report.ReportService;
import se.lotsbok.service.auth.Session;
import se.lotsbok.store.Database;
import se.lotsbok.store.RawConnection;
import se.lotsbok.store.journal.JournalRepository;
import se.lotsbok.store.report.ReportRepository;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The unit head's reports on a large register: 100 000 participants with ten years of case paths,
 * consents, assignments, partners, goals, the situation at enrollment and discharge and follow-ups
 * after discharge, and 1 000 000 signed notes. Times the monthly tally, the yearly summary (with
 * its outcome measures) and the whole dashboard (twelve months), and compares the participant list
 * export with H2's own {@code CSVWRITE} of the same rows in the same run.
 */
final class ReportsBenchmark implements Benchmarks.Benchmark {

    private static final int NAVIGATORS = 60;
    private static final int ROUNDS = 11;
    private static final int BATCH = 1_000;
    private static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 20);
    private static final String[] NOTE_TEXTS = {"Samtal om skolan och veckans planering.",
        "Nätverksmöte med polis och skola, uppföljning av målen.", "Telefonkontakt, bokade nytt möte.",
        "Hembesök, pratade om fritid och träning.", "Kort avstämning om praktikplatsen."};

    /** @param args optionally a folder to keep the register in (reused when it exists), participants, notes */
    @Override
    public void run(String[] args) throws Exception {
        Path folder = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("lotsbok-reports");
        int participants = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int notes = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        TestRegister register;
        if (Files.exists(folder.resolve("lotsbok.keys"))) {
            register = TestRegister.at(folder);
            System.out.println("reusing the register in " + folder);
        } else {
            register = TestRegister.create(folder);
            long start = System.nanoTime();
            try (Database db = register.openDirectly()) {
                RegisterGenerator.fill(db, participants, 31);
                System.out.printf("  %,d participants after %.0f s%n", participants, (System.nanoTime() - start) / 1e9);
                histories(db);
                System.out.printf("  case paths after %.0f s%n", (System.nanoTime() - start) / 1e9);
                notes(db, notes);
            }
            // Bulk loading leaves the file full of superseded pages; a unit's register grows one
            // small commit at a time instead. Compact once so that the timings read a normal file.
            Benchmarks.settle(register);
            System.out.printf("generated %,d participants and %,d notes in %.0f s; register %,d MB%n",
                    participants, notes, (System.nanoTime() - start) / 1e9, Benchmarks.megabytes(register));
        }

        try (Session chef = register.userOrLogin("chef", Role.UNIT_HEAD)) {
            ReportService reports = chef.services().reports();
            YearMonth month = YearMonth.of(2026, 10);
            long first = System.nanoTime();
            Tally tally = reports.month(chef.actor(), month);
            Benchmarks.record("first tally of the session", (System.nanoTime() - first) / 1e6);
            System.out.printf("first tally of the session (reads every participant's rows into memory): %.0f ms%n",
                    (System.nanoTime() - first) / 1e6);
            System.out.printf("October 2026: %,d enrolled at month end, %,d new enrollments, %,d discharges, "
                            + "%,d meetings%n", tally.total("enrolled_at_end"), tally.total("new_enrollments"),
                    tally.total("discharges"), tally.total("meetings"));
            Tally year = reports.year(chef.actor(), Year.of(2025));
            System.out.printf("2025: %,d enrolled, %,d contacted, not enrolled%n", year.total("enrolled"),
                    year.total("contacted_not_enrolled"));
            System.out.printf("2025 outcomes: %,d discharges (occupation improved %,d, unchanged %,d, worsened %,d, "
                            + "unknown %,d), %,d goals at discharge, median %,d days enrolled; %,d follow-ups due, "
                            + "%,d reached%n", year.total("outcome_occupation"),
                    year.value("outcome_occupation", "improved").orElseThrow(),
                    year.value("outcome_occupation", "unchanged").orElseThrow(),
                    year.value("outcome_occupation", "worsened").orElseThrow(),
                    year.value("outcome_occupation", "unknown").orElseThrow(), year.total("goals_at_discharge"),
                    year.value("enrollment_days", "median").orElseThrow(), year.total("followup_due"),
                    year.value("followup_due", "reached").orElseThrow());

            // H2 reuses a query's result while none of its tables has changed, so each figure is
            // taken twice: right after a case move was recorded (the usual case on a working day)
            // and with nothing changed since the previous run.
            Runnable change = changer(chef);
            time("monthly tally, after a change", ROUNDS, change, () -> reports.month(chef.actor(), month));
            time("monthly tally, nothing changed", ROUNDS, () -> { }, () -> reports.month(chef.actor(), month));
            time("yearly summary, after a change", ROUNDS, change, () -> reports.year(chef.actor(), Year.of(2025)));
            time("yearly summary, nothing changed", ROUNDS, () -> { },
                    () -> reports.year(chef.actor(), Year.of(2025)));
            time("whole dashboard (tally, 12-month trend, 3 yearly summaries), after a change", 5, change,
                    () -> reports.dashboard(chef.actor(), month, p -> { }));

            if (register.server().isPresent()) {
                // The list against H2's own CSVWRITE is a comparison within H2 only.
                time("participant list to CSV", 5, () -> { }, () -> {
                    try {
                        Path list = Files.createTempFile("lotsbok-list", ".csv");
                        reports.exportParticipantList(chef.actor(), list, ExportOptions.DEFAULTS);
                        Files.delete(list);
                        return null;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                return;
            }
            Path ours = Files.createTempFile("lotsbok-list", ".csv");
            Path h2 = Files.createTempFile("lotsbok-csvwrite", ".csv");
            long[] oursNanos = new long[5];
            long[] h2Nanos = new long[5];
            try (Connection connection = RawConnection.open(folder, register.key());
                    Statement statement = connection.createStatement()) {
                for (int i = 0; i < 7; i++) {
                    long t0 = System.nanoTime();
                    reports.exportParticipantList(chef.actor(), ours, ExportOptions.DEFAULTS);
                    long t1 = System.nanoTime();
                    // A condition that differs in each round keeps H2 from answering from its query
                    // cache, so that both sides read and sort the rows every time.
                    statement.execute("CALL CSVWRITE('" + h2 + "', 'SELECT identity_number, first_name, last_name, "
                            + "birth_date, gender, programme FROM participant WHERE id <> " + (-1 - i)
                            + " ORDER BY last_name, first_name, id', "
                            + "'charset=UTF-8 fieldSeparator=;')");
                    long t2 = System.nanoTime();
                    if (i >= 2) {
                        oursNanos[i - 2] = t1 - t0;
                        h2Nanos[i - 2] = t2 - t1;
                    }
                }
            }
            Arrays.sort(oursNanos);
            Arrays.sort(h2Nanos);
            double oursMs = Benchmarks.percentileMillis(oursNanos, 0.5);
            double h2Ms = Benchmarks.percentileMillis(h2Nanos, 0.5);
            System.out.printf("participant list to CSV (%,d rows, %,d bytes): Lotsbok (Jackson) median %.0f ms, "
                            + "H2 CSVWRITE median %.0f ms (%,d bytes); ratio %.2f%n",
                    Files.readAllLines(ours).size() - 1, Files.size(ours), oursMs, h2Ms, Files.size(h2), oursMs / h2Ms);
            Files.delete(ours);
            Files.delete(h2);
        }
        outcomesInMemory(register);
    }

    private interface Work {
        Object run();
    }

    /**
     * The share of the outcome measures in the yearly summary, on the register's rows in memory (as
     * the report service keeps them): the whole summary of 2025 against its outcome rows alone, in
     * the same run, so that the machine's load falls on both alike.
     */
    private static void outcomesInMemory(TestRegister register) {
        RegisterSnapshot snapshot;
        try (Database db = register.openDirectly()) {
            snapshot = db.transaction(repos -> {
                ReportRepository.TallyRows rows = repos.reports().readAll();
                Map<Long, CaseHistory> cases = new HashMap<>();
                rows.events().forEach((id, events) -> cases.put(id, CaseHistory.of(events)));
                Map<Long, AssignmentHistory> assignments = new HashMap<>();
                rows.assignments().forEach((id, list) -> assignments.put(id, AssignmentHistory.of(list)));
                return new RegisterSnapshot(rows.people(), cases, assignments, repos.reports().navigators(),
                        rows.consents(), List.of(), rows.partners(), rows.goals(), repos.reports().unitCap(),
                        rows.followUps(), repos.reports().outcomeOrder());
            });
        }
        Year year = Year.of(2025);
        // Run last, on code the JIT has compiled by now, and twice over so that neither comes first.
        for (int pass = 0; pass < 2; pass++) {
            time("in memory: yearly summary of 2025 with its outcome measures", 21, () -> { },
                    () -> MonthlyTally.yearly(year, snapshot));
            time("in memory: the outcome measures of 2025 alone", 21, () -> { },
                    () -> OutcomeTally.rows(year.atDay(1), year.atMonth(12).atEndOfMonth(), snapshot));
        }
    }

    /** Records a referral of a new participant: a write to the case rows every tally reads. */
    private static Runnable changer(Session chef) {
        Random random = new Random(99);
        Set<String> used = new java.util.HashSet<>();
        return () -> {
            var data = RegisterGenerator.next(random, used);
            var input = se.lotsbok.domain.participant.ParticipantInput.of(data);
            var saved = chef.services().participants().create(chef.actor(), input);
            if (saved instanceof se.lotsbok.service.participant.SaveOutcome.Saved s) {
                chef.services().cases().move(chef.actor(), s.participant().id(),
                        Move.referral(LocalDate.of(2026, 10, 15), ReferralSource.SCHOOL));
            }
        };
    }

    private static void time(String what, int rounds, Runnable before, Work work) {
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds + 2; i++) {
            before.run();
            long start = System.nanoTime();
            work.run();
            if (i >= 2) {
                nanos[i - 2] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        Benchmarks.record(what, Benchmarks.percentileMillis(nanos, 0.5));
        System.out.printf("%s: median %.0f ms, p95 %.0f ms%n", what, Benchmarks.percentileMillis(nanos, 0.5),
                Benchmarks.percentileMillis(nanos, 0.95));
    }

    /**
     * Every participant referred once between 2016 and now: about 60 % enrolled (for three months
     * to two years, most of them discharged), 25 % closed without enrollment, the rest waiting or
     * just referred; the enrolled have a consent, a navigator, a partner and a goal.
     */
    private static void histories(Database db) {
        Random random = new Random(41);
        Actor actor = TestDatabases.UNIT_HEAD;
        Instant now = TestDatabases.CLOCK.instant();
        List<Long> navigators = new ArrayList<>();
        db.transaction(repos -> {
            for (int i = 0; i < NAVIGATORS; i++) {
                NavigatorRef ref = repos.navigators().insert(actor, "Lots " + (i + 1), null, FIRST_DAY, now);
                navigators.add(ref.id());
            }
            return null;
        });
        List<Long> ids = db.transaction(repos -> repos.participants().listSummaries(actor).stream()
                .map(s -> s.id()).sorted().toList());
        Random situations = new Random(47);
        int days = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + BATCH));
            db.transaction(repos -> {
                for (long id : slice) {
                    LocalDate referred = FIRST_DAY.plusDays(random.nextInt(days));
                    repos.cases().recordMove(actor, id, Move.referral(referred,
                            ReferralSource.values()[random.nextInt(ReferralSource.values().length)]), now);
                    int fate = random.nextInt(100);
                    LocalDate next = referred.plusDays(5 + random.nextInt(40));
                    if (next.isAfter(LAST_DAY)) {
                        continue;
                    }
                    if (fate < 60) {
                        repos.cases().recordConsent(actor, id, next.minusDays(2), null, EnumSet.of(Partner.POLICE,
                                Partner.SCHOOL, Partner.SOCIAL_SERVICES), List.of(), now);
                        repos.cases().recordMove(actor, id, Move.enrollment(next, situation(situations)), now);
                        repos.assignments().assign(actor, id, navigators.get(random.nextInt(NAVIGATORS)), next, now);
                        repos.cases().addPartner(actor, id, Partner.values()[random.nextInt(Partner.values().length)],
                                next, now);
                        long goal = repos.cases().addGoal(actor, id, Goal.LifeArea.values()[random.nextInt(
                                Goal.LifeArea.values().length)], "Mål", Partner.SCHOOL, next.plusDays(90), next, now);
                        LocalDate end = next.plusDays(90 + random.nextInt(640));
                        // Half of the goals reach a status of their own before the case could end.
                        if (situations.nextBoolean() && !next.plusDays(89).isAfter(LAST_DAY)) {
                            repos.cases().setGoalStatus(actor, id, goal, Goal.Status.values()[1 + situations.nextInt(4)],
                                    next.plusDays(89), now);
                        }
                        if (!end.isAfter(LAST_DAY) && random.nextInt(10) < 9) {
                            dischargeWithOutcome(repos, actor, id, end, DischargeReason.values()[random.nextInt(
                                    DischargeReason.values().length)], situations, now);
                        }
                    } else if (fate < 85) {
                        repos.cases().recordMove(actor, id, Move.closure(next,
                                ClosureReason.values()[random.nextInt(ClosureReason.values().length)]), now);
                    } else if (fate < 92) {
                        repos.cases().recordMove(actor, id, Move.to(se.lotsbok.domain.casepath.CaseStatus.WAITING_LIST,
                                next), now);
                    }
                }
                return null;
            });
        }
    }

    /**
     * A discharge with the situation then; for about half of them the participant agreed to a
     * follow-up six months later, which for most that are due has been recorded.
     */
    private static void dischargeWithOutcome(se.lotsbok.store.Repositories repos, Actor actor, long id, LocalDate end,
            DischargeReason reason, Random situations, Instant now) {
        boolean agreed = situations.nextBoolean();
        LocalDate due = agreed ? end.plusMonths(6) : null;
        long event = repos.cases().recordMove(actor, id, agreed ? Move.dischargeWithFollowUp(end, reason,
                situation(situations)) : Move.discharge(end, reason, situation(situations)), due, now);
        if (due != null && !due.isAfter(LAST_DAY) && situations.nextInt(4) > 0) {
            DischargeFollowUp.Result result = DischargeFollowUp.Result.values()[situations.nextInt(3)];
            repos.cases().recordFollowUp(actor, id, event, due.plusDays(situations.nextInt(20)), result,
                    result == DischargeFollowUp.Result.REACHED ? situation(situations) : null, now);
        }
    }

    private static Situation situation(Random random) {
        return new Situation(Situation.Occupation.values()[random.nextInt(5)],
                Situation.Housing.values()[random.nextInt(6)], Situation.SubstanceUse.values()[random.nextInt(3)]);
    }

    /** Short signed notes spread over the ten years and the participants. */
    private static void notes(Database db, int total) {
        Random random = new Random(43);
        List<Long> ids = db.transaction(repos -> repos.participants().listSummaries(TestDatabases.UNIT_HEAD)
                .stream().map(s -> s.id()).sorted().toList());
        int minutes = (int) ((LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) * 24 * 60);
        LocalDateTime start = FIRST_DAY.atTime(0, 0);
        long began = System.nanoTime();
        int done = 0;
        while (done < total) {
            int size = Math.min(BATCH * 2, total - done);
            List<JournalRepository.ImportedNote> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(new JournalRepository.ImportedNote(ids.get(random.nextInt(ids.size())), new NoteContent(
                        start.plusMinutes(random.nextInt(minutes)), MeetingType.values()[random.nextInt(5)], Set.of(),
                        "", NOTE_TEXTS[random.nextInt(NOTE_TEXTS.length)]), TestDatabases.CLOCK.instant(), 1));
            }
            db.transaction(repos -> repos.journal().importSigned(TestDatabases.UNIT_HEAD, batch));
            done += size;
            if (done % 100_000 == 0) {
                System.out.printf("  %,d notes after %.0f s%n", done, (System.nanoTime() - began) / 1e9);
            }
        }
    }
}
