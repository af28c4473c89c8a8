package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestWindows;
import se.lotsbok.testing.UnitRegister;
import se.lotsbok.ui.casepath.CaseHistoryRow;
import se.lotsbok.ui.common.Styles;

/**
 * The case file records only what the user saw, for the participant the user is looking at:
 * driven headless through the real window on a unit's register.
 */
@ExtendWith(ApplicationExtension.class)
class CaseFileIntegrityTest {

    private static final LocalDate TODAY = TestDatabases.TODAY;

    @TempDir
    Path temp;

    private UnitRegister unit;
    private Session session;
    private long waitingMinor;

    @BeforeEach
    void start() throws Exception {
        unit = UnitRegister.create(TestDatabases.folder(temp));
        session = unit.session();
        var cases = session.services().cases();
        // a 15-year-old on the waiting list whose guardians have not consented
        waitingMinor = ((SaveOutcome.Saved) session.services().participants().create(session.actor(),
                ParticipantInputs.valid().name("Liam", "Berg").identity(Pins.dashed("20110420", "771"))
                        .gender(Gender.MAN).build())).participant().id();
        cases.move(session.actor(), waitingMinor, Move.referral(TODAY.minusDays(20), ReferralSource.SCHOOL));
        cases.recordConsent(session.actor(), waitingMinor, TODAY.minusDays(19), null, EnumSet.allOf(Partner.class),
                List.of());
        cases.move(session.actor(), waitingMinor, Move.to(CaseStatus.WAITING_LIST, TODAY.minusDays(18)));
        TestWindows.show(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aNewReferralRecordsOnlyItsSourceNotWhatWasChosenForAnotherParticipant(FxRobot robot) {
        robot.clickOn("Al-Rashidi, Mohammed");
        robot.clickOn("#caseTab");
        choose(robot, "#nextStatusChoice", CaseStatus.DISCHARGED);
        choose(robot, "#dischargeReasonChoice", DischargeReason.MOVED);
        choose(robot, "#occupationChoice", Situation.Occupation.NONE);
        choose(robot, "#housingChoice", Situation.Housing.NONE);
        choose(robot, "#substanceUseChoice", Situation.SubstanceUse.YES);
        // nothing recorded: the user goes to another participant, whose case was closed

        robot.clickOn("Lundberg, Kevin");
        robot.clickOn("#caseTab");
        choose(robot, "#referralSourceChoice", ReferralSource.SOCIAL_SERVICES);
        robot.clickOn("#recordMoveButton");

        CaseEvent referral = latest(unit.closed);
        assertThat(referral.status()).isEqualTo(CaseStatus.REFERRED);
        assertThat(referral.source()).isEqualTo(ReferralSource.SOCIAL_SERVICES);
        assertThat(referral.dischargeReason()).isNull();
        assertThat(referral.closureReason()).isNull();
        assertThat(referral.situation()).isNull();
        assertThat(robot.lookup("#caseHistory").queryAs(TableView.class).getItems().getFirst())
                .isEqualTo(new CaseHistoryRow.Event(referral));
    }

    @Test
    void choosingAnotherStepEmptiesTheFieldsThatStepDoesNotShow(FxRobot robot) {
        robot.clickOn("Hassan, Amira");
        robot.clickOn("#caseTab");
        choose(robot, "#nextStatusChoice", CaseStatus.CONTACTED_NOT_ENROLLED);
        choose(robot, "#closureReasonChoice", ClosureReason.MOVED);
        choose(robot, "#nextStatusChoice", CaseStatus.ASSESSMENT);
        assertThat(robot.lookup("#closureReasonChoice").tryQuery()).isEmpty();
        robot.clickOn("#recordMoveButton");

        CaseEvent assessment = latest(unit.referred);
        assertThat(assessment.status()).isEqualTo(CaseStatus.ASSESSMENT);
        assertThat(assessment.closureReason()).isNull();
        choose(robot, "#nextStatusChoice", CaseStatus.CONTACTED_NOT_ENROLLED);
        assertThat(robot.lookup("#closureReasonChoice").<ComboBox<Object>>query().getValue()).isNull();
    }

    @Test
    void openingAnotherParticipantEmptiesEveryFormWithTodayWhereADateIsAsked(FxRobot robot) {
        robot.clickOn("Al-Rashidi, Mohammed");
        robot.clickOn("#caseTab");
        date(robot, "#moveDate", TODAY.minusDays(5));
        robot.clickOn("#consentTab");
        date(robot, "#consentGiven", TODAY.minusDays(9));
        robot.clickOn("#guardian1Name").write("Gunilla");
        robot.clickOn("#partnersTab");
        choose(robot, "#partnerChoice", Partner.POLICE);
        date(robot, "#partnerFrom", TODAY.minusDays(3));
        robot.clickOn("#planTab");
        robot.clickOn("#goalDescription").write("Halvskrivet mål");

        robot.clickOn("Hassan, Amira");
        robot.clickOn("#caseTab");
        assertThat(dateOf(robot, "#moveDate")).isEqualTo(TODAY);
        assertThat(robot.lookup("#referralSourceChoice").tryQuery()).isEmpty();
        robot.clickOn("#consentTab");
        assertThat(dateOf(robot, "#consentGiven")).isEqualTo(TODAY);
        assertThat(robot.lookup("#guardian1Name").queryAs(TextField.class).getText()).isEmpty();
        robot.clickOn("#partnersTab");
        assertThat(robot.lookup("#partnerChoice").<ComboBox<Object>>query().getValue()).isNull();
        assertThat(dateOf(robot, "#partnerFrom")).isEqualTo(TODAY);
        robot.clickOn("#planTab");
        assertThat(robot.lookup("#goalDescription").queryAs(TextField.class).getText()).isEmpty();
    }

    @Test
    void theCaseFileFollowsAnEnrollmentMadeOnTheWaitingListAndNamesItsParticipantOnEveryTab(FxRobot robot) {
        robot.clickOn("Nyström, Johan");
        robot.clickOn("#caseTab");
        assertThat(label(robot, "#caseStatus").getText()).startsWith("Nu: Väntelista sedan");
        TabPane tabs = robot.lookup("#participantTabs").queryAs(TabPane.class);
        for (var tab : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            assertThat(label(robot, "#participantHeader").getText()).as(tab.getText())
                    .isEqualTo("Johan Nyström · 20010920-3372");
            assertThat(label(robot, "#participantHeader").isVisible()).isTrue();
        }
        robot.interact(() -> tabs.getSelectionModel().select(robot.lookup("#participantTabs").queryAs(TabPane.class)
                .getTabs().stream().filter(t -> "caseTab".equals(t.getId())).findFirst().orElseThrow()));

        robot.clickOn("#nav_NAVIGATORS");
        robot.clickOn("#waitingTab");
        robot.clickOn("Nyström, Johan");
        robot.clickOn("#enrollFromWaitingButton");
        robot.interact(() -> {
            robot.lookup("#enrollNavigatorChoice").<ComboBox<Object>>query().getSelectionModel().select(2);
            choose(robot, "#enrollOccupation", Situation.Occupation.WORK);
            choose(robot, "#enrollHousing", Situation.Housing.OWN);
            choose(robot, "#enrollSubstance", Situation.SubstanceUse.NO);
        });
        robot.clickOn("#confirmEnrollButton");

        robot.clickOn("#nav_PARTICIPANTS");
        assertThat(label(robot, "#participantHeader").getText()).isEqualTo("Johan Nyström · 20010920-3372");
        assertThat(label(robot, "#caseStatus").getText()).isEqualTo("Nu: Inskriven sedan " + TODAY);

        robot.clickOn("#annulButton");
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("Makulera det senaste steget: Inskriven " + TODAY);
        robot.clickOn("#dialogCancelButton");
        assertThat(latest(unit.waiting).status()).isEqualTo(CaseStatus.ENROLLED);
    }

    @Test
    void openingAWomanRightAfterAManKeepsHerGenderAndChangesNothing(FxRobot robot) {
        robot.clickOn("Al-Rashidi, Mohammed");
        assertThat(robot.lookup("#genderChoice_MAN").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.clickOn("Hassan, Amira");

        assertThat(robot.lookup("#genderChoice_WOMAN").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#genderChoice_MAN").queryAs(ToggleButton.class).isSelected()).isFalse();
        assertThat(label(robot, "#unsavedLabel").isVisible()).isFalse();
        robot.clickOn("#saveButton");
        assertThat(label(robot, "#formMessage").getText()).isEmpty();
        assertThat(label(robot, "#genderError").getText()).isEmpty();
        assertThat(session.services().participants().open(session.actor(), unit.referred).orElseThrow().data()
                .gender()).isEqualTo(Gender.WOMAN);
        // and back: the man's form is just as untouched
        robot.clickOn("Al-Rashidi, Mohammed");
        assertThat(robot.lookup("#genderChoice_MAN").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(label(robot, "#unsavedLabel").isVisible()).isFalse();
    }

    @Test
    void aRefusedEnrollmentStaysOpenWithEverythingChosenAndSaysWhyInRed(FxRobot robot) {
        robot.clickOn("#nav_NAVIGATORS");
        robot.clickOn("#waitingTab");
        robot.clickOn("Berg, Liam");
        robot.clickOn("#enrollFromWaitingButton");
        robot.interact(() -> {
            robot.lookup("#enrollNavigatorChoice").<ComboBox<Object>>query().getSelectionModel().select(0);
            choose(robot, "#enrollOccupation", Situation.Occupation.STUDIES);
            choose(robot, "#enrollHousing", Situation.Housing.PARENTS);
            choose(robot, "#enrollSubstance", Situation.SubstanceUse.NO);
        });
        robot.clickOn("#confirmEnrollButton");

        Label refusal = label(robot, "#enrollRefusal");
        assertThat(refusal.getText()).isEqualTo("Deltagaren är 15 år på inskrivningsdagen: vårdnadshavares samtycke saknas.");
        assertThat(refusal.getStyleClass()).contains(Styles.FORM_MESSAGE);
        assertThat(robot.lookup("#enrollOccupation").<ComboBox<Object>>query().getValue())
                .isEqualTo(Situation.Occupation.STUDIES);
        assertThat(robot.lookup("#enrollNavigatorChoice").<ComboBox<Object>>query().getValue()).isNotNull();
        robot.clickOn("#dialogCancelButton");

        assertThat(latest(waitingMinor).status()).isEqualTo(CaseStatus.WAITING_LIST);
        assertThat(label(robot, "#navigatorsMessage").getStyleClass()).doesNotContain(Styles.NOTICE);
    }

    @Test
    void aRefusalIsRedASuccessGreenAndNeitherFollowsTheUserToTheNextTabOrScreen(FxRobot robot) {
        robot.clickOn("Hassan, Amira");
        robot.clickOn("#caseTab");
        choose(robot, "#nextStatusChoice", CaseStatus.ENROLLED);
        choose(robot, "#occupationChoice", Situation.Occupation.STUDIES);
        choose(robot, "#housingChoice", Situation.Housing.PARENTS);
        choose(robot, "#substanceUseChoice", Situation.SubstanceUse.NO);
        robot.clickOn("#recordMoveButton");
        assertThat(label(robot, "#caseMessage").getText()).startsWith("Samtycke till sekretessgenombrott saknas");
        assertThat(label(robot, "#caseMessage").getStyleClass()).contains(Styles.FORM_MESSAGE)
                .doesNotContain(Styles.NOTICE);

        robot.clickOn("#consentTab");
        assertThat(label(robot, "#consentMessage").getText()).isEmpty();
        robot.clickOn("#caseTab");
        assertThat(label(robot, "#caseMessage").getText()).isEmpty();

        choose(robot, "#nextStatusChoice", CaseStatus.ASSESSMENT);
        robot.clickOn("#recordMoveButton");
        assertThat(label(robot, "#caseMessage").getText()).isEqualTo("Steget är registrerat.");
        assertThat(label(robot, "#caseMessage").getStyleClass()).contains(Styles.NOTICE)
                .doesNotContain(Styles.FORM_MESSAGE);

        robot.clickOn("#nav_NAVIGATORS");
        robot.clickOn("#nav_PARTICIPANTS");
        assertThat(label(robot, "#caseMessage").getText()).isEmpty();
    }

    private CaseEvent latest(long participant) {
        return session.services().cases().caseFile(session.actor(), participant).history().latest().orElseThrow();
    }

    private static void choose(FxRobot robot, String query, Object value) {
        robot.interact(() -> robot.lookup(query).<ComboBox<Object>>query().setValue(value));
    }

    private static void date(FxRobot robot, String query, LocalDate value) {
        robot.interact(() -> robot.lookup(query).queryAs(DatePicker.class).setValue(value));
    }

    private static LocalDate dateOf(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(DatePicker.class).getValue();
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
