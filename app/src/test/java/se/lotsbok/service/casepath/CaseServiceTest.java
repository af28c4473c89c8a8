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
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.ConsentRules;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/** The case path on a real, encrypted register: dated rows, the consent gate, corrections in the open. */
class CaseServiceTest {

    private static final LocalDate TODAY = TestDatabases.TODAY;
    private static final Situation AT_START = new Situation(Situation.Occupation.NONE, Situation.Housing.PARENTS,
            Situation.SubstanceUse.YES);
    private static final Situation AT_END = new Situation(Situation.Occupation.STUDIES, Situation.Housing.PARENTS,
            Situation.SubstanceUse.NO);

    @TempDir
    Path temp;

    private TestRegister register;
    private Session chef;
    private CaseService cases;
    private long adult;
    private long minor;

    @BeforeEach
    void register() {
        register = TestRegister.create(TestDatabases.folder(temp));
        chef = register.userWith("chef", Role.UNIT_HEAD);
        cases = chef.services().cases();
        adult = create("Vuxen", Pins.dashed("20000101", "123"));
        // turns 18 on 2026-12-10, fifteen days after "today"
        minor = create("Ung", Pins.dashed("20081210", "456"));
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void theWholePathFromReferralToDischargeIsRecordedAsDatedRows() {
        done(cases.move(chef.actor(), adult, Move.referral(TODAY.minusDays(60), ReferralSource.POLICE)));
        done(cases.move(chef.actor(), adult, Move.to(CaseStatus.ASSESSMENT, TODAY.minusDays(50))));
        done(cases.move(chef.actor(), adult, Move.to(CaseStatus.WAITING_LIST, TODAY.minusDays(40))));
        consent(adult, TODAY.minusDays(35));
        done(cases.move(chef.actor(), adult, Move.enrollment(TODAY.minusDays(30), AT_START)));
        CaseFile file = done(cases.move(chef.actor(), adult,
                Move.discharge(TODAY, DischargeReason.PLANNED_GOALS_MET, AT_END)));

        assertThat(file.history().effective()).extracting(CaseEvent::status).containsExactly(CaseStatus.REFERRED,
                CaseStatus.ASSESSMENT, CaseStatus.WAITING_LIST, CaseStatus.ENROLLED, CaseStatus.DISCHARGED);
        assertThat(file.history().statusOn(TODAY.minusDays(45))).contains(CaseStatus.ASSESSMENT);
        assertThat(file.history().effective().get(3).situation()).isEqualTo(AT_START);
        assertThat(file.history().effective().get(4).situation()).isEqualTo(AT_END);
        assertThat(file.history().effective()).allSatisfy(e -> assertThat(e.recordedBy()).isEqualTo("chef"));
        assertThat(file.nextMoves()).containsExactly(CaseStatus.REFERRED);
    }

    @Test
    void referralStraightToEnrollmentIsLegal() {
        done(cases.move(chef.actor(), adult, Move.referral(TODAY.minusDays(3), ReferralSource.SELF_REFERRAL)));
        consent(adult, TODAY.minusDays(3));
        assertThat(done(cases.move(chef.actor(), adult, Move.enrollment(TODAY, AT_START))).history().current())
                .contains(CaseStatus.ENROLLED);
    }

    @Test
    void enrollmentWithoutConsentIsRefusedAndNothingIsWritten() {
        done(cases.move(chef.actor(), adult, Move.referral(TODAY.minusDays(3), ReferralSource.SCHOOL)));
        assertThat(cases.move(chef.actor(), adult, Move.enrollment(TODAY, AT_START)))
                .isEqualTo(new CaseResult.Refused(new Refusal("consent.refused.missing")));
        assertThat(cases.caseFile(chef.actor(), adult).history().all()).hasSize(1);
    }

    @Test
    void aMinorIsEnrolledOnlyWithAGuardiansConsentWhichStillHoldsAfterTheEighteenthBirthday() {
        done(cases.move(chef.actor(), minor, Move.referral(TODAY.minusDays(10), ReferralSource.SCHOOL)));
        consent(minor, TODAY.minusDays(5));
        assertThat(cases.move(chef.actor(), minor, Move.enrollment(TODAY, AT_START)))
                .isEqualTo(new CaseResult.Refused(new Refusal("consent.refused.guardian", 17)));

        done(cases.recordConsent(chef.actor(), minor, TODAY.minusDays(2), null, EnumSet.of(Partner.SCHOOL),
                List.of(new Consent.GuardianConsent("Maria Ung", TODAY.minusDays(1)))));
        CaseFile file = done(cases.move(chef.actor(), minor, Move.enrollment(TODAY, AT_START)));
        assertThat(file.history().current()).contains(CaseStatus.ENROLLED);
        assertThat(file.consent().state()).isEqualTo(ConsentRules.State.VALID);
    }

    @Test
    void aMistakenMoveIsUndoneByADatedAnnulmentAndBothRowsStay() {
        done(cases.move(chef.actor(), adult, Move.referral(TODAY.minusDays(10), ReferralSource.POLICE)));
        CaseFile closed = done(cases.move(chef.actor(), adult, Move.closure(TODAY.minusDays(1), ClosureReason.MOVED)));
        long mistaken = closed.history().latest().orElseThrow().id();

        assertThat(cases.annul(chef.actor(), adult, mistaken, " ")).isEqualTo(
                new CaseResult.Refused(new Refusal("case.refused.annulNote")));
        CaseFile corrected = done(cases.annul(chef.actor(), adult, mistaken, "Fel deltagare valdes"));

        assertThat(corrected.history().current()).contains(CaseStatus.REFERRED);
        assertThat(corrected.history().all()).hasSize(3);
        assertThat(corrected.history().isAnnulled(mistaken)).isTrue();
        CaseEvent annulment = corrected.history().all().getLast();
        assertThat(annulment.annuls()).isEqualTo(mistaken);
        assertThat(annulment.date()).isEqualTo(TODAY);
        assertThat(annulment.note()).isEqualTo("Fel deltagare valdes");
        assertThat(cases.annul(chef.actor(), adult, mistaken, "igen"))
                .isEqualTo(new CaseResult.Refused(new Refusal("case.refused.annulNotLatest")));
    }

    @Test
    void anIllegalMoveIsRefusedWithItsReason() {
        assertThat(cases.move(chef.actor(), adult, Move.to(CaseStatus.ASSESSMENT, TODAY)))
                .isEqualTo(new CaseResult.Refused(new Refusal("case.refused.noCase", CaseStatus.ASSESSMENT)));
        done(cases.move(chef.actor(), adult, Move.referral(TODAY, ReferralSource.POLICE)));
        assertThat(cases.move(chef.actor(), adult, Move.discharge(TODAY, DischargeReason.MOVED, AT_END)))
                .isEqualTo(new CaseResult.Refused(new Refusal("case.refused.illegal", CaseStatus.REFERRED,
                        CaseStatus.DISCHARGED)));
    }

    @Test
    void aLotsCannotDecideEnrollmentAndIsToldWhy() {
        try (Session lots = register.userWith("lotta", Role.NAVIGATOR)) {
            assertThat(lots.services().cases().move(lots.actor(), adult, Move.referral(TODAY, ReferralSource.POLICE)))
                    .isEqualTo(new CaseResult.Refused(new Refusal("access.refused.DECIDE_ENROLLMENT")));
            assertThat(lots.services().cases().recordConsent(lots.actor(), adult, TODAY, null, Set.of(Partner.POLICE),
                    List.of())).isEqualTo(new CaseResult.Refused(new Refusal("access.refused.notOwn")));
        }
    }

    @Test
    void aWithdrawnConsentShowsAndNeedsAttention() {
        done(cases.move(chef.actor(), adult, Move.referral(TODAY.minusDays(40), ReferralSource.POLICE)));
        CaseFile file = consent(adult, TODAY.minusDays(30));
        done(cases.move(chef.actor(), adult, Move.enrollment(TODAY.minusDays(20), AT_START)));
        long consentId = file.consents().getFirst().id();
        CaseFile withdrawn = done(cases.withdrawConsent(chef.actor(), adult, consentId, TODAY.minusDays(1)));

        assertThat(withdrawn.consent()).isEqualTo(new ConsentRules.Standing(ConsentRules.State.WITHDRAWN,
                TODAY.minusDays(1)));
        assertThat(withdrawn.consents().getFirst().withdrawn()).isEqualTo(TODAY.minusDays(1));
        assertThat(cases.consentAlerts(chef.actor())).containsKey(adult);
        assertThat(cases.withdrawConsent(chef.actor(), adult, consentId, TODAY))
                .isEqualTo(new CaseResult.Refused(new Refusal("consent.refused.alreadyWithdrawn")));
    }

    @Test
    void partnersTakePartFromAndToADate() {
        CaseFile file = done(cases.addPartner(chef.actor(), adult, Partner.CHILD_PSYCHIATRY, TODAY.minusDays(30)));
        long id = file.partners().getFirst().id();
        assertThat(cases.addPartner(chef.actor(), adult, Partner.CHILD_PSYCHIATRY, TODAY))
                .isEqualTo(new CaseResult.Refused(new Refusal("partner.refused.alreadyActive", Partner.CHILD_PSYCHIATRY)));
        assertThat(cases.endPartner(chef.actor(), adult, id, TODAY.minusDays(31))).isInstanceOf(CaseResult.Refused.class);
        CaseFile ended = done(cases.endPartner(chef.actor(), adult, id, TODAY.minusDays(1)));
        assertThat(ended.partners().getFirst().activeOn(TODAY.minusDays(1))).isTrue();
        assertThat(ended.partners().getFirst().activeOn(TODAY)).isFalse();
    }

    @Test
    void aGoalsStatusChangesAreDatedAndAnOverdueFollowUpShows() {
        CaseFile file = done(cases.addGoal(chef.actor(), adult, Goal.LifeArea.OCCUPATION_EDUCATION,
                "Börja gymnasiet", Partner.SCHOOL, TODAY.minusDays(1)));
        Goal goal = file.goals().getFirst();
        assertThat(goal.status()).isEqualTo(Goal.Status.ONGOING);
        assertThat(goal.overdue(TODAY)).isTrue();

        Goal met = done(cases.setGoalStatus(chef.actor(), adult, goal.id(), Goal.Status.MET)).goals().getFirst();
        assertThat(met.history()).extracting(Goal.StatusChange::status).containsExactly(Goal.Status.ONGOING, Goal.Status.MET);
        assertThat(met.history().getLast().date()).isEqualTo(TODAY);
        assertThat(met.overdue(TODAY)).isFalse();
    }

    private CaseFile consent(long participant, LocalDate given) {
        return done(cases.recordConsent(chef.actor(), participant, given, null,
                EnumSet.of(Partner.POLICE, Partner.SCHOOL), List.of()));
    }

    private long create(String name, String pin) {
        SaveOutcome outcome = chef.services().participants().create(chef.actor(),
                ParticipantInputs.valid().name(name, "Test").identity(pin).build());
        return ((Participant) ((SaveOutcome.Saved) outcome).participant()).id();
    }

    private static CaseFile done(CaseResult result) {
        assertThat(result).isInstanceOf(CaseResult.Done.class);
        return ((CaseResult.Done) result).file();
    }
}
