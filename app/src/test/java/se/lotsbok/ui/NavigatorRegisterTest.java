package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestWindows;
import se.lotsbok.testing.TestRegister;

/** "Lotsar → Lotsregister" driven headless: adding with Enter, the same name twice, dates and status. */
@ExtendWith(ApplicationExtension.class)
class NavigatorRegisterTest {

    @TempDir
    Path temp;

    private Session session;

    @BeforeEach
    void start() throws Exception {
        session = TestRegister.create(TestDatabases.folder(temp)).userWith("chef", Role.UNIT_HEAD);
        session.services().navigators().createNavigator(session.actor(), "Anna Lind", null,
                TestDatabases.TODAY.minusYears(1));
        TestWindows.show(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void enterAddsANavigatorAndTheFormIsEmptyForTheNext(FxRobot robot) {
        open(robot);
        robot.clickOn("#navigatorNameField").write("Omar Haddad");
        robot.clickOn("#navigatorCapField").write("5").type(KeyCode.ENTER);

        assertThat(navigators()).extracting(Navigator::name).containsExactly("Anna Lind", "Omar Haddad");
        assertThat(field(robot, "#navigatorNameField")).isEmpty();
        assertThat(field(robot, "#navigatorCapField")).isEmpty();
        assertThat(robot.lookup("#navigatorFrom").queryAs(DatePicker.class).getValue()).isEqualTo(TestDatabases.TODAY);
        assertThat(robot.lookup("#navigatorsMessage").queryLabeled().getText()).isEqualTo("Lotsen är tillagd.");
        assertThat(robot.lookup("Aktiv sedan " + TestDatabases.TODAY).tryQuery()).isPresent();
    }

    @Test
    void aSecondActiveNavigatorWithTheSameNameIsAddedOnlyAfterAsking(FxRobot robot) {
        open(robot);
        robot.clickOn("#navigatorNameField").write("anna lind").type(KeyCode.ENTER);
        // Enter again answers the question with its default: nothing is added
        robot.type(KeyCode.ENTER);
        assertThat(navigators()).hasSize(1);
        assertThat(field(robot, "#navigatorNameField")).isEqualTo("anna lind");

        robot.clickOn("#navigatorNameField").type(KeyCode.ENTER);
        robot.clickOn("#confirmSameNameButton");
        assertThat(navigators()).extracting(Navigator::name).containsExactly("Anna Lind", "anna lind");
    }

    @Test
    void aNavigatorIsActiveFromTheChosenDayAndTheStatusFollowsEachChange(FxRobot robot) {
        open(robot);
        robot.clickOn("#navigatorNameField").write("Birgitta Sjöström");
        robot.interact(() -> robot.lookup("#navigatorFrom").queryAs(DatePicker.class)
                .setValue(TestDatabases.TODAY.minusDays(30)));
        robot.clickOn("#saveNavigatorButton");
        assertThat(robot.lookup("Aktiv sedan " + TestDatabases.TODAY.minusDays(30)).tryQuery()).isPresent();

        robot.clickOn("Birgitta Sjöström");
        robot.clickOn("#deactivateNavigatorButton");
        assertThat(robot.lookup("Inaktiv sedan " + TestDatabases.TODAY).tryQuery()).isPresent();
        robot.clickOn("#activateNavigatorButton");
        assertThat(robot.lookup("Aktiv sedan " + TestDatabases.TODAY).tryQuery()).isPresent();
        assertThat(navigators().get(1).activeOn(TestDatabases.TODAY)).isTrue();

        // a change dated before the latest would be overruled at once: refused beside the date
        robot.interact(() -> robot.lookup("#navigatorFrom").queryAs(DatePicker.class)
                .setValue(TestDatabases.TODAY.minusDays(10)));
        robot.clickOn("#deactivateNavigatorButton");
        assertThat(robot.lookup("Lotsens senaste ändring gäller från " + TestDatabases.TODAY
                + ". Välj det datumet eller ett senare.").tryQuery()).isPresent();
        assertThat(navigators().get(1).activeOn(TestDatabases.TODAY)).isTrue();
    }

    private static void open(FxRobot robot) {
        robot.clickOn("#nav_NAVIGATORS");
        robot.clickOn("#registerTab");
        assertThat(robot.lookup("#navigatorTable").queryAs(TableView.class).getItems()).hasSize(1);
    }

    private java.util.List<Navigator> navigators() {
        return session.services().navigators().navigators(session.actor());
    }

    private static String field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class).getText();
    }
}
