package se.lotsbok.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.journal.NoteRules;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.access.AccessLogService;
import se.lotsbok.service.access.Coverage;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.casepath.CaseService;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The process {@link CrashHarnessIT} kills. It opens the register as the app does, checks what the
 * previous process left (every row whole, the access log's chain intact) and prints what it found;
 * then it runs user actions through the real services, each one transaction of several rows, and
 * prints {@code ACK kind id} after each commit, until it is killed.
 *
 * <p>Every action leaves rows that can be counted against each other, so a half-written action shows:
 * a participant has its referral, consent (with its three partners), waiting-list step and log rows;
 * a note has exactly the partners, follow-ups and search words its first line announces; an
 * enrollment has its assignment on the same day; a navigator has its activity row.
 */
public final class CrashHarnessWriter {

    static final String PARTICIPANT = "participant";
    static final String NOTE = "note";
    static final String ENROLLMENT = "enrollment";
    static final String NAVIGATOR = "navigator";
    static final List<String> KINDS = List.of(PARTICIPANT, NOTE, ENROLLMENT, NAVIGATOR);

    /** The actions a process runs before it gives up waiting to be killed. */
    private static final int MAX_ACTIONS = 400;
    private static final Clock CLOCK = TestDatabases.CLOCK;
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final Set<Partner> CONSENT_PARTNERS = EnumSet.of(Partner.POLICE, Partner.SCHOOL, Partner.SOCIAL_SERVICES);
    private static final String FIRST_NAME = "Åsa-Öjvind 🙂";
    private static final String LAST_NAME = "Ärlegård";
    private static final String COMMENT = "åäö ÅÄÖ é 👍🏽";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(FIRST_NAME) + " \\d+");
    private static final Pattern NOTE_HEAD = Pattern.compile("Möte (\\d+): (\\d+) aktörer, (\\d+) uppföljningar\\.");
    private static final String[] WORDS = {"möte", "skola", "boende", "åtgärd", "överenskommelse", "uppföljning",
        "Ängelholm", "fritid", "socialtjänst", "familj", "ÖVERSYN", "café", "närvaro", "praktik", "polis"};

    /** What a check of the register found: the ids of every kind, and what is wrong, if anything. */
    record State(Map<String, SortedSet<Long>> have, List<String> problems, long logRows) {

        String summary() {
            return KINDS.stream().map(k -> k + "s=" + have.get(k).size()).collect(Collectors.joining(" "))
                    + " logRows=" + logRows;
        }
    }

    private CrashHarnessWriter() {
    }

    /** {@code location seed cycle} (a folder, or a server address): check, then write until killed. */
    public static void main(String[] args) throws Exception {
        TestRegister register = TestRegister.at(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        int cycle = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        Database database;
        try {
            database = register.openDirectly();
        } catch (RuntimeException e) {
            out.println("BROKEN the register did not open: " + e);
            out.flush();
            e.printStackTrace();
            System.exit(3);
            return;
        }
        out.println("OPENED " + uptime());
        State state = inspect(database, register);
        state.have().forEach((kind, ids) -> out.println("HAVE " + kind + " "
                + ids.stream().map(String::valueOf).collect(Collectors.joining(","))));
        if (!state.problems().isEmpty()) {
            state.problems().forEach(p -> out.println("BROKEN " + p));
            out.flush();
            System.exit(1);
            return;
        }
        out.println("CHECKED " + state.summary());
        out.println("READY " + uptime());
        out.flush();
        Actions actions = new Actions(database, actor(register), random, cycle, state);
        for (int i = 0; i < MAX_ACTIONS; i++) {
            out.println("ACK " + actions.next());
            out.flush();
        }
        out.println("DONE");
        out.flush();
        Thread.sleep(120_000);
    }

    private static long uptime() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** The register's first administrator, who holds every role, as the acting user. */
    static Actor actor(TestRegister register) throws SQLException {
        try (Connection c = register.rawConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM app_user WHERE username = '" + TestRegister.ADMIN + "'")) {
            rs.next();
            return TestDatabases.actor(rs.getLong(1), TestRegister.ADMIN, Role.values());
        }
    }

    /** Checks the register open in {@code database}: the rows of every action whole, the access log intact. */
    static State inspect(Database database, TestRegister register) throws SQLException {
        List<String> problems = new ArrayList<>();
        Actor actor = actor(register);
        AccessLogChain.Verification log = new AccessLogService(database, CLOCK.getZone()).verify(actor);
        long logRows = 0;
        switch (log) {
            case AccessLogChain.Intact intact -> logRows = intact.count();
            case AccessLogChain.Broken broken -> problems.add("access log broken: " + broken);
        }
        Map<String, SortedSet<Long>> have = new TreeMap<>();
        KINDS.forEach(k -> have.put(k, new TreeSet<>()));
        try (Connection c = register.rawConnection(); Statement s = c.createStatement()) {
            checkParticipants(s, have.get(PARTICIPANT), problems);
            checkNotes(s, have.get(NOTE), problems);
            checkEnrollments(s, have.get(ENROLLMENT), problems);
            checkNavigators(s, have.get(NAVIGATOR), problems);
        }
        return new State(have, problems, logRows);
    }

    private static void checkParticipants(Statement s, Set<Long> ids, List<String> problems) throws SQLException {
        try (ResultSet rs = s.executeQuery("""
                SELECT p.id, p.first_name, p.last_name, p.comment,
                  (SELECT COUNT(*) FROM case_event e WHERE e.participant_id = p.id AND e.status = 'REFERRED'
                     AND e.referral_source = 'POLICE'),
                  (SELECT COUNT(*) FROM case_event e WHERE e.participant_id = p.id AND e.status = 'WAITING_LIST'),
                  (SELECT COUNT(*) FROM consent k WHERE k.participant_id = p.id),
                  (SELECT COUNT(*) FROM consent k JOIN consent_partner kp ON kp.consent_id = k.id
                     WHERE k.participant_id = p.id),
                  (SELECT COUNT(*) FROM access_log l WHERE l.participant_id = p.id AND l.event = 'PARTICIPANT_CREATED'),
                  (SELECT COUNT(*) FROM access_log l WHERE l.participant_id = p.id AND l.event = 'CONSENT_RECORDED')
                FROM participant p ORDER BY p.id""")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                ids.add(id);
                String where = "participant " + id + ": ";
                if (!NAME.matcher(rs.getString(2)).matches() || !LAST_NAME.equals(rs.getString(3))
                        || !COMMENT.equals(rs.getString(4))) {
                    problems.add(where + "text not as written: " + rs.getString(2) + " / " + rs.getString(3));
                }
                expect(problems, where + "referral rows", 1, rs.getLong(5));
                expect(problems, where + "waiting-list rows", 1, rs.getLong(6));
                expect(problems, where + "consents", 1, rs.getLong(7));
                expect(problems, where + "consent partners", CONSENT_PARTNERS.size(), rs.getLong(8));
                expect(problems, where + "creation log rows", 1, rs.getLong(9));
                expect(problems, where + "consent log rows", 1, rs.getLong(10));
            }
        }
    }

    private static void checkNotes(Statement s, Set<Long> ids, List<String> problems) throws SQLException {
        try (ResultSet rs = s.executeQuery("""
                SELECT n.id, n.note_text, n.attendees,
                  (SELECT COUNT(*) FROM note_partner np WHERE np.note_id = n.id),
                  (SELECT COUNT(*) FROM follow_up f WHERE f.note_id = n.id),
                  (SELECT COUNT(*) FROM note_word w WHERE w.neg_note_id = -n.id),
                  (SELECT COUNT(*) FROM access_log l WHERE l.event = 'NOTE_SIGNED' AND l.detail = 'note=' || n.id)
                FROM journal_note n ORDER BY n.id""")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                ids.add(id);
                String where = "note " + id + ": ";
                String text = rs.getString(2);
                Matcher head = NOTE_HEAD.matcher(text);
                if (!head.lookingAt()) {
                    problems.add(where + "text does not begin as written");
                    continue;
                }
                expect(problems, where + "partners", Long.parseLong(head.group(2)), rs.getLong(4));
                expect(problems, where + "follow-ups", Long.parseLong(head.group(3)), rs.getLong(5));
                expect(problems, where + "search words", NoteRules.words(text + " " + rs.getString(3)).size(),
                        rs.getLong(6));
                expect(problems, where + "signing log rows", 1, rs.getLong(7));
            }
        }
    }

    private static void checkEnrollments(Statement s, Set<Long> ids, List<String> problems) throws SQLException {
        try (ResultSet rs = s.executeQuery("""
                SELECT e.participant_id,
                  (SELECT COUNT(*) FROM assignment a WHERE a.participant_id = e.participant_id
                     AND a.effective_date = e.effective_date AND a.navigator_id IS NOT NULL)
                FROM case_event e WHERE e.status = 'ENROLLED' ORDER BY 1""")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                if (!ids.add(id)) {
                    problems.add("participant " + id + " enrolled twice");
                }
                expect(problems, "enrollment of " + id + ": assignments", 1, rs.getLong(2));
            }
        }
        try (ResultSet rs = s.executeQuery("""
                SELECT a.participant_id FROM assignment a WHERE NOT EXISTS (SELECT 1 FROM case_event e
                  WHERE e.participant_id = a.participant_id AND e.status = 'ENROLLED'
                  AND e.effective_date = a.effective_date)""")) {
            while (rs.next()) {
                problems.add("assignment of participant " + rs.getLong(1) + " without its enrollment");
            }
        }
    }

    private static void checkNavigators(Statement s, Set<Long> ids, List<String> problems) throws SQLException {
        try (ResultSet rs = s.executeQuery("""
                SELECT v.id, (SELECT COUNT(*) FROM navigator_activity a WHERE a.navigator_id = v.id AND a.active)
                FROM navigator v ORDER BY v.id""")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                expect(problems, "navigator " + rs.getLong(1) + ": activity rows", 1, rs.getLong(2));
            }
        }
    }

    private static void expect(List<String> problems, String what, long expected, long actual) {
        if (expected != actual) {
            problems.add(what + ": expected " + expected + ", found " + actual);
        }
    }

    /** The user actions, chosen at random, each one transaction through the services. */
    private static final class Actions {

        private final Database database;
        private final Actor actor;
        private final Random random;
        private final ParticipantService participants;
        private final CaseService cases;
        private final NavigatorService navigators;
        private final NoteService notes;
        private final List<Long> known;
        private final List<Long> waiting;
        private final List<Long> navigatorIds;
        private int sequence;

        Actions(Database database, Actor actor, Random random, int cycle, State state) {
            this.database = database;
            this.actor = actor;
            this.random = random;
            Coverage coverage = new Coverage(database, CLOCK);
            this.participants = new ParticipantService(database, CLOCK, coverage);
            this.cases = new CaseService(database, CLOCK, coverage);
            this.navigators = new NavigatorService(database, CLOCK, coverage);
            this.notes = new NoteService(database, CLOCK, coverage);
            this.known = new ArrayList<>(state.have().get(PARTICIPANT));
            this.waiting = new ArrayList<>(known);
            this.waiting.removeAll(state.have().get(ENROLLMENT));
            this.navigatorIds = new ArrayList<>(state.have().get(NAVIGATOR));
            this.sequence = cycle * 10_000;
        }

        /** Runs one action and answers what to acknowledge: its kind and id. */
        String next() {
            sequence++;
            int dice = random.nextInt(100);
            if (known.isEmpty() || dice < 35) {
                return PARTICIPANT + " " + newCase();
            }
            if (dice < 75) {
                return NOTE + " " + note();
            }
            if (navigatorIds.isEmpty() || dice < 82) {
                return NAVIGATOR + " " + navigator();
            }
            if (waiting.isEmpty()) {
                return PARTICIPANT + " " + newCase();
            }
            return ENROLLMENT + " " + enroll();
        }

        /** A new participant with referral, consent and waiting-list step, in one transaction. */
        private long newCase() {
            ParticipantInput input = new ParticipantInput(FIRST_NAME + " " + sequence, LAST_NAME, true, "",
                    "2000-01-01", Gender.OTHER, Programme.YOUNG_ADULTS, "070-123 45 67", "Storgatan 1", COMMENT);
            long id = database.transaction(repos -> {
                SaveOutcome saved = participants.create(actor, input);
                if (!(saved instanceof SaveOutcome.Saved s)) {
                    throw new IllegalStateException("not saved: " + saved);
                }
                long participant = s.participant().id();
                done(cases.move(actor, participant, Move.referral(TODAY, ReferralSource.POLICE)));
                done(cases.recordConsent(actor, participant, TODAY, null, CONSENT_PARTNERS, List.of()));
                done(cases.move(actor, participant, Move.to(CaseStatus.WAITING_LIST, TODAY)));
                return participant;
            });
            known.add(id);
            waiting.add(id);
            return id;
        }

        /** A signed note with partners, follow-ups and a text of up to 19 000 characters. */
        private long note() {
            long participant = known.get(random.nextInt(known.size()));
            List<Partner> partners = new ArrayList<>(List.of(Partner.values()));
            java.util.Collections.shuffle(partners, random);
            Set<Partner> chosen = EnumSet.copyOf(partners.subList(0, 1 + random.nextInt(4)));
            int followUps = random.nextInt(4);
            StringBuilder text = new StringBuilder("Möte " + sequence + ": " + chosen.size() + " aktörer, "
                    + followUps + " uppföljningar.");
            int length = random.nextInt(4) == 0 ? 5_000 + random.nextInt(14_000) : 50 + random.nextInt(500);
            while (text.length() < length) {
                text.append(' ').append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(50));
            }
            List<NoteService.NewFollowUp> planned = new ArrayList<>();
            for (int i = 0; i < followUps; i++) {
                planned.add(new NoteService.NewFollowUp("Ring skolan om närvaron " + i, "Lotsen", TODAY.plusDays(i + 1)));
            }
            NoteContent content = new NoteContent(LocalDateTime.now(CLOCK).minusHours(1 + random.nextInt(48)),
                    MeetingType.values()[random.nextInt(MeetingType.values().length)], chosen, "Mamma, kurator",
                    text.toString());
            NoteService.SignResult result = notes.sign(actor, participant, null, content, planned);
            if (!(result instanceof NoteService.Signed signed)) {
                throw new IllegalStateException("not signed: " + result);
            }
            return signed.note().id();
        }

        private long navigator() {
            String name = "Lots " + sequence + " Åström";
            navigators.createNavigator(actor, name, null, TODAY.minusYears(1)).ifPresent(r -> {
                throw new IllegalStateException("navigator refused: " + r);
            });
            long id = navigators.navigators(actor).stream().filter(n -> n.name().equals(name))
                    .mapToLong(Navigator::id).findFirst().orElseThrow();
            navigatorIds.add(id);
            return id;
        }

        /** Enrollment from the waiting list with a navigator: the step and the assignment in one transaction. */
        private long enroll() {
            long participant = waiting.remove(random.nextInt(waiting.size()));
            long navigator = navigatorIds.get(random.nextInt(navigatorIds.size()));
            NavigatorService.AssignResult result = navigators.enrollFromWaitingList(actor, participant, navigator, TODAY,
                    new Situation(Situation.Occupation.STUDIES, Situation.Housing.PARENTS, Situation.SubstanceUse.NO),
                    true);
            if (!(result instanceof NavigatorService.Assigned)) {
                throw new IllegalStateException("not enrolled: " + result);
            }
            return participant;
        }

        private static void done(CaseResult result) {
            if (result instanceof CaseResult.Refused refused) {
                // Thrown inside the action's transaction, so nothing of it is kept.
                throw new IllegalStateException("refused: " + refused.refusal());
            }
        }
    }

    static Map<String, SortedSet<Long>> emptyIds() {
        Map<String, SortedSet<Long>> ids = new HashMap<>();
        KINDS.forEach(k -> ids.put(k, new TreeSet<>()));
        return ids;
    }
}
