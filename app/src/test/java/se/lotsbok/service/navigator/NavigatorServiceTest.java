package se.lotsbok.service.navigator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.navigator.Caseload;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/** Navigators, dated assignments and caseloads on a real register ("today" is 2026-11-25). */
class NavigatorServiceTest {

    private static final LocalDate TODAY = TestDatabases.TODAY;
    private static final LocalDate END_OF_OCTOBER = LocalDate.of(2026, 10, 31);
    private static final Situation SITUATION = new Situation(Situation.Occupation.NONE, Situation.Housing.PARENTS,
            Situation.SubstanceUse.NO);

    @TempDir
    Path temp;

    private TestRegister register;
    private Session chef;
    private NavigatorService service;
    private int serial = 100;

    @BeforeEach
    void register() {
        register = TestRegister.create(TestDatabases.folder(temp));
        chef = register.userWith("chef", Role.UNIT_HEAD);
        service = chef.services().navigators();
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void anAssignmentChangedOnTheLastDayOfTheMonthCountsForThatMonthsEnd() {
        long anna = navigator("Anna", LocalDate.of(2026, 1, 1));
        long bo = navigator("Bo", LocalDate.of(2026, 1, 1));
        long p = enrolled(LocalDate.of(2026, 9, 1));
        assigned(service.assign(chef.actor(), p, anna, LocalDate.of(2026, 9, 1), false));
        assigned(service.assign(chef.actor(), p, bo, END_OF_OCTOBER, false));

        List<NavigatorService.HistoryLine> history = service.history(chef.actor(), p);
        assertThat(history).extracting(NavigatorService.HistoryLine::navigator).containsExactly("Bo", "Anna");
        assertThat(service.navigatorOn(chef.actor(), p, END_OF_OCTOBER.minusDays(1))).contains(anna);
        assertThat(service.navigatorOn(chef.actor(), p, END_OF_OCTOBER)).contains(bo);
        assertThat(service.caseloadOn(chef.actor(), anna, END_OF_OCTOBER.minusDays(1))).isEqualTo(1);
        assertThat(service.caseloadOn(chef.actor(), anna, END_OF_OCTOBER)).isZero();
        assertThat(service.caseloadOn(chef.actor(), bo, END_OF_OCTOBER)).isEqualTo(1);
        assertThat(service.caseloadOn(chef.actor(), bo, LocalDate.of(2026, 8, 31))).isZero();
        assertThat(caseloadOf("Bo")).extracting(Caseload.Member::participantId).containsExactly(p);
        assertThat(caseloadOf("Anna")).isEmpty();
    }

    @Test
    void reassignedTwiceOnOneDayTheLastRecordedCounts() {
        long anna = navigator("Anna", LocalDate.of(2026, 1, 1));
        long bo = navigator("Bo", LocalDate.of(2026, 1, 1));
        long cia = navigator("Cia", LocalDate.of(2026, 1, 1));
        long p = enrolled(LocalDate.of(2026, 9, 1));
        assigned(service.assign(chef.actor(), p, anna, TODAY, false));
        assigned(service.assign(chef.actor(), p, bo, TODAY, false));
        assigned(service.assign(chef.actor(), p, cia, TODAY, false));
        assertThat(caseloadOf("Cia")).hasSize(1);
        assertThat(caseloadOf("Anna")).isEmpty();
        assertThat(caseloadOf("Bo")).isEmpty();
        assertThat(service.history(chef.actor(), p)).hasSize(3);
    }

    @Test
    void anInactiveNavigatorKeepsTheirHistoryButTakesNoNewParticipants() {
        long anna = navigator("Anna", LocalDate.of(2026, 1, 1));
        long p = enrolled(LocalDate.of(2026, 9, 1));
        assigned(service.assign(chef.actor(), p, anna, LocalDate.of(2026, 9, 1), false));
        assertThat(service.setActive(chef.actor(), anna, false, LocalDate.of(2026, 11, 1))).isEmpty();

        long q = enrolled(LocalDate.of(2026, 9, 2));
        assertThat(service.assign(chef.actor(), q, anna, TODAY, false))
                .isEqualTo(new NavigatorService.Refused(new Refusal("assignment.refused.inactive", "Anna")));
        Caseload board = service.board(chef.actor()).stream().filter(c -> c.navigator().name().equals("Anna"))
                .findFirst().orElseThrow();
        assertThat(board.active()).isFalse();
        assertThat(board.enrolled()).hasSize(1);
        assertThat(service.history(chef.actor(), p)).extracting(NavigatorService.HistoryLine::navigator)
                .containsExactly("Anna");
    }

    @Test
    void assigningBeyondTheCapNeedsConfirmationAndThenShowsOverCap() {
        long anna = navigator("Anna", LocalDate.of(2026, 1, 1));
        assertThat(service.updateNavigator(chef.actor(), anna, "Anna", 2)).isEmpty();
        for (int i = 0; i < 2; i++) {
            assigned(service.assign(chef.actor(), enrolled(LocalDate.of(2026, 9, 1)), anna, TODAY, false));
        }
        long third = enrolled(LocalDate.of(2026, 9, 1));
        assertThat(service.assign(chef.actor(), third, anna, TODAY, false))
                .isEqualTo(new NavigatorService.NeedsConfirmation("Anna", 2, 2));
        assertThat(caseloadOf("Anna")).hasSize(2);

        assigned(service.assign(chef.actor(), third, anna, TODAY, true));
        Caseload caseload = service.board(chef.actor()).getFirst();
        assertThat(caseload.count()).isEqualTo(3);
        assertThat(caseload.overCap()).isTrue();
    }

    @Test
    void theCapCountsEnrolledParticipantsOnly() {
        long anna = navigator("Anna", LocalDate.of(2026, 1, 1));
        service.updateNavigator(chef.actor(), anna, "Anna", 1);
        long assessing = referred(LocalDate.of(2026, 11, 1));
        assigned(service.assign(chef.actor(), assessing, anna, TODAY, false));
        assigned(service.assign(chef.actor(), enrolled(LocalDate.of(2026, 9, 1)), anna, TODAY, false));
        Caseload caseload = service.board(chef.actor()).getFirst();
        assertThat(caseload.count()).isEqualTo(1);
        assertThat(caseload.otherAssigned()).hasSize(1);
    }

    @Test
    void theWaitingListIsOrderedByWaitingSinceAndAssigningFromItEnrolls() {
        long anna = navigator("Anna", LocalDate.of(2026, 1, 1));
        long later = waiting(LocalDate.of(2026, 11, 20));
        long longest = waiting(LocalDate.of(2026, 10, 5));
        assertThat(service.waitingList(chef.actor())).extracting(NavigatorService.WaitingEntry::participantId,
                NavigatorService.WaitingEntry::daysWaited).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(longest, 51L), org.assertj.core.groups.Tuple.tuple(later, 5L));

        assertThat(service.enrollFromWaitingList(chef.actor(), later, anna, TODAY, SITUATION, false))
                .isEqualTo(new NavigatorService.Refused(new Refusal("consent.refused.missing")));
        assertThat(service.history(chef.actor(), later)).isEmpty();

        consent(longest, LocalDate.of(2026, 10, 1));
        assigned(service.enrollFromWaitingList(chef.actor(), longest, anna, TODAY, SITUATION, false));
        assertThat(service.waitingList(chef.actor())).extracting(NavigatorService.WaitingEntry::participantId)
                .containsExactly(later);
        var file = chef.services().cases().caseFile(chef.actor(), longest);
        assertThat(file.history().current()).contains(CaseStatus.ENROLLED);
        assertThat(file.history().latest().orElseThrow().date()).isEqualTo(TODAY);
        assertThat(caseloadOf("Anna")).extracting(Caseload.Member::participantId).containsExactly(longest);
    }

    @Test
    void aLotsWritesForTheirOwnParticipantsAndSeesThemAsMine() {
        long anna = navigator("Anna", LocalDate.of(2026, 1, 1));
        long mine = enrolled(LocalDate.of(2026, 9, 1));
        long theirs = enrolled(LocalDate.of(2026, 9, 1));
        assigned(service.assign(chef.actor(), mine, anna, TODAY, false));
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().users().create(admin.actor(), "anna", "Anna", Set.of(Role.NAVIGATOR), anna,
                    TestRegister.PASSWORD.toCharArray(), TestRegister.PASSWORD.toCharArray());
        }
        try (Session lots = register.login("anna")) {
            assertThat(lots.actor().navigatorId()).isEqualTo(anna);
            assertThat(lots.services().navigators().myParticipants(lots.actor())).containsExactly(mine);
            assertThat(lots.services().cases().addPartner(lots.actor(), mine, Partner.SCHOOL, TODAY))
                    .isInstanceOf(CaseResult.Done.class);
            assertThat(lots.services().cases().addPartner(lots.actor(), theirs, Partner.SCHOOL, TODAY))
                    .isEqualTo(new CaseResult.Refused(new Refusal("access.refused.notOwn")));
            assertThat(lots.services().navigators().assign(lots.actor(), theirs, anna, TODAY, false))
                    .isEqualTo(new NavigatorService.Refused(new Refusal("access.refused.notOwn")));
        }
    }

    @Test
    void aLinkedUserIsTheSameNavigatorButTheRecordsStaySeparate() {
        long anna = navigator("Anna Lind", LocalDate.of(2026, 1, 1));
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().users().create(admin.actor(), "anna", "A. Lind", Set.of(Role.NAVIGATOR), anna,
                    TestRegister.PASSWORD.toCharArray(), TestRegister.PASSWORD.toCharArray());
            UserAccount user = admin.services().users().list(admin.actor()).stream()
                    .filter(u -> u.username().equals("anna")).findFirst().orElseThrow();
            admin.services().users().deactivate(admin.actor(), user.id());
        }
        Navigator navigator = service.navigators(chef.actor()).getFirst();
        assertThat(navigator.name()).isEqualTo("Anna Lind");
        assertThat(navigator.activeOn(TODAY)).isTrue();
    }

    private List<Caseload.Member> caseloadOf(String name) {
        return service.board(chef.actor()).stream().filter(c -> c.navigator().name().equals(name))
                .findFirst().map(Caseload::enrolled).orElse(List.of());
    }

    private long navigator(String name, LocalDate from) {
        assertThat(service.createNavigator(chef.actor(), name, null, from)).isEmpty();
        return service.navigators(chef.actor()).stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow().id();
    }

    private long participant() {
        ParticipantInput input = ParticipantInputs.valid().name("P" + serial, "Test")
                .identity(Pins.dashed("19990101", Integer.toString(serial++))).build();
        return ((SaveOutcome.Saved) chef.services().participants().create(chef.actor(), input)).participant().id();
    }

    private long referred(LocalDate date) {
        long id = participant();
        done(chef.services().cases().move(chef.actor(), id, Move.referral(date, ReferralSource.POLICE)));
        return id;
    }

    private long waiting(LocalDate date) {
        long id = referred(date.minusDays(1));
        done(chef.services().cases().move(chef.actor(), id, Move.to(CaseStatus.WAITING_LIST, date)));
        return id;
    }

    private long enrolled(LocalDate date) {
        long id = referred(date.minusDays(1));
        consent(id, date.minusDays(1));
        done(chef.services().cases().move(chef.actor(), id, Move.enrollment(date, SITUATION)));
        return id;
    }

    private void consent(long id, LocalDate date) {
        done(chef.services().cases().recordConsent(chef.actor(), id, date, null, EnumSet.of(Partner.POLICE), List.of()));
    }

    private static void done(CaseResult result) {
        assertThat(result).isInstanceOf(CaseResult.Done.class);
    }

    private static void assigned(NavigatorService.AssignResult result) {
        assertThat(result).isEqualTo(new NavigatorService.Assigned());
    }
}
