package se.lotsbok.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PasswordUtil;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.service.user.UserService;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The proof that on the office server the database, not the program, enforces the rules: a lots
 * with a valid login connects with plain JDBC, not through Lotsbok, and every attempt to go beyond
 * their role is refused by PostgreSQL itself. A second test shows what a lots can still read with
 * such a tool: the unit's register, by design (README, "Kontorsservern").
 */
class ServerAttackTest {

    private static final NoteContent NOTE = new NoteContent(LocalDateTime.of(2026, 11, 24, 14, 30),
            MeetingType.INDIVIDUAL, EnumSet.of(Partner.SCHOOL), "", "Signerad text");
    private static final String ANNA = Pins.twelve("20080101", "238");
    private static final String BO = Pins.twelve("20080202", "239");

    @TempDir
    Path temp;

    private TestRegister register;
    private ServerAddress server;
    private long own;
    private long colleagues;
    private long signedNote;
    private long chefId;

    @BeforeEach
    void unitWithTwoLotsar() {
        register = TestRegister.onServer(TestDatabases.folder(temp), TestDatabases.CLOCK);
        server = register.server().orElseThrow();
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            chefId = chef.actor().userId();
            var navigators = chef.services().navigators();
            navigators.createNavigator(chef.actor(), "Lotta Lind", null, TestDatabases.TODAY.minusYears(1));
            navigators.createNavigator(chef.actor(), "Olle Ek", null, TestDatabases.TODAY.minusYears(1));
            List<Navigator> all = navigators.navigators(chef.actor());
            long lottas = all.stream().filter(n -> n.name().startsWith("Lotta")).findFirst().orElseThrow().id();
            long olles = all.stream().filter(n -> n.name().startsWith("Olle")).findFirst().orElseThrow().id();
            own = created(chef, "Anna", "Berg", ANNA);
            colleagues = created(chef, "Bo", "Dahl", BO);
            navigators.assign(chef.actor(), own, lottas, TestDatabases.TODAY.minusMonths(1), true);
            navigators.assign(chef.actor(), colleagues, olles, TestDatabases.TODAY.minusMonths(1), true);
            try (Session admin = register.login(TestRegister.ADMIN)) {
                char[] password = TestRegister.PASSWORD.toCharArray();
                assertThat(admin.services().users().create(admin.actor(), "lotta", "Lotta Lind", Set.of(Role.NAVIGATOR),
                        lottas, password, password)).isInstanceOf(UserService.Done.class);
            }
        }
        try (Session lotta = register.login("lotta")) {
            lotta.changePassword(TestRegister.PASSWORD.toCharArray(), TestRegister.PASSWORD.toCharArray(),
                    TestRegister.PASSWORD.toCharArray());
            NoteService.SignResult signed = lotta.services().notes().sign(lotta.actor(), own, null, NOTE, List.of());
            signedNote = ((NoteService.Signed) signed).note().id();
        }
    }

    @Test
    void everyAttemptOfALotsWithPlainJdbcBeyondTheirRoleIsRefusedByTheDatabase() throws Exception {
        List<String> attempts = new ArrayList<>();
        try (Connection lotta = asLotta(); Statement s = lotta.createStatement()) {
            // Reading the users' table, their roles, and the server's password hashes.
            attempts.add("SELECT * FROM app_user");
            attempts.add("SELECT * FROM app_user_role");
            attempts.add("SELECT rolname, rolpassword FROM pg_authid");
            // Writing in another lots' participant.
            attempts.add("INSERT INTO journal_note (participant_id, meeting_at, meeting_type, attendees, note_text,"
                    + " signed_at, signed_by) VALUES (" + colleagues + ", now(), 'INDIVIDUAL', '', 'falsk', now(), "
                    + "(SELECT id FROM app_user WHERE username = 'lotta'))");
            attempts.add("INSERT INTO goal (participant_id, life_area, description, responsible, follow_up_date,"
                    + " recorded_at, recorded_by) VALUES (" + colleagues + ", 'SCHOOL', 'x', 'SCHOOL', current_date, now(), 1)");
            attempts.add("INSERT INTO case_event (participant_id, effective_date, status, note, recorded_at, recorded_by)"
                    + " VALUES (" + own + ", current_date, 'DISCHARGED', '', now(), 1)");
            // Changing or deleting a signed note, even her own.
            attempts.add("UPDATE journal_note SET note_text = 'ändrad' WHERE id = " + signedNote);
            attempts.add("DELETE FROM note_partner WHERE note_id = " + signedNote);
            attempts.add("DELETE FROM journal_note WHERE id = " + signedNote);
            attempts.add("SELECT gallra(" + own + ", DATE '2008-01-01', now())");
            // Giving herself a role, or another's password.
            attempts.add("GRANT lotsbok_enhetschef TO CURRENT_USER");
            attempts.add("GRANT lotsbok_admin TO CURRENT_USER");
            attempts.add("INSERT INTO app_user_role (user_id, role) SELECT id, 'UNIT_HEAD' FROM app_user WHERE username = 'lotta'");
            attempts.add("SET ROLE lotsbok_owner");
            attempts.add("ALTER ROLE CURRENT_USER CREATEROLE");
            attempts.add("SELECT set_password('chef', '" + PasswordUtil.encodeScramSha256("ett nytt lösenord".toCharArray()) + "')");
            // Deleting, changing or inserting a row of the access log, or moving its head.
            attempts.add("DELETE FROM access_log");
            attempts.add("UPDATE access_log SET detail = '' WHERE seq = 1");
            attempts.add("INSERT INTO access_log (seq, at, user_id, username, event, participant_id, detail, previous_hash,"
                    + " hash) VALUES (100000, now(), NULL, 'x', 'LOGIN', NULL, '', repeat('0', 64), repeat('0', 64))");
            attempts.add("TRUNCATE access_log");
            attempts.add("UPDATE access_log_head SET entry_count = 0");
            attempts.add("SELECT * FROM append_access_log(now(), " + chefId + ", 'chef', 'LOGIN', NULL, '')");
            // Reading the private half of the signing key, signing an export, reading or writing extracts.
            attempts.add("SELECT private_key FROM signing_key");
            attempts.add("SELECT * FROM signing_key");
            attempts.add("SELECT sign_export('\\x00'::bytea)");
            attempts.add("SELECT make_signing_key()");
            // The day the rules count assignments from is the server's; no user moves it.
            attempts.add("INSERT INTO server_today (id, today) VALUES (2, DATE '2020-01-01')");
            attempts.add("UPDATE server_today SET today = DATE '2020-01-01'");
            attempts.add("SELECT * FROM extract_release");
            attempts.add("INSERT INTO extract_release (participant_id, recipient, to_subject, formats, scope, released_at,"
                    + " released_by) VALUES (" + own + ", 'x', TRUE, 'PDF', 'RECORD', now(), app_user_id())");
            // A follow-up after discharge for another lots' participant.
            attempts.add("INSERT INTO discharge_follow_up (participant_id, discharge_event_id, contact_date, result,"
                    + " recorded_at, recorded_by) VALUES (" + colleagues + ", 1, current_date, 'NOT_REACHED', now(),"
                    + " app_user_id())");
            // Disabling the guard on signed notes, the row-level security or the log's function.
            attempts.add("ALTER TABLE journal_note DISABLE TRIGGER journal_note_guard");
            attempts.add("ALTER TABLE journal_note DISABLE TRIGGER ALL");
            attempts.add("DROP TRIGGER journal_note_guard ON journal_note");
            attempts.add("ALTER TABLE participant DISABLE ROW LEVEL SECURITY");
            attempts.add("CREATE OR REPLACE FUNCTION guard_signed_note() RETURNS trigger LANGUAGE plpgsql"
                    + " AS $$ BEGIN RETURN OLD; END $$");
            attempts.add("CREATE FUNCTION public.shadow() RETURNS int LANGUAGE sql AS 'SELECT 1'");
            List<String> notRefused = new ArrayList<>();
            for (String attempt : attempts) {
                try {
                    s.execute(attempt);
                    notRefused.add(attempt);
                } catch (SQLException e) {
                    // 42501: insufficient privilege (grants, row-level security, the functions' checks);
                    // 45000: the guard on signed notes and on emptying the log.
                    if (!Set.of("42501", "45000").contains(e.getSQLState())) {
                        notRefused.add(attempt + " (" + e.getSQLState() + " " + e.getMessage() + ")");
                    }
                }
            }
            assertThat(notRefused).isEmpty();
            // An UPDATE of a colleague's participant, or of another user's account, finds no row it may change.
            assertThat(s.executeUpdate("UPDATE participant SET last_name = 'Falsk' WHERE id = " + colleagues)).isZero();
            assertThat(s.executeUpdate("UPDATE app_user SET must_change_password = TRUE WHERE username = 'chef'")).isZero();
        }
        try (Session chef = register.login("chef")) {
            assertThat(chef.services().participants().open(chef.actor(), colleagues).orElseThrow().data().lastName())
                    .isEqualTo("Dahl");
            assertThat(chef.services().notes().journal(chef.actor(), own).entries()).singleElement()
                    .satisfies(e -> assertThat(e.note().content().text()).isEqualTo("Signerad text"));
            assertThat(chef.services().accessLog().verify(chef.actor())).isInstanceOf(AccessLogChain.Intact.class);
        }
        try (Session admin = register.login(TestRegister.ADMIN)) {
            assertThat(admin.services().users().list(admin.actor()))
                    .filteredOn(u -> u.username().equals("lotta")).singleElement()
                    .satisfies(u -> assertThat(u.roles()).containsExactly(Role.NAVIGATOR));
        }
    }

    @Test
    void forHerOwnParticipantTheDatabaseLetsHerWriteAndEveryRowSheWritesIsHers() throws Exception {
        try (Connection lotta = asLotta(); Statement s = lotta.createStatement()) {
            assertThat(s.executeUpdate("INSERT INTO goal (participant_id, life_area, description, responsible,"
                    + " follow_up_date, recorded_at, recorded_by) VALUES (" + own
                    + ", 'SCHOOL', 'Gå till skolan', 'SCHOOL', current_date, now(), app_user_id())")).isOne();
            // A note in another user's name is refused even for her own participant.
            assertThatThrownBy(() -> s.execute("INSERT INTO journal_note (participant_id, meeting_at, meeting_type,"
                    + " attendees, note_text, signed_at, signed_by) VALUES (" + own + ", now(), 'INDIVIDUAL', '', 'x',"
                    + " now(), " + chefId + ")"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void withAnotherToolALotsStillReadsTheUnitsRegisterByDesignButNotTheAccessLogBeyondOpenings() throws Exception {
        try (Session lotta = register.login("lotta")) {
            lotta.services().participants().open(lotta.actor(), colleagues);
        }
        try (Connection lotta = asLotta(); Statement s = lotta.createStatement()) {
            assertThat(rows(s, "SELECT first_name || ' ' || last_name || ' ' || identity_number FROM participant"))
                    .containsExactlyInAnyOrder("Anna Berg " + ANNA, "Bo Dahl " + BO);
            assertThat(rows(s, "SELECT note_text FROM journal_note")).containsExactly("Signerad text");
            assertThat(rows(s, "SELECT username FROM app_user")).contains("chef", "lotta", TestRegister.ADMIN);
            assertThat(rows(s, "SELECT DISTINCT event FROM access_log")).containsExactly("PARTICIPANT_OPENED");
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM tally_export"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM verify_access_log()"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    private Connection asLotta() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.loginOf("lotta"));
        properties.setProperty("password", TestRegister.PASSWORD);
        properties.setProperty("currentSchema", ServerAddress.SCHEMA);
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static long created(Session chef, String first, String last, String pin) {
        SaveOutcome outcome = chef.services().participants().create(chef.actor(),
                ParticipantInputs.valid().name(first, last).identity(pin).build());
        return ((SaveOutcome.Saved) outcome).participant().id();
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }
}
