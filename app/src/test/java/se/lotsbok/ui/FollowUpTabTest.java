package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.MainWindow;

/**
 * The follow-up after discharge driven headless: the discharge agreed to it in the Ärende tab, the
 * follow-up waiting under Att göra, and the person's situation recorded in the Uppföljning tab.
 */
@ExtendWith(ApplicationExtension.class)
class FollowUpTabTest {

    private static final Situation SITUATION = new Situation(Situation.Occupation.NONE, Situation.Housing.PARENTS,
            Situation.SubstanceUse.YES);

    @TempDir
    Path temp;

    private Session session;

    /** An enrolled participant, built outside the FX thread (TestFX's set-up timeout). */
    @BeforeEach
    void start() throws Exception {
        session = TestRegister.create(TestDatabases.folder(temp)).userWith("chef", Role.UNIT_HEAD);
        var cases = session.services().cases();
        long id = ((SaveOutcome.Saved) session.services().participants().create(session.actor(),
                ParticipantInputs.valid().name("Vuxen", "Berg").identity(Pins.dashed("20000101", "123")).build()))
                .participant().id();
        LocalDate enrolled = LocalDate.of(2026, 3, 2);
        cases.move(session.actor(), id, Move.referral(enrolled.minusDays(7), ReferralSource.SCHOOL));
        cases.recordConsent(session.actor(), id, enrolled, null, EnumSet.of(Partner.SCHOOL), List.of());
        cases.move(session.actor(), id, Move.enrollment(enrolled, SITUATION));
        FxToolkit.setupStage(stage -> {
            new MainWindow(session, Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH), () -> { }).show(stage);
        });
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aDischargeAgreedToFollowUpWaitsUnderAttGoraAndItsSituationIsRecordedInTheTab(FxRobot robot) {
        robot.clickOn("#nav_PARTICIPANTS");
        robot.clickOn("Berg, Vuxen");
        robot.clickOn("#caseTab");
        choose(robot, "#nextStatusChoice", CaseStatus.DISCHARGED);
        choose(robot, "#dischargeReasonChoice", DischargeReason.PLANNED_GOALS_MET);
        choose(robot, "#occupationChoice", Situation.Occupation.INTERNSHIP);
        choose(robot, "#housingChoice", Situation.Housing.PARENTS);
        choose(robot, "#substanceUseChoice", Situation.SubstanceUse.NO);
        robot.clickOn("#followUpAgreedCheck");
        robot.clickOn("#recordMoveButton");
        assertThat(robot.lookup("#caseMessage").queryAs(Label.class).getText()).isEqualTo("Steget är registrerat.");

        followUpTab(robot);
        TableView<?> table = robot.lookup("#followUpTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        assertThat(robot.lookup("#followUpDischargeChoice").<ComboBox<?>>query().getValue()).isNotNull();

        robot.clickOn("#nav_TODO");
        assertThat(robot.lookup("#todoLater").<ListView<?>>query().getItems()).singleElement().asString()
                .contains("DISCHARGE_FOLLOW_UP", "2027-05-25");

        robot.clickOn("#nav_PARTICIPANTS");
        robot.clickOn("Berg, Vuxen");
        followUpTab(robot);
        choose(robot, "#followUpResultChoice", DischargeFollowUp.Result.REACHED);
        Scrolling.into(robot, "#recordFollowUpButton");
        robot.clickOn("#recordFollowUpButton");
        assertThat(robot.lookup("#followUpMessage").queryAs(Label.class).getText())
                .as("the situation is asked for when the person was reached")
                .isEqualTo("Ange sysselsättning, boende och pågående missbruk när personen nåddes.");
        choose(robot, "#followUpOccupationChoice", Situation.Occupation.WORK);
        choose(robot, "#followUpHousingChoice", Situation.Housing.OWN);
        choose(robot, "#followUpSubstanceUseChoice", Situation.SubstanceUse.NO);
        Scrolling.into(robot, "#recordFollowUpButton");
        robot.clickOn("#recordFollowUpButton");

        assertThat(robot.lookup("#followUpMessage").queryAs(Label.class).getText())
                .isEqualTo("Uppföljningen är registrerad.");
        assertThat(table.getItems()).singleElement().asString().contains("REACHED");
        assertThat(robot.lookup("#followUpForm").query().isVisible()).as("nothing left to record").isFalse();
        robot.clickOn("#nav_TODO");
        assertThat(robot.lookup("#todoLater").<ListView<?>>query().getItems()).isEmpty();
    }

    /** Opens the Ärende tab and scrolls down to the follow-ups after discharge, below the case path. */
    private static void followUpTab(FxRobot robot) {
        robot.clickOn("#caseTab");
        assertThat(robot.lookup("#followUpView").query().isVisible()).isTrue();
        Scrolling.into(robot, "#followUpTable");
    }

    private static void choose(FxRobot robot, String query, Object value) {
        robot.interact(() -> robot.lookup(query).<ComboBox<Object>>query().setValue(value));
    }
}
