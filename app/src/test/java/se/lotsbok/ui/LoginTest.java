package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.AppVersion;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.AppWindow;

/** First start and login, driven through the real window as a user would. */
@ExtendWith(ApplicationExtension.class)
class LoginTest {

    @TempDir
    Path temp;

    private AppWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    @Test
    void onFirstStartTheFirstAdministratorIsCreatedAndLoggedIn(FxRobot robot) {
        show(robot, TestDatabases.folder(temp));
        assertThat(label(robot, "#loginHeading").getText()).isEqualTo("Första start: skapa administratören");

        robot.clickOn("#usernameField").write("anna");
        robot.clickOn("#displayNameField").write("Anna Berg");
        robot.clickOn("#passwordField").write("kort");
        robot.clickOn("#repeatedPasswordField").write("kort");
        robot.clickOn("#loginButton");
        // the unit's name goes into every export: it is asked for first, and nothing is created without it
        assertThat(label(robot, "#firstUnitNameError").getText()).startsWith("Skriv enhetens namn.");
        assertThat(label(robot, "#loginHeading").getText()).isEqualTo("Första start: skapa administratören");

        robot.clickOn("#firstUnitNameField").write("SIG Söderort");
        robot.clickOn("#loginButton");
        assertThat(label(robot, "#loginMessage").getText()).isEqualTo("Lösenordet måste ha minst 12 tecken.");
        assertThat(label(robot, "#firstUnitNameError").isVisible()).isFalse();

        robot.clickOn("#passwordField").write(" men nu längre");
        robot.clickOn("#repeatedPasswordField").write(" men nu längre");
        robot.clickOn("#loginButton");

        assertThat(label(robot, "#currentUser").getText()).isEqualTo("Anna Berg (Lots, Enhetschef, Administratör)");
        assertThat(robot.lookup("#nav_USERS").tryQuery()).isPresent();
        assertThat(label(robot, "#unitName").getText()).isEqualTo("SIG Söderort");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensWhatTheRoleAllows(FxRobot robot) {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        register.userWith("lotta", Role.NAVIGATOR).close();
        show(robot, register.folder());
        assertThat(label(robot, "#loginHeading").getText()).isEqualTo("Logga in");

        robot.clickOn("#usernameField").write("lotta");
        robot.clickOn("#passwordField").write("fel lösenord");
        robot.clickOn("#loginButton");
        assertThat(label(robot, "#loginMessage").getText()).isEqualTo("Fel användarnamn eller lösenord.");
        assertThat(robot.lookup("#passwordField").queryTextInputControl().getText()).isEmpty();

        robot.clickOn("#passwordField").write(TestRegister.PASSWORD);
        robot.clickOn("#loginButton");
        assertThat(label(robot, "#currentUser").getText()).isEqualTo("Lotta (Lots)");
        assertThat(robot.lookup("#nav_PARTICIPANTS").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav_USERS").tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav_ACCESS_LOG").tryQuery()).isEmpty();
    }

    @Test
    void theUserNameFieldTakesNoMoreThanAUserNameCanBe(FxRobot robot) {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        show(robot, register.folder());
        robot.clickOn("#usernameField").write("a".repeat(70));
        assertThat(robot.lookup("#usernameField").queryTextInputControl().getText()).isEqualTo("a".repeat(64));
        robot.clickOn("#passwordField").write("vad som helst");
        robot.clickOn("#loginButton");
        assertThat(label(robot, "#loginMessage").getText()).isEqualTo("Fel användarnamn eller lösenord.");

        robot.interact(() -> robot.lookup("#usernameField").queryTextInputControl().setText(TestRegister.ADMIN));
        robot.clickOn("#passwordField").write(TestRegister.PASSWORD);
        robot.clickOn("#loginButton");
        assertThat(label(robot, "#currentUser").getText()).startsWith("Adam Admin");
    }

    @Test
    void aTemporaryPasswordMustBeReplacedBeforeTheRegisterShows(FxRobot robot) {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().users().create(admin.actor(), "chef", "Cecilia Chef", Set.of(Role.UNIT_HEAD), null,
                    "tillfälligt lösen".toCharArray(), "tillfälligt lösen".toCharArray());
        }
        show(robot, register.folder());
        robot.clickOn("#usernameField").write("chef");
        robot.clickOn("#passwordField").write("tillfälligt lösen");
        robot.clickOn("#loginButton");
        assertThat(label(robot, "#loginHeading").getText()).isEqualTo("Välj ett nytt lösenord");
        assertThat(robot.lookup("#currentUser").tryQuery()).isEmpty();

        robot.clickOn("#passwordField").write("mitt alldeles egna");
        robot.clickOn("#repeatedPasswordField").write("mitt alldeles egna");
        robot.clickOn("#loginButton");
        assertThat(label(robot, "#currentUser").getText()).isEqualTo("Cecilia Chef (Enhetschef)");
    }

    @Test
    void aRegisterFromANewerProgramIsRefusedWithAClearMessageAndLeftUntouched(FxRobot robot) throws Exception {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        TestDatabases.markMadeByANewerProgram(register.folder(), register.key());
        String before = TestDatabases.digest(register.folder().resolve("lotsbok.mv.db"));
        show(robot, register.folder());

        robot.clickOn("#usernameField").write(TestRegister.ADMIN);
        robot.clickOn("#passwordField").write(TestRegister.PASSWORD);
        robot.clickOn("#loginButton");

        assertThat(label(robot, "#loginMessage").getText()).isEqualTo("Registret har skapats av en nyare version av"
                + " Lotsbok (schemaversion 999). Uppdatera programmet; filen har inte ändrats.");
        assertThat(robot.lookup("#currentUser").tryQuery()).isEmpty();
        assertThat(TestDatabases.digest(register.folder().resolve("lotsbok.mv.db"))).isEqualTo(before);
    }

    @Test
    void loggingOutReturnsToTheLoginScreen(FxRobot robot) {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        show(robot, register.folder());
        robot.clickOn("#usernameField").write(TestRegister.ADMIN);
        robot.clickOn("#passwordField").write(TestRegister.PASSWORD);
        robot.clickOn("#loginButton");
        robot.clickOn("#logoutButton");
        assertThat(label(robot, "#loginHeading").getText()).isEqualTo("Logga in");
        assertThat(robot.lookup("#participantTable").tryQuery()).isEmpty();
    }

    @Test
    void theLoginWindowShowsTheVersionAndOmLotsbokTheFoldersOfTheRegister(FxRobot robot) {
        Path folder = TestDatabases.folder(temp);
        show(robot, folder);
        assertThat(label(robot, "#appVersion").getText()).isEqualTo("Version " + AppVersion.get());

        robot.clickOn("#aboutLink");
        assertThat(label(robot, "#aboutVersion").getText()).isEqualTo(AppVersion.get());
        assertThat(label(robot, "#aboutDataFolder").getText()).isEqualTo(folder.toAbsolutePath().toString());
        assertThat(label(robot, "#aboutLogFolder").getText())
                .isEqualTo(folder.resolve("logs").toAbsolutePath().toString());
        robot.clickOn("#aboutCloseButton");
        assertThat(robot.lookup("#aboutVersion").tryQuery()).isEmpty();
    }

    @Test
    void theWindowAppearsFirstAndTheLoginFormFillsItOnTheNextPulse(FxRobot robot) {
        window = new AppWindow(AppWiring.auth(TestDatabases.folder(temp), TestDatabases.CLOCK, TestRegister.FAST_KEYS),
                Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH), TestDatabases.CLOCK);
        boolean[] formInTheFirstFrame = new boolean[1];
        robot.interact(() -> {
            window.showAtOnce(stage);
            formInTheFirstFrame[0] = stage.getScene().lookup("#loginScreen") != null;
        });
        assertThat(formInTheFirstFrame[0]).isFalse();
        assertThat(stage.getTitle()).isEqualTo("Lotsbok");
        assertThat(robot.lookup("#loginScreen").tryQuery()).isPresent();
        assertThat(label(robot, "#loginHeading").getText()).isEqualTo("Första start: skapa administratören");
    }

    private void show(FxRobot robot, Path folder) {
        window = new AppWindow(AppWiring.auth(folder, TestDatabases.CLOCK, TestRegister.FAST_KEYS), Tasks.immediate(),
                LanguagePreference.inMemory(Texts.SWEDISH), TestDatabases.CLOCK);
        robot.interact(() -> window.show(stage));
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }
}
