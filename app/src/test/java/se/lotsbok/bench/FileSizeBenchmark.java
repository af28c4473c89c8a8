package se.lotsbok.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.participant.ParticipantData;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.importing.ImportService;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.store.Database;
import se.lotsbok.testing.MutableClock;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The file's size: after importing a unit's spreadsheet of 10 000 participants with their case paths
 * through the import (before and after the compaction that follows a large import), and then after a
 * year of daily use through the services — three users log in every working day, open participants,
 * write and sign notes with follow-ups, mark a follow-up done and log out, where the file is compacted
 * when it has grown to twice its size since it last was.
 */
final class FileSizeBenchmark implements Benchmarks.Benchmark {

    private static final String[] NAVIGATORS = {"Sara Lind", "Omar Haddad", "Eva Berg", "Jonas Ek", "Leyla Aziz"};
    private static final String[] USERS = {"chef", "lots1", "lots2"};
    private static final int OPENED_PER_LOGIN = 5;

    /** @param args optionally the number of participants (10 000) and of working days (250) */
    @Override
    public void run(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        Path folder = Files.createTempDirectory("lotsbok-size");
        LocalDate start = TestDatabases.TODAY.minusYears(1);
        MutableClock clock = new MutableClock(start.atTime(8, 0).atZone(TestDatabases.STOCKHOLM).toInstant(),
                TestDatabases.STOCKHOLM);
        TestRegister register = TestRegister.create(folder, clock);
        for (String user : USERS) {
            register.userWith(user, Role.UNIT_HEAD).close();
        }
        System.out.printf("new register: %.1f MB%n", megabytes(folder));

        byte[] spreadsheet = spreadsheet(participants, start, new Random(14));
        long began = System.nanoTime();
        ImportService.ImportResult imported;
        try (Session chef = register.login("chef")) {
            imported = chef.services().imports().importFile(chef.actor(), spreadsheet);
        }
        if (!imported.written()) {
            throw new IllegalStateException("the import was refused: " + imported.fileErrors() + ", "
                    + imported.badRows() + " bad rows");
        }
        System.out.printf("import of %,d participants (%,d writes) in %.0f s%n", participants, imported.writes(),
                (System.nanoTime() - began) / 1e9);
        System.out.printf("file after the import, before compaction: %.1f MB; after: %.1f MB%n",
                imported.compaction().before() / 1e6, imported.compaction().after() / 1e6);

        Random random = new Random(25);
        long largest = 0;
        int logins = 0;
        int compactions = 0;
        int notes = 0;
        began = System.nanoTime();
        LocalDate day = start;
        for (int worked = 0; worked < days; day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            worked++;
            for (String user : USERS) {
                clock.advance(java.time.Duration.between(clock.instant(),
                        day.atTime(LocalTime.of(9, 0)).atZone(TestDatabases.STOCKHOLM).toInstant()));
                long before;
                try (Session session = register.login(user)) {
                    logins++;
                    notes += aWorkingHour(session, day, random);
                    before = Files.size(folder.resolve("lotsbok.mv.db"));
                    largest = Math.max(largest, before);
                    if (session.services().maintenance().compactionDueBytes() > 0) {
                        compactions++;
                    }
                }
            }
        }
        System.out.printf("a year of daily use: %d working days, %,d logins, %,d signed notes in %.0f s%n", days,
                logins, notes, (System.nanoTime() - began) / 1e9);
        System.out.printf("file after the year: %.1f MB (largest before a logout: %.1f MB; %d logouts compacted it)%n",
                Files.size(folder.resolve("lotsbok.mv.db")) / 1e6, largest / 1e6, compactions);
        try (Database database = register.openDirectly()) {
            int count = database.transaction(repos -> repos.participants().count());
            System.out.printf("participants %,d%n", count);
            database.compact();
            System.out.printf("the same file compacted now: %.1f MB%n", database.fileBytes() / 1e6);
        }
    }

    /** What one user does in a login: opens participants, signs a note for each, marks a follow-up done. */
    private static int aWorkingHour(Session session, LocalDate day, Random random) {
        List<ParticipantSummary> register = session.services().participants().list(session.actor());
        int signed = 0;
        for (int i = 0; i < OPENED_PER_LOGIN; i++) {
            ParticipantSummary p = register.get(random.nextInt(register.size()));
            session.services().participants().open(session.actor(), p.id());
            session.services().notes().journal(session.actor(), p.id());
            NoteContent content = new NoteContent(LocalDateTime.of(day, LocalTime.of(8, random.nextInt(60))),
                    MeetingType.values()[random.nextInt(MeetingType.values().length)], EnumSet.of(Partner.SCHOOL),
                    "mamma, skolkurator", text(random));
            NoteService.SignResult result = session.services().notes().sign(session.actor(), p.id(), null, content,
                    List.of(new NoteService.NewFollowUp("Följa upp med skolan", "", day.plusDays(7 + random.nextInt(30)))));
            if (result instanceof NoteService.Signed) {
                signed++;
            }
        }
        // One follow-up of the last participant opened is done (Att göra, for a unit head who sees every
        // open case of a register this size, is not what a working hour goes to).
        ParticipantSummary last = register.get(random.nextInt(register.size()));
        session.services().notes().journal(session.actor(), last.id()).followUps().stream()
                .filter(f -> f.done() == null).findFirst()
                .ifPresent(f -> session.services().notes().followUpDone(session.actor(), f.id()));
        return signed;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int w = 40 + random.nextInt(120); w > 0; w--) {
            text.append(RegisterGenerator.LAST[random.nextInt(RegisterGenerator.LAST.length)].toLowerCase())
                    .append(w % 12 == 0 ? ". " : " ");
        }
        return text.toString().strip();
    }

    /** The unit's spreadsheet: referral, consent, enrollment with a navigator, discharge or closure. */
    private static byte[] spreadsheet(int count, LocalDate today, Random random) {
        StringBuilder csv = new StringBuilder("personnummer;förnamn;efternamn;kön;program;aktualiserad;källa;samtycke;"
                + "samtycke_vårdnadshavare;inskriven;lots;avslutad;avslutsorsak;ej_inskriven_orsak\r\n");
        Set<String> used = new HashSet<>();
        String[] sources = {"Polis", "Skola", "Socialtjänst", "Kriminalvård", "Självanmälan", "Anhörig"};
        String[] discharges = {"Planerat avslut", "Avbrutet av deltagaren", "Flyttat", "Frihetsberövad"};
        String[] closures = {"Ej motiverad", "Flyttat", "Ej i målgrupp"};
        for (int i = 0; i < count; i++) {
            ParticipantData data = RegisterGenerator.next(random, used);
            while (data.identityNumber() == null) {
                data = RegisterGenerator.next(random, used);
            }
            LocalDate referred = today.minusDays(60 + random.nextInt(4 * 365));
            List<String> row = new ArrayList<>(List.of(data.identityNumber().formatted(), data.firstName(),
                    data.lastName(), random.nextBoolean() ? "Man" : "Kvinna", "", referred.toString(),
                    sources[random.nextInt(sources.length)]));
            if (random.nextInt(10) < 7) {
                LocalDate consent = referred.plusDays(5);
                LocalDate enrolled = referred.plusDays(20);
                boolean minor = Period.between(data.birthDate(), enrolled).getYears() < 18;
                LocalDate ended = enrolled.plusDays(100 + random.nextInt(400));
                boolean discharged = ended.isBefore(today) && random.nextBoolean();
                row.addAll(List.of(consent.toString(), minor ? consent.toString() : "", enrolled.toString(),
                        NAVIGATORS[random.nextInt(NAVIGATORS.length)], discharged ? ended.toString() : "",
                        discharged ? discharges[random.nextInt(discharges.length)] : "", ""));
            } else {
                LocalDate closed = referred.plusDays(30);
                row.addAll(List.of("", "", "", "", closed.toString(), "", closures[random.nextInt(closures.length)]));
            }
            csv.append(String.join(";", row)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double megabytes(Path folder) throws java.io.IOException {
        return Files.size(folder.resolve("lotsbok.mv.db")) / 1e6;
    }
}
