package se.lotsbok.service.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.CaseTransitions;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.FollowUpRules;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.settings.RetentionSettings;
import se.lotsbok.domain.user.Role;
import se.lotsbok.report.ReportService;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.PastRegister;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;

/**
 * Gallring on a real register written over the years through the services ("today" is
 * 2026-11-25): past tallies give the same numbers after it, the personal data is gone from every
 * table, the deletion is logged without it, exempt case files are not offered, and only the
 * enhetschef may run it.
 */
class RetentionServiceTest {

    private static final LocalDate START = LocalDate.of(2016, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 11, 20);

    @TempDir
    Path temp;

    private PastRegister past;

    @AfterEach
    void close() {
        if (past != null) {
            past.chef().close();
        }
    }

    // ---- the central promise: the numbers stay

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void everyPastMonthlyAndYearlyTallyGivesTheSameNumbersAfterGallring(long seed) {
        past = PastRegister.create(TestDatabases.folder(temp), START);
        Session chef = past.chef();
        Generated generated = generate(new Random(seed), 30);
        // Born on 29 February and enrolled over the end of February 2018, when the birth day's
        // turning 18 decides the age band: the one birth day the residue keeps as it is.
        long leapDay = past.participant("Skott", "Dagsson", "20000229", "901", Gender.WOMAN, Programme.YOUTH);
        past.referred(leapDay, LocalDate.of(2017, 11, 20));
        past.enrolled(leapDay, LocalDate.of(2017, 12, 1), "Vårdnadshavare Dagsson");
        past.on(LocalDate.of(2018, 3, 1));
        signNote(leapDay, LocalDateTime.of(2018, 2, 28, 23, 59), MeetingType.HOME_VISIT, null);
        past.discharged(leapDay, LocalDate.of(2018, 5, 31));
        past.today();

        ReportService reports = chef.services().reports();
        Map<String, Tally> before = tallies(chef, reports);
        RetentionService retention = chef.services().retention();
        RetentionService.Overview overview = retention.overview(chef.actor());
        List<Long> due = overview.due().stream().map(RetentionService.DueCase::participantId).toList();
        assertThat(due).as("the register has case files due").hasSizeGreaterThanOrEqualTo(5).contains(leapDay);
        assertThat(due).as("some of them had meetings that the tallies count")
                .anyMatch(id -> generated.notes().getOrDefault(id, 0) > 0);
        assertThat(before.get("2018-02").value("enrolled_at_end_by_age_band", "16_17"))
                .hasValueSatisfying(v -> assertThat(v).isPositive());

        RetentionService.Outcome outcome = retention.delete(chef.actor(), due);

        assertThat(outcome).isEqualTo(new RetentionService.Outcome(due.size(), 0));
        assertSameNumbers(tallies(chef, reports), before, "counted from the rows kept in memory");
        try (Session fresh = past.register().login("chef")) {
            assertSameNumbers(tallies(fresh, fresh.services().reports()), before, "counted afresh");
        }
        assertThat(retention.overview(chef.actor()).due()).isEmpty();
    }

    private static void assertSameNumbers(Map<String, Tally> after, Map<String, Tally> before, String how) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((period, tally) -> assertThat(after.get(period).rows()).as(period + ", " + how)
                .containsExactlyElementsOf(tally.rows()));
    }

    private static Map<String, Tally> tallies(Session session, ReportService reports) {
        Map<String, Tally> all = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(START); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
            all.put(m.toString(), reports.month(session.actor(), m));
        }
        for (int y = START.getYear(); y <= 2026; y++) {
            all.put(Integer.toString(y), reports.year(session.actor(), Year.of(y)));
        }
        return all;
    }

    // ---- the personal data goes, the residue stays

    @Test
    void thePersonalDataIsGoneFromEveryTableAndTheResidueRemains() throws Exception {
        past = PastRegister.create(TestDatabases.folder(temp), START);
        Session chef = past.chef();
        long zeta = writeZeta();
        long other = past.closedCase("Olle", "Kvar", "20050505", "321", LocalDate.of(2024, 1, 10),
                LocalDate.of(2024, 3, 1));
        past.today();
        int meetings = 2;

        RetentionService.Outcome outcome = chef.services().retention().delete(chef.actor(), List.of(zeta, other));

        assertThat(outcome).isEqualTo(new RetentionService.Outcome(1, 1));
        String pin = Pins.twelve("20050317", "457");
        chef.close();
        try (Connection c = past.register().rawConnection()) {
            for (String secret : List.of("Zäta", "Qvist", "Gunnel", "Hemliga", "99 88 77", "gymnasiet", "fritids",
                    "Malmö", "utkast", pin, pin.substring(2))) {
                assertThat(textColumnsContaining(c, secret)).as(secret).isEmpty();
            }
            assertThat(textColumnsContaining(c, "Olle")).as("the other participant is untouched")
                    .contains("PARTICIPANT.FIRST_NAME");
            try (Statement s = c.createStatement()) {
                ResultSet row = s.executeQuery("SELECT first_name, last_name, identity_number, birth_date, gender,"
                        + " programme, phone, address, comment, anonymised_at FROM participant WHERE id = " + zeta);
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1) + row.getString(2) + row.getString(7) + row.getString(8) + row.getString(9))
                        .isEmpty();
                assertThat(row.getString(3)).isNull();
                assertThat(row.getObject(4, LocalDate.class)).isEqualTo(LocalDate.of(2005, 3, 1));
                assertThat(row.getString(5)).isEqualTo("WOMAN");
                assertThat(row.getString(6)).isEqualTo("YOUTH");
                assertThat(row.getObject(10)).isNotNull();
                assertThat(count(s, "SELECT COUNT(*) FROM journal_note WHERE participant_id = " + zeta)).isZero();
                assertThat(count(s, "SELECT COUNT(*) FROM note_draft WHERE participant_id = " + zeta)).isZero();
                assertThat(count(s, "SELECT COUNT(*) FROM follow_up WHERE participant_id = " + zeta)).isZero();
                assertThat(count(s, "SELECT COUNT(*) FROM note_word WHERE participant_id = " + zeta)).isZero();
                assertThat(count(s, "SELECT COUNT(*) FROM retention_in_progress")).isZero();
                assertThat(count(s, "SELECT COUNT(*) FROM meeting_residue WHERE participant_id = " + zeta))
                        .as("one per meeting; the correction was none").isEqualTo(meetings);
                assertThat(count(s, "SELECT COUNT(*) FROM case_event WHERE participant_id = " + zeta
                        + " AND note <> ''")).isZero();
                assertThat(count(s, "SELECT COUNT(*) FROM case_event WHERE participant_id = " + zeta
                        + " AND occupation = 'NONE' AND housing = 'PARENTS' AND substance_use = 'NO'"))
                        .as("the situation codes at enrollment and discharge stay for the outcome measures").isEqualTo(2);
                assertThat(count(s, "SELECT COUNT(*) FROM discharge_follow_up WHERE participant_id = " + zeta
                        + " AND result = 'REACHED' AND occupation = 'WORK'")).as("and the follow-up's").isEqualTo(1);
                assertThat(count(s, "SELECT COUNT(*) FROM case_event WHERE participant_id = " + zeta)).isEqualTo(5);
                assertThat(count(s, "SELECT COUNT(*) FROM consent WHERE participant_id = " + zeta)).isEqualTo(1);
                assertThat(count(s, "SELECT COUNT(*) FROM assignment WHERE participant_id = " + zeta)).isEqualTo(1);
                assertThat(count(s, "SELECT COUNT(*) FROM goal_status s JOIN goal g ON g.id = s.goal_id"
                        + " WHERE g.participant_id = " + zeta)).isEqualTo(2);
            }
        }
    }

    @Test
    void theResidueIsNoLongerInTheRegisterListOrAnySearchAndItsNumberIsFreeAgain() {
        past = PastRegister.create(TestDatabases.folder(temp), START);
        Session chef = past.chef();
        long zeta = writeZeta();
        past.today();

        chef.services().retention().delete(chef.actor(), List.of(zeta));

        assertThat(chef.services().participants().list(chef.actor())).extracting(p -> p.id()).doesNotContain(zeta);
        assertThat(chef.services().participants().open(chef.actor(), zeta)).isEmpty();
        int moves = chef.services().cases().caseFile(chef.actor(), zeta).history().all().size();
        assertThatThrownBy(() -> chef.services().cases().move(chef.actor(), zeta,
                Move.referral(PastRegister.TODAY, ReferralSource.POLICE))).isInstanceOf(RuntimeException.class);
        assertThat(chef.services().cases().caseFile(chef.actor(), zeta).history().all()).hasSize(moves);
        assertThat(chef.services().notes().search(chef.actor(), "fritidsgården", null)).isEmpty();
        assertThat(chef.services().notes().todo(chef.actor()).overdue()).isEmpty();
        assertThat(chef.services().navigators().boardToday(chef.actor()).caseloads())
                .allSatisfy(c -> assertThat(c.otherAssigned()).isEmpty());
        SaveOutcome again = chef.services().participants().create(chef.actor(), ParticipantInputs.valid()
                .name("Zäta", "Qvist").identity(Pins.dashed("20050317", "457")).build());
        assertThat(again).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(((SaveOutcome.Saved) again).participant().id()).isNotEqualTo(zeta);
    }

    @Test
    void eachDeletionIsLoggedByIdWithoutTheDeletedData() {
        past = PastRegister.create(TestDatabases.folder(temp), START);
        Session chef = past.chef();
        long zeta = writeZeta();
        past.today();

        chef.services().retention().delete(chef.actor(), List.of(zeta));

        List<AccessLogEntry> log = chef.services().accessLog().review(chef.actor(), AccessLogQuery.all());
        assertThat(log).filteredOn(e -> e.event() == AccessEvent.RETENTION_DELETED).singleElement().satisfies(e -> {
            assertThat(e.participantId()).isEqualTo(zeta);
            assertThat(e.username()).isEqualTo("chef");
            assertThat(e.at()).isEqualTo(past.clock().instant());
            assertThat(e.detail()).isEmpty();
        });
        assertThat(log).allSatisfy(e -> assertThat(e.detail()).doesNotContain("Zäta", "Qvist", "20050317"));
    }

    // ---- what is offered

    @Test
    void onlyClosedCaseFilesWhoseYearsHaveRunOutAreOfferedAndTheExemptOnesAreNot() {
        past = PastRegister.create(TestDatabases.folder(temp), START);
        Session chef = past.chef();
        long due = past.closedCase("Ada", "Due", "20040707", "111", LocalDate.of(2019, 3, 1), LocalDate.of(2019, 6, 1));
        long sample = past.closedCase("Bo", "Sample", "20040715", "112", LocalDate.of(2019, 3, 1),
                LocalDate.of(2019, 6, 1));
        long kept = past.closedCase("Cid", "Kept", "20040716", "113", LocalDate.of(2019, 3, 1), LocalDate.of(2019, 6, 1));
        long lateEntry = past.closedCase("Dan", "Late", "20040717", "114", LocalDate.of(2019, 3, 1),
                LocalDate.of(2019, 6, 1));
        past.on(LocalDate.of(2022, 2, 1));
        PastRegister.done(chef.services().cases().addPartner(chef.actor(), lateEntry, Partner.SCHOOL,
                LocalDate.of(2019, 5, 1)));
        long open = past.participant("Eva", "Open", "20040718", "115", Gender.WOMAN, Programme.YOUTH);
        past.referred(open, LocalDate.of(2018, 1, 1));
        long boundary = past.closedCase("Fia", "Edge", "20040719", "116", LocalDate.of(2021, 10, 1),
                LocalDate.of(2021, 11, 25));
        long dayAfter = past.closedCase("Gun", "Next", "20040720", "117", LocalDate.of(2021, 10, 1),
                LocalDate.of(2021, 11, 26));
        past.today();
        RetentionService retention = chef.services().retention();
        assertThat(retention.keep(chef.actor(), kept, "Placerad i familjehem: handlingarna får inte gallras")).isEmpty();

        RetentionService.Overview overview = retention.overview(chef.actor());

        assertThat(overview.due()).extracting(RetentionService.DueCase::participantId)
                .containsExactlyInAnyOrder(due, sample, boundary);
        assertThat(overview.due()).filteredOn(d -> d.participantId() == due).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("Due, Ada");
            assertThat(d.closedOn()).isEqualTo(LocalDate.of(2019, 6, 1));
            assertThat(d.lastEntry()).isEqualTo(LocalDate.of(2019, 6, 1));
            assertThat(d.deadline()).isEqualTo(LocalDate.of(2025, 12, 31));
        });
        assertThat(overview.kept()).singleElement().satisfies(k -> {
            assertThat(k.participantId()).isEqualTo(kept);
            assertThat(k.reason()).startsWith("Placerad i familjehem");
            assertThat(k.due()).isTrue();
        });
        assertThat(overview.researchSample()).isZero();
        assertThat(overview.due()).extracting(RetentionService.DueCase::participantId).doesNotContain(open, dayAfter,
                lateEntry);

        retention.saveSettings(chef.actor(), new RetentionSettings(5, true));
        RetentionService.Overview inSample = retention.overview(chef.actor());
        assertThat(inSample.due()).extracting(RetentionService.DueCase::participantId)
                .containsExactlyInAnyOrder(due, boundary);
        assertThat(inSample.researchSample()).isEqualTo(1);

        retention.saveSettings(chef.actor(), new RetentionSettings(7, true));
        assertThat(retention.overview(chef.actor()).due()).extracting(RetentionService.DueCase::participantId)
                .containsExactly(due);

        // Deleting what is not offered leaves it untouched.
        RetentionService.Outcome outcome = retention.delete(chef.actor(), List.of(due, sample, kept, open, boundary));
        assertThat(outcome).isEqualTo(new RetentionService.Outcome(1, 4));
        assertThat(chef.services().participants().list(chef.actor())).extracting(p -> p.id())
                .contains(sample, kept, open, boundary).doesNotContain(due);
    }

    @Test
    void aCaseFileWrittenInAfterTheListWasShownIsLeftAlone() {
        past = PastRegister.create(TestDatabases.folder(temp), START);
        Session chef = past.chef();
        long ada = past.closedCase("Ada", "Due", "20040707", "111", LocalDate.of(2019, 3, 1), LocalDate.of(2019, 6, 1));
        past.today();
        RetentionService retention = chef.services().retention();
        assertThat(retention.overview(chef.actor()).due()).hasSize(1);

        PastRegister.done(chef.services().cases().move(chef.actor(), ada,
                Move.referral(PastRegister.TODAY, ReferralSource.SELF_REFERRAL)));

        assertThat(retention.delete(chef.actor(), List.of(ada))).isEqualTo(new RetentionService.Outcome(0, 1));
        assertThat(chef.services().participants().open(chef.actor(), ada)).isPresent();
    }

    @Test
    void aMarkToKeepNeedsAReasonAndCanBeTakenAway() {
        past = PastRegister.create(TestDatabases.folder(temp), START);
        Session chef = past.chef();
        long ada = past.closedCase("Ada", "Due", "20040707", "111", LocalDate.of(2019, 3, 1), LocalDate.of(2019, 6, 1));
        past.today();
        RetentionService retention = chef.services().retention();

        assertThat(retention.keep(chef.actor(), ada, "  ")).get()
                .extracting(r -> r.reason()).isEqualTo("retention.refused.reasonMissing");
        assertThat(retention.keep(chef.actor(), ada, "x".repeat(201))).get()
                .extracting(r -> r.reason()).isEqualTo("retention.refused.reasonTooLong");
        assertThat(retention.keep(chef.actor(), ada, "Adoptionsutredning")).isEmpty();
        assertThat(retention.overview(chef.actor()).due()).isEmpty();

        retention.endKeep(chef.actor(), ada);

        assertThat(retention.overview(chef.actor()).due()).hasSize(1);
        assertThat(chef.services().accessLog().review(chef.actor(), AccessLogQuery.all()))
                .extracting(AccessLogEntry::event).contains(AccessEvent.RETENTION_KEPT, AccessEvent.RETENTION_KEEP_ENDED);
    }

    // ---- who may

    @Test
    void aLotsMayNotRunGallringNorChangeItsSettingsAndTheAttemptIsLogged() {
        past = PastRegister.create(TestDatabases.folder(temp), START);
        long ada = past.closedCase("Ada", "Due", "20040707", "111", LocalDate.of(2019, 3, 1), LocalDate.of(2019, 6, 1));
        past.today();
        try (Session lots = past.register().userWith("lotta", Role.NAVIGATOR)) {
            RetentionService retention = lots.services().retention();
            assertThat(retention.mayRun(lots.actor())).isFalse();
            assertThatThrownBy(() -> retention.overview(lots.actor())).isInstanceOf(AccessDenied.class)
                    .extracting(e -> ((AccessDenied) e).reason()).isEqualTo("access.refused.RUN_RETENTION");
            assertThatThrownBy(() -> retention.delete(lots.actor(), List.of(ada))).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> retention.keep(lots.actor(), ada, "skäl")).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> retention.saveSettings(lots.actor(), new RetentionSettings(6, false)))
                    .isInstanceOf(AccessDenied.class);
        }
        Session chef = past.chef();
        assertThat(chef.services().participants().open(chef.actor(), ada)).isPresent();
        assertThat(chef.services().retention().settings()).isEqualTo(RetentionSettings.DEFAULTS);
        assertThat(chef.services().accessLog().review(chef.actor(), AccessLogQuery.all()))
                .filteredOn(e -> e.event() == AccessEvent.ACCESS_REFUSED && e.username().equals("lotta"))
                .hasSize(4);
    }

    @Test
    void theAdministratorChangesTheSettingsButSeesNoCaseFiles() {
        past = PastRegister.create(TestDatabases.folder(temp), START);
        past.today();
        try (Session admin = past.register().login("admin")) {
            Session only = past.register().userWith("ada", Role.ADMINISTRATOR);
            try (only) {
                RetentionService retention = only.services().retention();
                retention.saveSettings(only.actor(), new RetentionSettings(6, true));
                assertThat(retention.settings()).isEqualTo(new RetentionSettings(6, true));
                assertThatThrownBy(() -> retention.overview(only.actor())).isInstanceOf(AccessDenied.class);
            }
            assertThat(admin.actor().username()).isEqualTo("admin");
        }
    }

    // ---- helpers

    /** A case file with a little of everything, closed in 2019: notes, a correction, a draft, goals, consents. */
    private long writeZeta() {
        Session chef = past.chef();
        past.on(LocalDate.of(2018, 9, 1));
        long sara = navigator("Sara Lind", LocalDate.of(2018, 1, 1));
        SaveOutcome saved = chef.services().participants().create(chef.actor(), ParticipantInputs.valid()
                .name("Zäta", "Qvist").identity(Pins.dashed("20050317", "457")).gender(Gender.WOMAN)
                .programme(Programme.YOUTH).phone("070-999 88 77").address("Hemliga gatan 7, Stockholm")
                .comment("Zäta tycker om fotboll").build());
        long zeta = ((SaveOutcome.Saved) saved).participant().id();
        past.referred(zeta, LocalDate.of(2018, 9, 1));
        past.enrolled(zeta, LocalDate.of(2018, 9, 10), "Gunnel Qvist");
        assertThat(chef.services().navigators().assign(chef.actor(), zeta, sara, LocalDate.of(2018, 9, 10), true))
                .isInstanceOf(NavigatorService.Assigned.class);
        PastRegister.done(chef.services().cases().addGoal(chef.actor(), zeta, Goal.LifeArea.OCCUPATION_EDUCATION,
                "Zäta ska börja på gymnasiet", Partner.SCHOOL, LocalDate.of(2019, 1, 15)));
        PastRegister.done(chef.services().cases().addPartner(chef.actor(), zeta, Partner.SCHOOL, LocalDate.of(2018, 9, 10)));
        past.on(LocalDate.of(2018, 10, 2));
        long first = signNote(zeta, LocalDateTime.of(2018, 10, 1, 14, 0), MeetingType.INDIVIDUAL, null);
        signNote(zeta, LocalDateTime.of(2018, 10, 1, 14, 0), MeetingType.INDIVIDUAL, first);
        past.on(LocalDate.of(2018, 11, 30));
        signNote(zeta, LocalDateTime.of(2018, 11, 30, 9, 0), MeetingType.NETWORK, null);
        CaseFile file = chef.services().cases().caseFile(chef.actor(), zeta);
        past.on(LocalDate.of(2019, 2, 1));
        PastRegister.done(chef.services().cases().setGoalStatus(chef.actor(), zeta, file.goals().getFirst().id(),
                Goal.Status.MET));
        assertThat(chef.services().notes().saveDraft(chef.actor(), zeta, null, new NoteContent(
                LocalDateTime.of(2019, 2, 1, 9, 0), MeetingType.PHONE, Set.of(), "", "Ett utkast om Zäta"))).isEmpty();
        past.on(LocalDate.of(2019, 3, 1));
        past.move(zeta, Move.dischargeWithFollowUp(LocalDate.of(2019, 3, 1), DischargeReason.MOVED,
                PastRegister.SITUATION));
        past.on(LocalDate.of(2019, 4, 1));
        past.move(zeta, Move.referral(LocalDate.of(2019, 4, 1), ReferralSource.RELATIVE));
        past.on(LocalDate.of(2019, 5, 2));
        past.move(zeta, new Move(CaseStatus.CONTACTED_NOT_ENROLLED, LocalDate.of(2019, 5, 2), null, null,
                ClosureReason.MOVED, null, "Zäta har flyttat till Malmö"));
        past.on(LocalDate.of(2019, 9, 2));
        long discharge = chef.services().cases().caseFile(chef.actor(), zeta).history().effective().stream()
                .filter(e -> e.status() == CaseStatus.DISCHARGED).findFirst().orElseThrow().id();
        PastRegister.done(chef.services().cases().recordFollowUp(chef.actor(), zeta, discharge,
                LocalDate.of(2019, 9, 2), DischargeFollowUp.Result.REACHED,
                new Situation(Situation.Occupation.WORK, Situation.Housing.OWN, Situation.SubstanceUse.NO)));
        return zeta;
    }

    private long signNote(long participant, LocalDateTime at, MeetingType type, Long amends) {
        Session chef = past.chef();
        var result = chef.services().notes().sign(chef.actor(), participant, amends,
                new NoteContent(at, type, EnumSet.of(Partner.SCHOOL), "Zätas mamma",
                        amends == null ? "Zäta berättade om fritidsgården." : "Rättelse: det var på fritidsgården."),
                List.of(new NoteService.NewFollowUp("Ring Zätas skola", "Sara", at.toLocalDate().plusDays(7))));
        assertThat(result).isInstanceOf(NoteService.Signed.class);
        return ((NoteService.Signed) result).note().id();
    }

    private long navigator(String name, LocalDate from) {
        NavigatorService navigators = past.chef().services().navigators();
        assertThat(navigators.createNavigator(past.chef().actor(), name, 20, from)).isEmpty();
        return navigators.navigators(past.chef().actor()).stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    /** Every text column, as TABLE.COLUMN, in which some row contains {@code text} (case ignored). */
    private static List<String> textColumnsContaining(Connection c, String text) throws Exception {
        List<String> columns = new ArrayList<>();
        // The register's schema on either engine: PUBLIC in the H2 file, lotsbok on the server.
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE UPPER(TABLE_SCHEMA) IN ('PUBLIC', 'LOTSBOK')"
                + " AND UPPER(DATA_TYPE) IN ('CHARACTER VARYING', 'CHARACTER', 'CHARACTER LARGE OBJECT')")) {
            while (r.next()) {
                columns.add(r.getString(1) + "." + r.getString(2));
            }
        }
        List<String> found = new ArrayList<>();
        for (String column : columns) {
            String[] parts = column.split("\\.");
            try (var p = c.prepareStatement("SELECT COUNT(*) FROM \"" + parts[0] + "\" WHERE LOWER(\"" + parts[1]
                    + "\") LIKE ?")) {
                p.setString(1, "%" + text.toLowerCase(java.util.Locale.ROOT) + "%");
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        found.add(column.toUpperCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return found;
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** What was generated: how many signed notes (not corrections) each participant got. */
    private record Generated(Map<Long, Integer> notes) {
    }

    /**
     * Random legal case paths through the services, each entry written on its own day (sometimes a
     * few days after the date it records): referrals, assessments, waiting lists, enrollments with
     * consents (a guardian's too), navigators, goals, partners and signed notes with corrections
     * and follow-ups, discharges, closures, annulments and re-referrals. Seeded, so a failure repeats.
     */
    private Generated generate(Random random, int participants) {
        Session chef = past.chef();
        past.on(START);
        List<Long> navigators = List.of(navigator("Sara Lind", START), navigator("Ali Berg", START));
        var cases = chef.services().cases();
        Random situations = new Random(0x5EED);
        Map<Long, Integer> notes = new HashMap<>();
        // Most cases start early enough to be due by now, some too late to be.
        int early = (int) (LocalDate.of(2020, 6, 30).toEpochDay() - START.toEpochDay());
        int late = (int) (LocalDate.of(2024, 6, 30).toEpochDay() - START.toEpochDay());
        for (int i = 0; i < participants; i++) {
            LocalDate date = START.plusDays(random.nextInt(random.nextInt(4) == 0 ? late : early));
            LocalDate born = LocalDate.of(1996, 1, 1).plusDays(random.nextInt(13 * 365));
            past.on(date);
            long id = past.participant("P" + i, "Slump" + i, born.toString().replace("-", ""),
                    Integer.toString(100 + i), Gender.values()[random.nextInt(4)], Programme.values()[random.nextInt(2)]);
            CaseStatus current = null;
            Set<Partner> partners = new HashSet<>();
            long lastNavigator = -1;
            int steps = 1 + random.nextInt(7);
            for (int s = 0; s < steps && !date.isAfter(END); s++) {
                List<CaseStatus> next = new ArrayList<>(CaseTransitions.nextFrom(java.util.Optional.ofNullable(current)));
                next.sort(null);
                CaseStatus to = next.get(random.nextInt(next.size()));
                // Written down on the day, or a few days later.
                LocalDate written = date.plusDays(random.nextInt(3));
                past.on(written.isAfter(END) ? date : written);
                Move move = switch (to) {
                    case REFERRED -> Move.referral(date, ReferralSource.values()[random.nextInt(7)]);
                    case ENROLLED -> Move.enrollment(date, situation(situations));
                    case DISCHARGED -> discharge(date, DischargeReason.values()[random.nextInt(6)], situations);
                    case CONTACTED_NOT_ENROLLED -> Move.closure(date, ClosureReason.values()[random.nextInt(5)]);
                    case ASSESSMENT, WAITING_LIST -> Move.to(to, date);
                };
                if (to == CaseStatus.ENROLLED) {
                    PastRegister.done(cases.recordConsent(chef.actor(), id, date, null, EnumSet.allOf(Partner.class),
                            List.of(new Consent.GuardianConsent("Förälder Slump" + i, date))));
                    if (random.nextBoolean()) {
                        PastRegister.done(cases.addGoal(chef.actor(), id, Goal.LifeArea.OCCUPATION_EDUCATION,
                                "Mål för P" + i, Partner.SCHOOL, date.plusDays(random.nextInt(200))));
                    }
                    Partner partner = Partner.values()[random.nextInt(3)];
                    if (partners.add(partner)) {
                        PastRegister.done(cases.addPartner(chef.actor(), id, partner, date));
                    }
                }
                CaseFile file = ((CaseResult.Done) PastRegister.done(cases.move(chef.actor(), id, move))).file();
                long navigator = navigators.get(random.nextInt(navigators.size()));
                if (to == CaseStatus.ENROLLED && navigator != lastNavigator) {
                    assertThat(chef.services().navigators().assign(chef.actor(), id, navigator, date, true))
                            .isInstanceOf(NavigatorService.Assigned.class);
                    lastNavigator = navigator;
                }
                current = to;
                if (random.nextInt(6) == 0) {
                    PastRegister.done(cases.annul(chef.actor(), id, file.history().latest().orElseThrow().id(), "fel"));
                    current = cases.caseFile(chef.actor(), id).history().current().orElse(null);
                }
                LocalDate nextDate = date.plusDays(5 + random.nextInt(150));
                if (current == CaseStatus.ENROLLED) {
                    notes.merge(id, meetings(random, id, date, nextDate), Integer::sum);
                }
                date = nextDate;
            }
            // Most cases end, as cases do.
            if (current != null && !current.closed() && !date.isAfter(END) && random.nextInt(10) < 7) {
                past.on(date);
                PastRegister.done(cases.move(chef.actor(), id, current == CaseStatus.ENROLLED
                        ? discharge(date, DischargeReason.values()[random.nextInt(6)], situations)
                        : Move.closure(date, ClosureReason.values()[random.nextInt(5)])));
            }
            followUps(id, situations);
        }
        return new Generated(notes);
    }

    /**
     * Situations and follow-ups come from a generator of their own, so that the case paths, notes
     * and dates the seed gives stay what they were before outcomes were counted.
     */
    private static Situation situation(Random situations) {
        return new Situation(Situation.Occupation.values()[situations.nextInt(5)],
                Situation.Housing.values()[situations.nextInt(6)], Situation.SubstanceUse.values()[situations.nextInt(3)]);
    }

    private static Move discharge(LocalDate date, DischargeReason reason, Random situations) {
        return situations.nextBoolean() ? Move.dischargeWithFollowUp(date, reason, situation(situations))
                : Move.discharge(date, reason, situation(situations));
    }

    /** Records, for most discharges with a follow-up agreed, what the follow-up found a month or more later. */
    private void followUps(long id, Random situations) {
        var cases = past.chef().services().cases();
        CaseFile file = cases.caseFile(past.chef().actor(), id);
        for (var discharge : FollowUpRules.pending(file.history(), file.followUps())) {
            LocalDate on = discharge.date().plusDays(30 + situations.nextInt(200));
            if (on.isAfter(END) || situations.nextInt(4) == 0) {
                continue;
            }
            past.on(on);
            DischargeFollowUp.Result result = DischargeFollowUp.Result.values()[situations.nextInt(3)];
            PastRegister.done(cases.recordFollowUp(past.chef().actor(), id, discharge.id(), on, result,
                    result == DischargeFollowUp.Result.REACHED ? situation(situations) : null));
        }
    }

    /** Signed notes of meetings between {@code from} and {@code until}, at any time of day, some corrected. */
    private int meetings(Random random, long id, LocalDate from, LocalDate until) {
        Session chef = past.chef();
        int count = random.nextInt(4);
        int signed = 0;
        for (int n = 0; n < count; n++) {
            LocalDate day = from.plusDays(random.nextInt((int) Math.max(1, until.toEpochDay() - from.toEpochDay())));
            if (day.isAfter(END)) {
                continue;
            }
            LocalDateTime at = day.atTime(random.nextInt(24), random.nextInt(60));
            past.on(day.plusDays(1));
            var note = chef.services().notes().sign(chef.actor(), id, null, new NoteContent(at,
                    MeetingType.values()[random.nextInt(MeetingType.values().length)], Set.of(), "", "Möte " + n),
                    random.nextInt(3) == 0 ? List.of(new NoteService.NewFollowUp("Ring", "", day.plusDays(3)))
                            : List.of());
            assertThat(note).isInstanceOf(NoteService.Signed.class);
            signed++;
            if (random.nextInt(4) == 0) {
                assertThat(chef.services().notes().sign(chef.actor(), id, ((NoteService.Signed) note).note().id(),
                        new NoteContent(at, MeetingType.OTHER, Set.of(), "", "Rättelse"), List.of()))
                        .isInstanceOf(NoteService.Signed.class);
            }
        }
        return signed;
    }
}
