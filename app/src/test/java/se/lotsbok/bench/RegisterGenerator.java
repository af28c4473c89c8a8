package se.lotsbok.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.ParticipantData;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.store.Database;
import se.lotsbok.testing.TestDatabases;

/** Fills a register with made-up participants: Swedish names, unique valid identity numbers. */
final class RegisterGenerator {

    static final String[] FIRST = {"Ali", "Anna", "Ahmed", "Åsa", "Björn", "Bilal", "Cecilia", "Dani", "Elias",
            "Emma", "Fatima", "Filip", "Hanna", "Hugo", "Ibrahim", "Ida", "Jonas", "Julia", "Kim", "Leo", "Linnea",
            "Lukas", "Maja", "Mohammed", "Noah", "Nora", "Oscar", "Olivia", "Rami", "Sara", "Selma", "Theo",
            "Ture", "Vera", "William", "Yusuf", "Zara", "Ängla", "Örjan", "Östen"};
    static final String[] LAST = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
            "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
            "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist",
            "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson",
            "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Ali", "Mohamed", "Hassan", "Åberg", "Öberg",
            "Ekström", "Ström", "Sjöberg", "Ahmadi", "Yilmaz", "Nguyen", "Kovač", "Müller"};

    private RegisterGenerator() {
    }

    /** Inserts {@code count} participants in batches, one transaction per batch; returns the seconds taken. */
    static double fill(Database db, int count, long seed) {
        Random random = new Random(seed);
        Set<String> used = new HashSet<>();
        Actor actor = TestDatabases.UNIT_HEAD;
        Instant now = TestDatabases.CLOCK.instant();
        long start = System.nanoTime();
        int batch = 5_000;
        for (int done = 0; done < count; done += batch) {
            int size = Math.min(batch, count - done);
            db.transaction(repos -> {
                for (int i = 0; i < size; i++) {
                    repos.participants().insert(actor, next(random, used), now);
                }
                return null;
            });
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static ParticipantData next(Random random, Set<String> used) {
        LocalDate born = LocalDate.of(1994, 1, 1).plusDays(random.nextInt(20 * 365));
        PersonalIdentityNumber number = null;
        if (random.nextInt(20) > 0) {
            String digits;
            do {
                String date = String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(), born.getDayOfMonth());
                String serial = String.format("%03d", random.nextInt(1000));
                digits = date + serial + PersonalIdentityNumber.luhnCheckDigit(date.substring(2) + serial);
            } while (!used.add(digits));
            number = new PersonalIdentityNumber(digits);
        }
        Gender gender = random.nextInt(10) < 8 ? Gender.MAN : Gender.values()[random.nextInt(4)];
        Programme programme = born.isAfter(LocalDate.of(2006, 1, 1)) ? Programme.YOUTH : Programme.YOUNG_ADULTS;
        return new ParticipantData(FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)], number,
                born, gender, programme, "070-" + (1_000_000 + random.nextInt(8_999_999)),
                "Exempelgatan " + (1 + random.nextInt(99)), "");
    }
}
