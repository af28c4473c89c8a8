package se.lotsbok.report.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.CaseTransitions;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.report.Additivity;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.report.TallyRow;
import se.lotsbok.domain.user.Role;
import se.lotsbok.report.ExportOptions;
import se.lotsbok.report.TallyFormat;
import se.lotsbok.report.TallyHeader;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.RandomCasePaths;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * For random registers (seeded, so a failure repeats): the people of three units are written into
 * each unit's own register and, the same way, into one register holding them all. The units'
 * signed exports, added up by the compilation, give every figure as the sum of the units' figures
 * (the longest wait as their largest), and equal the figures of the one register holding everyone:
 * the definitions are additive per unit as long as nobody is in two units (docs/measures.md).
 */
class CompilationPropertyTest {

    private static final Situation SITUATION = new Situation(Situation.Occupation.UNKNOWN, Situation.Housing.UNKNOWN,
            Situation.SubstanceUse.UNKNOWN);
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = TestDatabases.TODAY;
    private static final int UNITS = 3;
    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2024, 3), YearMonth.of(2024, 12),
            YearMonth.of(2025, 6), YearMonth.of(2026, 1), YearMonth.of(2026, 10));

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void theCitysFiguresAreTheSumOfTheUnitsAndEqualOneRegisterHoldingEveryone(long seed) {
        Random sizes = new Random(seed);
        List<Session> units = new ArrayList<>();
        TestRegister wholeRegister = TestRegister.create(temp.resolve("stad"));
        try (Session whole = wholeRegister.userWith("chef", Role.UNIT_HEAD)) {
            int serial = 0;
            for (int u = 0; u < UNITS; u++) {
                TestRegister register = TestRegister.create(temp.resolve("enhet" + u));
                try (Session admin = register.login(TestRegister.ADMIN)) {
                    admin.services().settings().rename(admin.actor(), "Enhet " + (char) ('A' + u));
                }
                Session chef = register.userWith("chef", Role.UNIT_HEAD);
                units.add(chef);
                int people = 2 + sizes.nextInt(8);
                for (int i = 0; i < people; i++, serial++) {
                    person(chef, new Random(seed * 1_000 + serial), serial);
                    person(whole, new Random(seed * 1_000 + serial), serial);
                }
                // Someone waiting in every unit, for waits of different lengths: a longest wait is not a sum.
                LocalDate waiting = START.plusDays(10 + 40L * u + sizes.nextInt(30));
                waiting(chef, serial, waiting);
                waiting(whole, serial++, waiting);
            }
            for (int y = START.getYear(); y <= END.getYear(); y++) {
                Year year = Year.of(y);
                compare(units, TallyHeader.Kind.YEAR, year.toString(), s -> s.services().reports().year(s.actor(), year),
                        whole.services().reports().year(whole.actor(), year));
            }
            for (YearMonth month : MONTHS) {
                compare(units, TallyHeader.Kind.MONTH, month.toString(),
                        s -> s.services().reports().month(s.actor(), month),
                        whole.services().reports().month(whole.actor(), month));
            }
        } finally {
            units.forEach(Session::close);
        }
    }

    private void compare(List<Session> units, TallyHeader.Kind kind, String period,
            java.util.function.Function<Session, Tally> tally, Tally whole) {
        List<Path> files = new ArrayList<>();
        List<Tally> parts = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            Session chef = units.get(u);
            Tally part = tally.apply(chef);
            parts.add(part);
            Path file = temp.resolve("enhet" + u + "-" + period + ".json");
            chef.services().reports().export(chef.actor(), part, kind, TallyFormat.JSON, ExportOptions.DEFAULTS, file);
            files.add(file);
        }

        Compilation city = Combiner.inspect(files, new Combiner.Rules(Optional.of(kind), Optional.of(period), false,
                Optional.empty())).compilation().orElseThrow();

        for (TallyRow row : city.total()) {
            Additivity additivity = Additivity.of(row.measure());
            long expected = switch (additivity) {
                case MAX -> parts.stream().mapToLong(p -> p.value(row.measure(), row.category()).orElse(0L)).max()
                        .orElse(0);
                // A setting the units share (the outcome order): the same in every part.
                case SAME -> parts.getFirst().value(row.measure(), row.category()).orElseThrow();
                case SUM, TOTAL_ONLY -> parts.stream().mapToLong(p -> p.value(row.measure(), row.category())
                        .orElse(0L)).sum();
            };
            assertThat(row.value()).as(period + " " + row.measure() + "/" + row.category() + ": the units' figures")
                    .isEqualTo(expected);
        }
        List<TallyRow> carried = whole.rows().stream()
                .filter(r -> Additivity.of(r.measure()).carries(r.category())).toList();
        assertThat(city.total()).as(period + ": the one register holding everyone").containsExactlyElementsOf(carried);
    }

    private static void waiting(Session chef, int serial, LocalDate since) {
        ParticipantInput input = ParticipantInputs.valid().name("W" + serial, "Test")
                .identity(Pins.dashed("20000202", Integer.toString(100 + serial))).build();
        long id = ((SaveOutcome.Saved) chef.services().participants().create(chef.actor(), input)).participant().id();
        done(chef.services().cases().move(chef.actor(), id, Move.referral(since.minusDays(5), ReferralSource.SCHOOL)));
        done(chef.services().cases().move(chef.actor(), id, Move.to(CaseStatus.WAITING_LIST, since)));
    }

    /** One young adult with a random, legal case path. */
    private static void person(Session chef, Random random, int serial) {
        ParticipantInput input = ParticipantInputs.valid().name("P" + serial, "Test")
                .identity(Pins.dashed(random.nextBoolean() ? "19990101" : "20040601", Integer.toString(100 + serial)))
                .build();
        long id = ((SaveOutcome.Saved) chef.services().participants().create(chef.actor(), input)).participant().id();
        RandomCasePaths.walk(chef, random, id, START, END);
    }

    private static CaseFile done(CaseResult result) {
        assertThat(result).isInstanceOf(CaseResult.Done.class);
        return ((CaseResult.Done) result).file();
    }
}
