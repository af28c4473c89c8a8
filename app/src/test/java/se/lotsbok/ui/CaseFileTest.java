package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
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
import se.lotsbok.domain.casepath.Move;
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

/** The case file tabs, driven headless: enrolling with and without consent, and annulling a step. */
@ExtendWith(ApplicationExtension.class)
class CaseFileTest {

    @TempDir
    Path temp;

    private Session session;
    private long participant;

    /** The register is built outside the FX thread: heavy set-up there would run into TestFX's set-up timeout. */
    @BeforeEach
    void start() throws Exception {
        session = TestRegister.create(TestDatabases.folder(temp)).userWith("chef", Role.UNIT_HEAD);
        participant = ((SaveOutcome.Saved) session.services().participants().create(session.actor(),
                ParticipantInputs.valid().name("Vuxen", "Berg").identity(Pins.dashed("20000101", "123")).build()))
                .participant().id();
        // referred a week ago (the case file's dates are the real today, as in the window)
        session.services().cases().move(session.actor(), participant,
                Move.referral(TestDatabases.TODAY.minusDays(7), ReferralSource.SCHOOL));
        FxToolkit.setupStage(stage -> {
            new MainWindow(session, Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH), () -> { }).show(stage);
        });
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void enrollingWithoutConsentIsRefusedAndWithConsentSucceeds(FxRobot robot) {
        robot.clickOn("Berg, Vuxen");
        robot.clickOn("#caseTab");
        assertThat(label(robot, "#caseStatus").getText()).startsWith("Nu: Aktualiserad sedan");

        choose(robot, "#nextStatusChoice", CaseStatus.ENROLLED);
        chooseSituation(robot);
        robot.clickOn("#recordMoveButton");
        assertThat(label(robot, "#caseMessage").getText())
                .isEqualTo("Samtycke till sekretessgenombrott saknas. Registrera samtycket före inskrivningen.");
        assertThat(history(robot)).hasSize(1);

        robot.clickOn("#consentTab");
        robot.interact(() -> robot.lookup("#consentGiven").queryAs(DatePicker.class)
                .setValue(TestDatabases.TODAY.minusDays(2)));
        robot.clickOn("#recordConsentButton");
        assertThat(label(robot, "#consentStanding").getText()).isEqualTo("Samtycket gäller");

        robot.clickOn("#caseTab");
        choose(robot, "#nextStatusChoice", CaseStatus.ENROLLED);
        chooseSituation(robot);
        robot.clickOn("#recordMoveButton");
        assertThat(label(robot, "#caseMessage").getText()).isEqualTo("Steget är registrerat.");
        assertThat(label(robot, "#caseStatus").getText()).startsWith("Nu: Inskriven sedan");
        assertThat(history(robot)).hasSize(2);
    }

    @Test
    void aMistakenStepIsAnnulledAndStaysVisible(FxRobot robot) {
        robot.clickOn("Berg, Vuxen");
        robot.clickOn("#caseTab");
        choose(robot, "#nextStatusChoice", CaseStatus.ASSESSMENT);
        robot.clickOn("#recordMoveButton");
        assertThat(label(robot, "#caseStatus").getText()).startsWith("Nu: Utreds");

        robot.clickOn("#annulButton");
        robot.clickOn("#annulNoteField").write("Fel deltagare");
        robot.clickOn("#dialogOkButton");
        assertThat(label(robot, "#caseStatus").getText()).startsWith("Nu: Aktualiserad");
        assertThat(history(robot)).hasSize(3);
    }

    @Test
    void aWithdrawnConsentIsShownProminently(FxRobot robot) {
        var cases = session.services().cases();
        cases.recordConsent(session.actor(), participant, TestDatabases.TODAY.minusDays(5), null,
                java.util.EnumSet.allOf(se.lotsbok.domain.casepath.Partner.class), java.util.List.of());
        cases.move(session.actor(), participant, Move.enrollment(TestDatabases.TODAY.minusDays(4),
                new Situation(Situation.Occupation.NONE, Situation.Housing.OWN, Situation.SubstanceUse.NO)));
        long consent = cases.caseFile(session.actor(), participant).consents().getFirst().id();
        cases.withdrawConsent(session.actor(), participant, consent, TestDatabases.TODAY);

        robot.clickOn("#nav_SETTINGS");
        robot.clickOn("#nav_PARTICIPANTS");
        robot.clickOn("Berg, Vuxen");
        assertThat(label(robot, "#consentWarning").isVisible()).isTrue();
        assertThat(label(robot, "#consentWarning").getText()).startsWith("Samtycket till sekretessgenombrott återkallades");
        assertThat(robot.lookup("#consentAlertsFilter").queryAs(javafx.scene.control.ToggleButton.class).getText()).isEqualTo("Samtycken att åtgärda (1)");
    }

    private static void choose(FxRobot robot, String query, Object value) {
        robot.interact(() -> robot.lookup(query).<ComboBox<Object>>query().setValue(value));
    }

    private static void chooseSituation(FxRobot robot) {
        choose(robot, "#occupationChoice", Situation.Occupation.STUDIES);
        choose(robot, "#housingChoice", Situation.Housing.PARENTS);
        choose(robot, "#substanceUseChoice", Situation.SubstanceUse.NO);
    }

    private static java.util.List<?> history(FxRobot robot) {
        return robot.lookup("#caseHistory").queryAs(TableView.class).getItems();
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

}
