package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.control.ComboBox;
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
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.navigator.Caseload;
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

/** The caseload board and the waiting list, driven headless: enrolling from the list and the over-cap question. */
@ExtendWith(ApplicationExtension.class)
class NavigatorsScreenTest {

    private static final Situation SITUATION = new Situation(Situation.Occupation.NONE, Situation.Housing.PARENTS,
            Situation.SubstanceUse.NO);

    @TempDir
    Path temp;

    private Session session;
    private long anna;
    private long waiting;
    private MainWindow window;

    /** The register is built outside the FX thread: heavy set-up there would run into TestFX's set-up timeout. */
    @BeforeEach
    void start() throws Exception {
        session = TestRegister.create(TestDatabases.folder(temp)).userWith("chef", Role.UNIT_HEAD);
        LocalDate today = TestDatabases.TODAY;
        var navigators = session.services().navigators();
        navigators.createNavigator(session.actor(), "Anna Lind", 1, today.minusYears(1));
        anna = navigators.navigators(session.actor()).getFirst().id();
        long enrolled = participant("Ett", "111");
        consentAndEnroll(enrolled, today.minusDays(20));
        navigators.assign(session.actor(), enrolled, anna, today.minusDays(20), false);
        waiting = participant("Två", "222");
        var cases = session.services().cases();
        cases.move(session.actor(), waiting, Move.referral(today.minusDays(30), ReferralSource.SCHOOL));
        cases.move(session.actor(), waiting, Move.to(CaseStatus.WAITING_LIST, today.minusDays(12)));
        cases.recordConsent(session.actor(), waiting, today.minusDays(10), null, EnumSet.allOf(Partner.class), List.of());
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(session, Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH), () -> { });
            window.show(stage);
        });
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void assigningFromTheWaitingListEnrollsAfterTheOverCapQuestion(FxRobot robot) {
        robot.clickOn("#nav_NAVIGATORS");
        robot.clickOn("#waitingTab");
        TableView<?> table = robot.lookup("#waitingTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        robot.clickOn("Test, Två");
        robot.clickOn("#enrollFromWaitingButton");

        robot.interact(() -> {
            ComboBox<Object> navigator = robot.lookup("#enrollNavigatorChoice").query();
            navigator.getSelectionModel().selectFirst();
            robot.lookup("#enrollOccupation").<ComboBox<Object>>query().setValue(SITUATION.occupation());
            robot.lookup("#enrollHousing").<ComboBox<Object>>query().setValue(SITUATION.housing());
            robot.lookup("#enrollSubstance").<ComboBox<Object>>query().setValue(SITUATION.substanceUse());
        });
        robot.clickOn("#confirmEnrollButton");
        // Anna already has one enrolled participant and a cap of one: the question comes first
        robot.clickOn("#confirmOverCapButton");

        assertThat(label(robot, "#navigatorsMessage").getText())
                .isEqualTo("Deltagaren är inskriven och har fått en lots. Väntan är avslutad.");
        assertThat(table.getItems()).isEmpty();
        Caseload caseload = session.services().navigators().board(session.actor()).getFirst();
        assertThat(caseload.count()).isEqualTo(2);
        assertThat(caseload.overCap()).isTrue();
        assertThat(session.services().cases().caseFile(session.actor(), waiting).history().current())
                .contains(CaseStatus.ENROLLED);
    }

    @Test
    void declinedOverCapQuestionLeavesEverythingAsItWas(FxRobot robot) {
        consentAndEnroll(waiting, TestDatabases.TODAY.minusDays(1));
        robot.clickOn("#nav_SETTINGS");
        robot.clickOn("#nav_PARTICIPANTS");
        robot.clickOn("Test, Två");
        robot.clickOn("#assignmentTab");
        robot.interact(() -> robot.lookup("#assignNavigatorChoice").<ComboBox<Object>>query()
                .getSelectionModel().selectFirst());
        robot.clickOn("#assignButton");
        robot.clickOn("#dialogCancelButton");

        assertThat(label(robot, "#assignmentMessage").getText()).isEqualTo("Ingen ändring: tilldelningen avbröts.");
        assertThat(session.services().navigators().history(session.actor(), waiting)).isEmpty();

        robot.clickOn("#assignButton");
        robot.clickOn("#confirmOverCapButton");
        assertThat(label(robot, "#currentNavigator").getText()).isEqualTo("Lots i dag: Anna Lind");
        assertThat(session.services().navigators().history(session.actor(), waiting)).hasSize(1);
    }

    @Test
    void theBoardShowsEachNavigatorsLoadAgainstTheCap(FxRobot robot) {
        robot.clickOn("#nav_NAVIGATORS");
        assertThat(robot.lookup("#card_" + anna).tryQuery()).isPresent();
        assertThat(robot.lookup("1 av 1").tryQuery()).isPresent();
        assertThat(robot.lookup("Test, Ett").tryQuery()).isPresent();
    }

    private long participant(String name, String serial) {
        return ((SaveOutcome.Saved) session.services().participants().create(session.actor(),
                ParticipantInputs.valid().name(name, "Test").identity(Pins.dashed("19990101", serial)).build()))
                .participant().id();
    }

    private void consentAndEnroll(long id, LocalDate date) {
        var cases = session.services().cases();
        if (cases.caseFile(session.actor(), id).history().current().isEmpty()) {
            cases.move(session.actor(), id, Move.referral(date.minusDays(1), ReferralSource.POLICE));
        }
        cases.recordConsent(session.actor(), id, date.minusDays(1), null, EnumSet.allOf(Partner.class), List.of());
        cases.move(session.actor(), id, Move.enrollment(date, SITUATION));
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
