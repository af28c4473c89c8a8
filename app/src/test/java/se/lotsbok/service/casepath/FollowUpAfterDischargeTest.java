package se.lotsbok.service.casepath;

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
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.report.OutcomeOrder;
import se.lotsbok.domain.report.OutcomeSettings;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The follow-up after discharge on a real register ("today" is Wednesday 2026-11-25): due the set
 * months after a discharge the participant agreed to, in the Att göra of the lots they had then,
 * recorded once with the situation or the reason there is none.
 */
class FollowUpAfterDischargeTest {

    private static final LocalDate TODAY = TestDatabases.TODAY;
    private static final Situation SITUATION = new Situation(Situation.Occupation.NONE, Situation.Housing.PARENTS,
            Situation.SubstanceUse.YES);

    @TempDir
    Path temp;

    private TestRegister register;
    private Session chef;
    private CaseService cases;
    private long sara;
    private long ali;
    private int serial = 300;

    @BeforeEach
    void register() {
        register = TestRegister.create(TestDatabases.folder(temp));
        chef = register.userWith("chef", Role.UNIT_HEAD);
        cases = chef.services().cases();
        sara = navigator("Sara Lind");
        ali = navigator("Ali Berg");
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void aDischargeWithAFollowUpAgreedIsDueTheSetMonthsLaterAndOneWithoutIsNot() {
        long agreed = discharged(sara, LocalDate.of(2026, 5, 31), true);
        long not = discharged(sara, LocalDate.of(2026, 5, 31), false);
        chef.services().settings().saveOutcome(chef.actor(), new OutcomeSettings(12, OutcomeOrder.DEFAULT));
        long later = discharged(sara, LocalDate.of(2026, 6, 1), true);

        assertThat(discharge(agreed).followUpDue()).as("31 May + 6 months").isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(discharge(not).followUpDue()).isNull();
        assertThat(discharge(later).followUpDue()).as("set to 12 months since").isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(discharge(agreed).followUpDue()).as("a discharge keeps the due day it got")
                .isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void theFollowUpIsInTheAttGoraOfTheLotsAtTheDischargeUntilItIsRecorded() {
        long overdue = discharged(sara, LocalDate.of(2026, 5, 20), true);
        long thisWeek = discharged(sara, LocalDate.of(2026, 5, 27), true);
        long later = discharged(sara, LocalDate.of(2026, 6, 15), true);
        long alis = discharged(ali, LocalDate.of(2026, 5, 20), true);
        // Sara's participant was given to Ali after the discharge: the follow-up stays Sara's.
        assertThat(chef.services().navigators().assign(chef.actor(), later, ali, LocalDate.of(2026, 7, 1), true))
                .isInstanceOf(NavigatorService.Assigned.class);

        try (Session lots = lotsFor(sara, "sara")) {
            NoteService.Todo todo = lots.services().notes().todo(lots.actor());

            assertThat(followUps(todo.overdue())).extracting(NoteService.TodoItem::participantId).containsExactly(overdue);
            assertThat(followUps(todo.overdue())).singleElement().satisfies(item -> {
                assertThat(item.date()).isEqualTo(LocalDate.of(2026, 11, 20));
                assertThat(item.what()).isEqualTo("2026-05-20");
            });
            assertThat(followUps(todo.thisWeek())).extracting(NoteService.TodoItem::participantId).containsExactly(thisWeek);
            assertThat(followUps(todo.later())).extracting(NoteService.TodoItem::participantId).containsExactly(later);

            long event = followUps(todo.overdue()).getFirst().refId();
            assertThat(lots.services().cases().recordFollowUp(lots.actor(), overdue, event, TODAY,
                    DischargeFollowUp.Result.NOT_REACHED, null)).isInstanceOf(CaseResult.Done.class);
            assertThat(followUps(lots.services().notes().todo(lots.actor()).overdue())).isEmpty();
        }
        try (Session lots = lotsFor(ali, "ali")) {
            assertThat(followUps(lots.services().notes().todo(lots.actor()).overdue()))
                    .extracting(NoteService.TodoItem::participantId).containsExactly(alis);
        }
        assertThat(followUps(chef.services().notes().todo(chef.actor()).overdue()))
                .as("the enhetschef, linked to no navigator, sees every follow-up")
                .extracting(NoteService.TodoItem::participantId).containsExactly(alis);
    }

    @Test
    void anAnnulledDischargeHasNoFollowUp() {
        long id = discharged(sara, LocalDate.of(2026, 5, 20), true);
        CaseEvent discharge = discharge(id);

        assertThat(cases.annul(chef.actor(), id, discharge.id(), "Fel dag")).isInstanceOf(CaseResult.Done.class);

        assertThat(followUps(chef.services().notes().todo(chef.actor()).overdue())).isEmpty();
        assertThat(cases.recordFollowUp(chef.actor(), id, discharge.id(), TODAY, DischargeFollowUp.Result.DECLINED,
                null)).isEqualTo(refused("followup.refused.notAgreed"));
    }

    @Test
    void aFollowUpThatDoesNotFitIsRefusedAndNothingIsWritten() {
        long id = discharged(sara, LocalDate.of(2026, 5, 20), true);
        long without = discharged(sara, LocalDate.of(2026, 5, 20), false);
        long event = discharge(id).id();

        assertThat(cases.recordFollowUp(chef.actor(), without, discharge(without).id(), TODAY,
                DischargeFollowUp.Result.DECLINED, null)).isEqualTo(refused("followup.refused.notAgreed"));
        assertThat(cases.recordFollowUp(chef.actor(), id, event, LocalDate.of(2026, 5, 19),
                DischargeFollowUp.Result.DECLINED, null))
                .isEqualTo(refused("followup.refused.beforeDischarge", LocalDate.of(2026, 5, 20)));
        assertThat(cases.recordFollowUp(chef.actor(), id, event, TODAY.plusDays(1), DischargeFollowUp.Result.DECLINED,
                null)).isEqualTo(refused("case.refused.future", TODAY.plusDays(1)));
        assertThat(cases.recordFollowUp(chef.actor(), id, event, TODAY, DischargeFollowUp.Result.REACHED, null))
                .isEqualTo(refused("followup.refused.situation"));
        assertThat(cases.recordFollowUp(chef.actor(), id, event, TODAY, DischargeFollowUp.Result.NOT_REACHED,
                SITUATION)).isEqualTo(refused("followup.refused.situationNotReached"));
        assertThat(cases.recordFollowUp(chef.actor(), id, event, null, null, null))
                .isEqualTo(refused("followup.refused.missing"));
        assertThat(cases.caseFile(chef.actor(), id).followUps()).isEmpty();

        assertThat(cases.recordFollowUp(chef.actor(), id, event, TODAY, DischargeFollowUp.Result.REACHED, SITUATION))
                .isInstanceOf(CaseResult.Done.class);
        assertThat(cases.recordFollowUp(chef.actor(), id, event, TODAY, DischargeFollowUp.Result.DECLINED, null))
                .isEqualTo(refused("followup.refused.already"));
        assertThat(cases.caseFile(chef.actor(), id).followUps()).singleElement()
                .satisfies(f -> assertThat(f.result()).isEqualTo(DischargeFollowUp.Result.REACHED));
    }

    @Test
    void onlyTheLotsOfTheParticipantOrTheEnhetschefRecordsIt() {
        long saras = discharged(sara, LocalDate.of(2026, 5, 20), true);

        try (Session lots = lotsFor(ali, "ali")) {
            assertThat(lots.services().cases().recordFollowUp(lots.actor(), saras, discharge(saras).id(), TODAY,
                    DischargeFollowUp.Result.DECLINED, null)).isInstanceOf(CaseResult.Refused.class);
        }
        assertThat(cases.caseFile(chef.actor(), saras).followUps()).isEmpty();
    }

    @Test
    void theOutcomeSettingsAreTheEnhetschefsOrTheAdministratorsToChange() {
        try (Session lots = lotsFor(sara, "sara")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lots.services().settings().saveOutcome(
                    lots.actor(), new OutcomeSettings(3, OutcomeOrder.DEFAULT))).isInstanceOf(AccessDenied.class);
        }
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().settings().saveOutcome(admin.actor(), new OutcomeSettings(9, OutcomeOrder.DEFAULT));
        }
        assertThat(chef.services().settings().loadOutcome().followUpMonths()).isEqualTo(9);
    }

    // ---- helpers

    private static List<NoteService.TodoItem> followUps(List<NoteService.TodoItem> items) {
        return items.stream().filter(i -> i.kind() == NoteService.TodoItem.Kind.DISCHARGE_FOLLOW_UP).toList();
    }

    private static CaseResult refused(String reason, Object... args) {
        return new CaseResult.Refused(new Refusal(reason, args));
    }

    private CaseEvent discharge(long id) {
        return cases.caseFile(chef.actor(), id).history().effective().getLast();
    }

    /** Referred, consented and enrolled on 1 March 2026 with {@code navigator}, discharged on {@code date}. */
    private long discharged(long navigator, LocalDate date, boolean followUp) {
        SaveOutcome saved = chef.services().participants().create(chef.actor(), ParticipantInputs.valid()
                .name("Deltagare", "Nr" + serial).identity(Pins.dashed("20000101", Integer.toString(serial++))).build());
        long id = ((SaveOutcome.Saved) saved).participant().id();
        LocalDate enrolled = LocalDate.of(2026, 3, 1);
        done(cases.move(chef.actor(), id, Move.referral(enrolled.minusDays(5), ReferralSource.SCHOOL)));
        done(cases.recordConsent(chef.actor(), id, enrolled, null, EnumSet.of(Partner.SCHOOL), List.of()));
        done(cases.move(chef.actor(), id, Move.enrollment(enrolled, SITUATION)));
        assertThat(chef.services().navigators().assign(chef.actor(), id, navigator, enrolled, true))
                .isInstanceOf(NavigatorService.Assigned.class);
        done(cases.move(chef.actor(), id, followUp ? Move.dischargeWithFollowUp(date, DischargeReason.PLANNED_GOALS_MET,
                SITUATION) : Move.discharge(date, DischargeReason.PLANNED_GOALS_MET, SITUATION)));
        return id;
    }

    private long navigator(String name) {
        assertThat(chef.services().navigators().createNavigator(chef.actor(), name, null, LocalDate.of(2026, 1, 1)))
                .isEmpty();
        return chef.services().navigators().navigators(chef.actor()).stream().filter(n -> n.name().equals(name))
                .findFirst().orElseThrow().id();
    }

    /** A lots user linked to {@code navigator}, logged in. */
    private Session lotsFor(long navigator, String username) {
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().users().create(admin.actor(), username, username, Set.of(Role.NAVIGATOR), navigator,
                    TestRegister.PASSWORD.toCharArray(), TestRegister.PASSWORD.toCharArray());
        }
        Session session = register.login(username);
        session.changePassword(TestRegister.PASSWORD.toCharArray(), TestRegister.PASSWORD.toCharArray(),
                TestRegister.PASSWORD.toCharArray());
        return session;
    }

    private static void done(CaseResult result) {
        assertThat(result).isInstanceOf(CaseResult.Done.class);
    }
}
