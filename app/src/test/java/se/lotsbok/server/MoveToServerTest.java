package se.lotsbok.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.maintenance.MoveToServer;
import se.lotsbok.store.move.RegisterMove;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.testing.PastRegister;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.testing.TestServer;

/**
 * Moving a unit's register from its data folder to the office server: a register written through the
 * services over years gives every monthly tally and yearly summary the same on the server, with the
 * same ids, signed notes and access log, and the folder is left as it was, byte for byte.
 */
class MoveToServerTest {

    private static final LocalDate START = LocalDate.of(2019, 1, 14);
    private static final char[] TEMPORARY = "ett tillfälligt lösen".toCharArray();

    @TempDir
    Path temp;

    @Test
    void everyTallyAndSummaryIsTheSameOnTheServerAndTheFolderIsUntouched() throws Exception {
        Path folder = TestDatabases.folder(temp);
        PastRegister past = PastRegister.inFolder(folder, START);
        write(past, new Random(20261201L), 24);
        past.today();
        Session chef = past.chef();
        Map<String, Tally> before = tallies(chef);
        Map<Long, List<JournalNote>> notesBefore = notes(chef);
        chef.close();
        Map<String, String> files = digests(folder);

        ServerAddress server = TestServer.initialisedDatabase();
        RegisterMove.Moved moved = MoveToServer.move(folder, TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray(),
                server, TestServer.INSTALLER, null, Map.of(), TestDatabases.CLOCK);

        assertThat(digests(folder)).as("the folder is only read").isEqualTo(files);
        assertThat(moved.participants()).isEqualTo(24);
        long chefId;
        try (Session admin = login(server, TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray())) {
            assertThat(admin.mustChangePassword()).isFalse();
            UserAccount movedChef = admin.services().users().list(admin.actor()).stream()
                    .filter(u -> u.username().equals("chef")).findFirst().orElseThrow();
            assertThat(movedChef.mustChangePassword()).isTrue();
            chefId = movedChef.id();
            admin.services().users().resetPassword(admin.actor(), chefId, TEMPORARY, TEMPORARY);
        }
        try (Session first = login(server, "chef", TEMPORARY)) {
            assertThat(first.mustChangePassword()).isTrue();
            assertThat(first.changePassword(TEMPORARY, TestRegister.PASSWORD.toCharArray(),
                    TestRegister.PASSWORD.toCharArray())).isEmpty();
        }
        try (Session onServer = login(server, "chef", TestRegister.PASSWORD.toCharArray())) {
            assertThat(onServer.actor().userId()).isEqualTo(chefId);
            Map<String, Tally> after = tallies(onServer);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((period, tally) -> assertThat(after.get(period).rows()).as(period)
                    .containsExactlyElementsOf(tally.rows()));
            assertThat(notes(onServer)).as("the signed notes, with their ids, authors and times").isEqualTo(notesBefore);
            assertThat(onServer.services().accessLog().verify(onServer.actor()))
                    .isInstanceOfSatisfying(AccessLogChain.Intact.class,
                            intact -> assertThat(intact.count()).isGreaterThan(moved.logEntries()));
            // New rows get new ids after the moved ones.
            var created = onServer.services().participants().create(onServer.actor(),
                    se.lotsbok.testing.ParticipantInputs.valid().build());
            assertThat(((se.lotsbok.service.participant.SaveOutcome.Saved) created).participant().id())
                    .isGreaterThan(notesBefore.keySet().stream().mapToLong(Long::longValue).max().orElseThrow());
        }
    }

    @Test
    void aServerThatAlreadyHoldsARegisterIsRefusedAndKeepsWhatItHas() {
        Path folder = newFolder();
        ServerAddress server = TestServer.initialisedDatabase();
        try (Session admin = login(server, TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray())) {
            admin.services().navigators().createNavigator(admin.actor(), "Redan här", null, TestDatabases.TODAY);
        }
        assertRefused(folder, TestRegister.ADMIN, server, RegisterMove.Problem.SERVER_NOT_EMPTY);
        try (Session admin = login(server, TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray())) {
            assertThat(admin.services().navigators().navigators(admin.actor())).extracting(Navigator::name)
                    .containsExactly("Redan här");
        }
    }

    @Test
    void onlyAnAdministratorOfTheRegisterMovesIt() {
        Path folder = newFolder();
        ServerAddress server = TestServer.initialisedDatabase();
        assertRefused(folder, "chef", server, RegisterMove.Problem.NOT_ADMINISTRATOR);
        assertThatThrownBy(() -> MoveToServer.move(folder, TestRegister.ADMIN, "fel lösenord här".toCharArray(), server,
                TestServer.INSTALLER, null, Map.of(), TestDatabases.CLOCK))
                .isInstanceOf(MoveToServer.LoginRefused.class);
    }

    /** A register in a folder with its administrator and {@code chef}, nothing else. */
    private Path newFolder() {
        Path folder = TestDatabases.folder(temp);
        PastRegister.inFolder(folder, START).chef().close();
        return folder;
    }

    private static void assertRefused(Path folder, String user, ServerAddress server, RegisterMove.Problem problem) {
        assertThatThrownBy(() -> MoveToServer.move(folder, user, TestRegister.PASSWORD.toCharArray(), server,
                TestServer.INSTALLER, null, Map.of(), TestDatabases.CLOCK))
                .isInstanceOfSatisfying(RegisterMove.Refused.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    /** Participants over the years: referrals, consents, enrollments with navigators, notes, goals, endings. */
    private static void write(PastRegister past, Random random, int count) {
        Session chef = past.chef();
        chef.services().navigators().createNavigator(chef.actor(), "Lotta Lind", null, START);
        chef.services().navigators().createNavigator(chef.actor(), "Olle Ek", 3, START);
        List<Long> navigators = chef.services().navigators().navigators(chef.actor()).stream().map(Navigator::id).toList();
        for (int i = 0; i < count; i++) {
            LocalDate referred = START.plusDays(random.nextInt(6 * 365));
            past.on(referred);
            int birthYear = 1998 + random.nextInt(12);
            long id = past.participant("Del" + i, "Tagare" + (char) ('A' + i % 26), birthYear + "0" + (1 + random.nextInt(9)) + "1"
                    + random.nextInt(10), String.format("%03d", 100 + i), i % 4 == 0 ? Gender.WOMAN : Gender.MAN,
                    birthYear < 2005 ? Programme.YOUNG_ADULTS : Programme.YOUTH);
            past.referred(id, referred);
            if (random.nextInt(5) == 0) {
                past.closed(id, referred.plusDays(10 + random.nextInt(40)));
                continue;
            }
            LocalDate enrolled = referred.plusDays(14 + random.nextInt(30));
            past.on(enrolled.minusDays(3));
            PastRegister.done(chef.services().cases().move(chef.actor(), id, Move.to(CaseStatus.ASSESSMENT,
                    enrolled.minusDays(3))));
            past.enrolled(id, enrolled, "Vårdnadshavare " + i);
            chef.services().navigators().assign(chef.actor(), id, navigators.get(i % 2), enrolled, true);
            past.on(enrolled.plusDays(7));
            PastRegister.done(chef.services().cases().addGoal(chef.actor(), id, Goal.LifeArea.OCCUPATION_EDUCATION, "Gå i skolan",
                    Partner.SCHOOL, enrolled.plusDays(60)));
            PastRegister.done(chef.services().cases().addPartner(chef.actor(), id, Partner.POLICE, enrolled));
            for (int n = 0; n < 1 + random.nextInt(3); n++) {
                LocalDateTime meeting = enrolled.plusDays(5 + 20L * n).atTime(13, 30);
                past.on(meeting.toLocalDate().plusDays(1));
                NoteService.SignResult signed = chef.services().notes().sign(chef.actor(), id, null,
                        new NoteContent(meeting, MeetingType.values()[n % 4], EnumSet.of(Partner.SCHOOL), "mamma",
                                "Möte " + n + " med Del" + i + " 👍"), List.of());
                assertThat(signed).isInstanceOf(NoteService.Signed.class);
                if (n == 0 && i % 3 == 0) {
                    chef.services().notes().sign(chef.actor(), id, ((NoteService.Signed) signed).note().id(),
                            new NoteContent(meeting, MeetingType.INDIVIDUAL, EnumSet.noneOf(Partner.class), "",
                                    "Rättelse av möte " + n), List.of());
                }
            }
            LocalDate end = enrolled.plusDays(90 + random.nextInt(500));
            if (end.isBefore(PastRegister.TODAY.minusDays(10))) {
                past.discharged(id, end);
            }
        }
    }

    private static Map<String, Tally> tallies(Session session) {
        Map<String, Tally> all = new LinkedHashMap<>();
        var reports = session.services().reports();
        for (YearMonth m = YearMonth.from(START); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
            all.put(m.toString(), reports.month(session.actor(), m));
        }
        for (int year = START.getYear(); year <= 2026; year++) {
            all.put(Integer.toString(year), reports.year(session.actor(), Year.of(year)));
        }
        return all;
    }

    private static Map<Long, List<JournalNote>> notes(Session session) {
        Map<Long, List<JournalNote>> notes = new TreeMap<>();
        for (var p : session.services().participants().list(session.actor())) {
            notes.put(p.id(), session.services().notes().journal(session.actor(), p.id()).entries().stream()
                    .map(NoteService.Entry::note).toList());
        }
        return notes;
    }

    private static Map<String, String> digests(Path folder) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(folder.relativize(file).toString(), TestDatabases.digest(file));
            }
        }
        return digests;
    }

    private static Session login(ServerAddress server, String user, char[] password) {
        LoginResult result = AppWiring.server(server, Map.of(), TestDatabases.CLOCK).login(user, password);
        assertThat(result).as(user).isInstanceOf(LoginResult.LoggedIn.class);
        return ((LoginResult.LoggedIn) result).session();
    }
}
