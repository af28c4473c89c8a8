package se.lotsbok.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.report.Codes;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.user.Role;
import se.lotsbok.report.combine.TallyFile;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/** Tallies, the dashboard and exports on a real register file ("today" is 2026-11-25). */
class ReportServiceTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Situation SITUATION = new Situation(Situation.Occupation.NONE, Situation.Housing.PARENTS,
            Situation.SubstanceUse.NO);

    @TempDir
    Path temp;

    private TestRegister register;
    private Session chef;
    private ReportService reports;
    private int serial = 100;

    @BeforeEach
    void register() {
        register = TestRegister.create(TestDatabases.folder(temp));
        chef = register.userWith("chef", Role.UNIT_HEAD);
        reports = chef.services().reports();
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void theMonthIsCountedFromTheRegistersDatedRowsWithItsBoundaryDays() {
        long sara = navigator("Sara Lind");
        long lastDay = enrolled(LocalDate.of(2026, 10, 31));
        assign(lastDay, sara, LocalDate.of(2026, 10, 31));
        long leftLastDay = enrolled(LocalDate.of(2026, 9, 1));
        done(move(leftLastDay, Move.discharge(LocalDate.of(2026, 10, 31), DischargeReason.MOVED, SITUATION)));
        referred(LocalDate.of(2026, 10, 1));
        referred(LocalDate.of(2026, 11, 1));
        long closed = referred(LocalDate.of(2026, 9, 30));
        done(move(closed, Move.closure(LocalDate.of(2026, 10, 15), ClosureReason.NOT_MOTIVATED)));

        Tally october = reports.month(chef.actor(), OCTOBER);

        assertThat(october.total("enrolled_at_end")).isEqualTo(1);
        assertThat(october.total("enrolled_during")).isEqualTo(2);
        assertThat(october.total("new_enrollments")).isEqualTo(1);
        assertThat(october.total("discharges")).isEqualTo(1);
        assertThat(october.value("discharges_by_reason", "flyttat")).contains(1L);
        // Referred on 1 October, and on 30 October (the day before the enrollment on the 31st).
        assertThat(october.total("referrals")).isEqualTo(2);
        assertThat(october.value("referrals_by_source", "polis")).contains(2L);
        assertThat(october.total("contacted_not_enrolled")).isEqualTo(1);
        assertThat(october.value("caseload_at_end", "Sara Lind")).contains(1L);
        assertThat(reports.month(chef.actor(), OCTOBER)).isEqualTo(october);
    }

    @Test
    void meetingsAreTheMonthsSignedNotesWithCorrectionsLeftOut() {
        long anna = enrolled(LocalDate.of(2026, 9, 1));
        long first = signed(anna, null, LocalDateTime.of(2026, 10, 1, 0, 0), MeetingType.NETWORK);
        signed(anna, first, LocalDateTime.of(2026, 10, 1, 0, 0), MeetingType.NETWORK);
        signed(anna, null, LocalDateTime.of(2026, 10, 31, 23, 59), MeetingType.PHONE);
        signed(anna, null, LocalDateTime.of(2026, 11, 1, 0, 0), MeetingType.PHONE);
        signed(anna, null, LocalDateTime.of(2026, 9, 30, 23, 59), MeetingType.PHONE);

        Tally october = reports.month(chef.actor(), OCTOBER);

        assertThat(october.total("meetings")).isEqualTo(2);
        assertThat(october.value("meetings_by_type", Codes.of(MeetingType.NETWORK))).contains(1L);
        assertThat(october.value("meetings_by_type", Codes.of(MeetingType.PHONE))).contains(1L);
    }

    @Test
    void theYearlySummaryCountsEnrolledAndContactedPeopleOfTheYear() {
        enrolled(LocalDate.of(2025, 12, 1));
        long closed = referred(LocalDate.of(2026, 2, 1));
        done(move(closed, Move.closure(LocalDate.of(2026, 2, 20), ClosureReason.MOVED)));
        referred(LocalDate.of(2026, 3, 1));

        Tally year = reports.year(chef.actor(), Year.of(2026));

        assertThat(year.total("enrolled")).isEqualTo(1);
        assertThat(year.total("contacted_not_enrolled")).isEqualTo(1);
        assertThat(year.total("total")).isEqualTo(2);
        assertThat(year.period()).isEqualTo("2026");
    }

    @Test
    void aJsonExportCarriesTheUnitsNameAndIsSignedWithTheKeyInfoShows() throws Exception {
        try (Session admin = register.login(TestRegister.ADMIN)) {
            assertThat(admin.services().settings().rename(admin.actor(), "  Farsta SIG ")).isEmpty();
            assertThat(admin.services().settings().load().unitName()).isEqualTo("Farsta SIG");
        }
        enrolled(LocalDate.of(2026, 3, 1));
        Path file = temp.resolve("2026.json");

        reports.export(chef.actor(), reports.year(chef.actor(), Year.of(2026)), TallyHeader.Kind.YEAR, TallyFormat.JSON,
                ExportOptions.DEFAULTS, file);

        TallyFile read = TallyFile.read("2026.json", Files.readAllBytes(file));
        String fingerprint = chef.services().maintenance().info(chef.actor()).fingerprint();
        assertThat(read.unit()).isEqualTo("Farsta SIG");
        assertThat(read.value("enrolled", "total")).contains(1L);
        assertThat(read.fingerprint()).contains(fingerprint);
        assertThat(chef.services().settings().signingFingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void renamingTheUnitIsTheAdministratorsAndKeepsTheOtherSettings() {
        assertThatThrownBy(() -> chef.services().settings().rename(chef.actor(), "Farsta")).isInstanceOf(AccessDenied.class);
        try (Session admin = register.login(TestRegister.ADMIN)) {
            var before = admin.services().settings().load();
            assertThat(admin.services().settings().rename(admin.actor(), "x".repeat(201))).isPresent();
            assertThat(admin.services().settings().rename(admin.actor(), "Skarpnäck")).isEmpty();
            var after = admin.services().settings().load();
            assertThat(after.unitName()).isEqualTo("Skarpnäck");
            assertThat(after.caseloadCap()).isEqualTo(before.caseloadCap());
            assertThat(after.youthBand()).isEqualTo(before.youthBand());
        }
    }

    @Test
    void aCityCoordinatorCompilesButReadsNothingOfTheRegister() {
        try (Session city = register.userWith("stad", Role.CITY_COORDINATOR)) {
            assertThat(city.actor().roles()).containsExactly(Role.CITY_COORDINATOR);
            assertThat(se.lotsbok.domain.access.AccessPolicy.decide(city.actor(),
                    se.lotsbok.domain.access.Action.COMBINE_TALLIES).allowed()).isTrue();
            assertThatThrownBy(() -> city.services().reports().year(city.actor(), Year.of(2026)))
                    .isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> city.services().participants().list(city.actor()))
                    .isInstanceOf(AccessDenied.class);
        }
    }

    @Test
    void aMonthChangedInHindsightIsFlaggedAgainstItsLastExport() throws Exception {
        long anna = enrolled(LocalDate.of(2026, 9, 1));
        assertThat(reports.dashboard(chef.actor(), OCTOBER, p -> { }).state())
                .isEqualTo(ReportService.ExportState.NEVER_EXPORTED);

        Path file = temp.resolve("oktober.json");
        reports.export(chef.actor(), reports.month(chef.actor(), OCTOBER), TallyHeader.Kind.MONTH, TallyFormat.JSON,
                ExportOptions.DEFAULTS, file);
        assertThat(Files.readString(file)).contains("\"period\" : \"2026-10\"");
        ReportService.Dashboard exported = reports.dashboard(chef.actor(), OCTOBER, p -> { });
        assertThat(exported.state()).isEqualTo(ReportService.ExportState.UNCHANGED);
        assertThat(exported.lastExportAt()).contains(TestDatabases.CLOCK.instant());

        // A discharge dated in October, recorded in November: October's numbers change.
        done(move(anna, Move.discharge(LocalDate.of(2026, 10, 20), DischargeReason.MOVED, SITUATION)));

        ReportService.Dashboard after = reports.dashboard(chef.actor(), OCTOBER, p -> { });
        assertThat(after.state()).isEqualTo(ReportService.ExportState.CHANGED);
        assertThat(after.trend()).hasSize(12);
        assertThat(after.trend().getLast().month()).isEqualTo(OCTOBER);
        assertThat(after.trend().getLast().state()).isEqualTo(ReportService.ExportState.CHANGED);
        assertThat(after.trend().get(10).state()).isEqualTo(ReportService.ExportState.NEVER_EXPORTED);
        assertThat(after.trend().get(10).enrolledAtEnd()).isEqualTo(1);
        assertThat(after.trend().getLast().discharges()).isEqualTo(1);
    }

    @Test
    void theDashboardReportsProgressAndCaseloadsAgainstTheirCaps() {
        long sara = navigator("Sara Lind");
        for (int i = 0; i < 3; i++) {
            assign(enrolled(LocalDate.of(2026, 9, 1 + i)), sara, LocalDate.of(2026, 9, 10));
        }
        List<Double> progress = new ArrayList<>();

        ReportService.Dashboard dashboard = reports.dashboard(chef.actor(), OCTOBER, progress::add);

        assertThat(progress.getFirst()).isZero();
        assertThat(progress.getLast()).isEqualTo(1.0);
        assertThat(progress).isSorted();
        assertThat(dashboard.loads()).containsExactly(new ReportService.NavigatorLoad("Sara Lind", 3, 7));
        assertThat(dashboard.years()).extracting(Tally::period).containsExactly("2026", "2025", "2024");
    }

    @Test
    void exportsAndRunsAreLoggedAndTheParticipantListHoldsNamesAndNumbers() throws Exception {
        long id = participant("=Anna", "Ek");
        Path list = temp.resolve("deltagare.csv");

        int rows = reports.exportParticipantList(chef.actor(), list, ExportOptions.DEFAULTS);

        assertThat(rows).isEqualTo(1);
        String csv = Files.readString(list, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFinnehåll;personnummer;förnamn;efternamn;födelsedatum;kön;program\r\n");
        assertThat(csv.lines().skip(1)).singleElement().asString()
                .startsWith("Personuppgifter – sekretess (OSL 26 kap.);").contains(";'=Anna;Ek;");
        reports.month(chef.actor(), OCTOBER);
        List<AccessEvent> events = chef.services().accessLog().review(chef.actor(), AccessLogQuery.all()).stream()
                .map(AccessLogEntry::event).toList();
        assertThat(events).contains(AccessEvent.EXPORT, AccessEvent.REPORT_RUN);
        assertThat(id).isPositive();
    }

    @Test
    void aNavigatorRunsNoTalliesAndExportsNothing() {
        try (Session lots = register.userWith("lots", Role.NAVIGATOR)) {
            assertThatThrownBy(() -> lots.services().reports().month(lots.actor(), OCTOBER))
                    .isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> lots.services().reports().exportParticipantList(lots.actor(),
                    temp.resolve("x.csv"), ExportOptions.DEFAULTS)).isInstanceOf(AccessDenied.class);
            assertThat(temp.resolve("x.csv")).doesNotExist();
        }
    }

    private long signed(long participant, Long amends, LocalDateTime at, MeetingType type) {
        var result = chef.services().notes().sign(chef.actor(), participant, amends,
                new NoteContent(at, type, Set.of(), "", "Möte."), List.of());
        return ((NoteService.Signed) result).note().id();
    }

    private long navigator(String name) {
        NavigatorService navigators = chef.services().navigators();
        assertThat(navigators.createNavigator(chef.actor(), name, null, LocalDate.of(2026, 1, 1))).isEmpty();
        return navigators.navigators(chef.actor()).stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    private void assign(long participant, long navigator, LocalDate date) {
        assertThat(chef.services().navigators().assign(chef.actor(), participant, navigator, date, true))
                .isEqualTo(new NavigatorService.Assigned());
    }

    private long participant(String first, String last) {
        ParticipantInput input = ParticipantInputs.valid().name(first, last)
                .identity(Pins.dashed("19990101", Integer.toString(serial++))).build();
        return ((SaveOutcome.Saved) chef.services().participants().create(chef.actor(), input)).participant().id();
    }

    private long referred(LocalDate date) {
        long id = participant("P" + serial, "Test");
        done(move(id, Move.referral(date, ReferralSource.POLICE)));
        return id;
    }

    private long enrolled(LocalDate date) {
        long id = referred(date.minusDays(1));
        done(chef.services().cases().recordConsent(chef.actor(), id, date.minusDays(1), null,
                EnumSet.of(Partner.POLICE), List.of()));
        done(move(id, Move.enrollment(date, SITUATION)));
        return id;
    }

    private CaseResult move(long id, Move move) {
        return chef.services().cases().move(chef.actor(), id, move);
    }

    private static void done(CaseResult result) {
        assertThat(result).isInstanceOf(CaseResult.Done.class);
    }
}
