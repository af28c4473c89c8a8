package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestWindows;
import se.lotsbok.testing.UnitRegister;

/** The keyboard in the participant's window: Ctrl+S, Ctrl+Tab, the choice buttons, and a safe Enter. */
@ExtendWith(ApplicationExtension.class)
class KeyboardTest {

    @TempDir
    Path temp;

    private UnitRegister unit;
    private Session session;

    @BeforeEach
    void start() throws Exception {
        unit = UnitRegister.create(TestDatabases.folder(temp));
        session = unit.session();
        TestWindows.show(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void ctrlSSavesTheFormWhenTheFocusIsOnTheTabHeader(FxRobot robot) {
        robot.clickOn("Hassan, Amira");
        robot.clickOn("#phoneField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("08-555 12 34");
        robot.clickOn("#personalTab");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

        assertThat(session.services().participants().open(session.actor(), unit.referred).orElseThrow().data()
                .phone()).isEqualTo("08-555 12 34");
    }

    @Test
    void ctrlTabAndCtrlShiftTabMoveBetweenTheCaseFileTabs(FxRobot robot) {
        robot.clickOn("Hassan, Amira");
        robot.clickOn("#firstNameField");
        TabPane tabs = robot.lookup("#participantTabs").queryAs(TabPane.class);
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("caseTab");
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("notesTab");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("personalTab");
    }

    @Test
    void spaceDoesNotEmptyTheGenderAndTheArrowsMoveTheChoice(FxRobot robot) {
        robot.clickOn("Hassan, Amira");
        robot.clickOn("#genderChoice_WOMAN");
        robot.type(KeyCode.SPACE);
        assertThat(toggle(robot, "#genderChoice_WOMAN").isSelected()).isTrue();
        robot.type(KeyCode.RIGHT);
        assertThat(toggle(robot, "#genderChoice_OTHER").isSelected()).isTrue();
        robot.type(KeyCode.LEFT, 2);
        assertThat(toggle(robot, "#genderChoice_MAN").isSelected()).isTrue();
        robot.clickOn("#saveButton");
        assertThat(session.services().participants().open(session.actor(), unit.referred).orElseThrow().data()
                .gender()).isEqualTo(Gender.MAN);
    }

    @Test
    void theOverCapQuestionKeepsThingsAsTheyAreOnEnter(FxRobot robot) {
        // Omar's cap is 5 and he has one participant: give him a cap of one first
        session.services().navigators().updateNavigator(session.actor(), unit.omar, "Omar Haddad", 1);
        robot.clickOn("#nav_NAVIGATORS");
        robot.clickOn("#nav_PARTICIPANTS");
        robot.clickOn("Al-Rashidi, Mohammed");
        robot.clickOn("#assignmentTab");
        robot.interact(() -> robot.lookup("#assignNavigatorChoice").<ComboBox<Object>>query().getItems().stream()
                .filter(n -> n.toString().contains("Omar")).findFirst()
                .ifPresent(n -> robot.lookup("#assignNavigatorChoice").<ComboBox<Object>>query().setValue(n)));
        robot.clickOn("#assignButton");

        assertThat(robot.lookup("#dialogCancelButton").queryAs(Button.class).isDefaultButton()).isTrue();
        assertThat(robot.lookup("#confirmOverCapButton").queryAs(Button.class).isDefaultButton()).isFalse();
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#assignmentMessage").queryLabeled().getText())
                .isEqualTo("Ingen ändring: tilldelningen avbröts.");
        assertThat(session.services().navigators().history(session.actor(), unit.enrolled).getFirst().assignment()
                .navigatorId()).isEqualTo(unit.anna);
    }

    private static ToggleButton toggle(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ToggleButton.class);
    }
}
