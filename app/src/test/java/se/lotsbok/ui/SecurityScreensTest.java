package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.settings.SecuritySettings;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.store.Database;
import se.lotsbok.testing.MutableClock;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.AppWindow;
import se.lotsbok.ui.user.SecurityViewModel;

/**
 * The window's own security, driven as a user would: it locks after the unit's minutes without use
 * and opens again with the password, with what was typed still there; the administrator sets those
 * minutes and changes the register's key; anyone changes their own password by giving the current one.
 */
@ExtendWith(ApplicationExtension.class)
class SecurityScreensTest {

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(TestDatabases.CLOCK.instant(), TestDatabases.STOCKHOLM);
    private TestRegister register;
    private AppWindow window;

    @BeforeEach
    void start() throws Exception {
        register = TestRegister.create(TestDatabases.folder(temp), clock);
        window = new AppWindow(AppWiring.auth(register.folder(), clock, TestRegister.FAST_KEYS), Tasks.immediate(),
                LanguagePreference.inMemory(Texts.SWEDISH), clock);
        FxToolkit.setupStage(window::show);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    @Test
    void anUnusedWindowLocksAfterTheUnitsMinutesAndOpensWithThePasswordWithNothingLost(FxRobot robot) {
        logIn(robot);
        robot.clickOn("#nav_PARTICIPANTS");
        robot.clickOn("#searchField").write("Ås");

        clock.advance(Duration.ofMinutes(14));
        robot.interact(window::checkIdle);
        assertThat(robot.lookup("#lockScreen").tryQuery()).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        robot.interact(window::checkIdle);

        assertThat(robot.lookup("#lockScreen").tryQuery()).isPresent();
        assertThat(robot.lookup("#participantTable").tryQuery()).isEmpty();
        robot.clickOn("#lockPasswordField").write("fel lösenord");
        robot.clickOn("#unlockButton");
        assertThat(robot.lookup("#lockMessage").queryAs(Label.class).getText()).isEqualTo("Fel lösenord.");
        robot.clickOn("#lockPasswordField").write(TestRegister.PASSWORD);
        robot.clickOn("#unlockButton");

        assertThat(robot.lookup("#lockScreen").tryQuery()).isEmpty();
        assertThat(robot.lookup("#searchField").queryAs(TextField.class).getText()).isEqualTo("Ås");
    }

    @Test
    void theAdministratorSetsTheMinutesAndChangesTheRegistersKey(FxRobot robot) throws Exception {
        byte[] before = register.key();
        logIn(robot);
        robot.clickOn("#nav_USERS");
        TextField minutes = robot.lookup("#idleMinutesField").queryAs(TextField.class);
        assertThat(minutes.getText()).isEqualTo("15");
        robot.interact(() -> minutes.setText("0"));
        Scrolling.into(robot, "#saveSecurityButton");
        robot.clickOn("#saveSecurityButton");
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Ett heltal från 1 till 240.");
        robot.interact(() -> minutes.setText("30"));
        robot.clickOn("#saveSecurityButton");
        assertThat(robot.lookup("#securityMessage").queryAs(Label.class).getText())
                .isEqualTo("Säkerhetsinställningarna är sparade.");

        Scrolling.into(robot, "#changeKeyButton");
        robot.clickOn("#changeKeyButton");
        robot.clickOn("#" + SecurityViewModel.CHANGE_KEY_BUTTON_ID);

        assertThat(robot.lookup("#securityMessage").queryAs(Label.class).getText())
                .startsWith("Registrets nyckel är bytt");
        assertThat(Database.opensWith(register.folder(), before)).isFalse();
        try (Session admin = register.login(TestRegister.ADMIN)) {
            assertThat(admin.services().settings().loadSecurity()).isEqualTo(new SecuritySettings(30, 7));
        }
    }

    @Test
    void anyoneChangesTheirOwnPasswordByGivingTheCurrentOne(FxRobot robot) {
        logIn(robot);
        robot.clickOn("#nav_SETTINGS");
        robot.clickOn("#currentPasswordField").write("inte mitt lösenord");
        robot.clickOn("#newPasswordField").write("ett alldeles nytt lösen");
        robot.clickOn("#repeatNewPasswordField").write("ett alldeles nytt lösen");
        robot.clickOn("#changePasswordButton");
        assertThat(robot.lookup("#passwordMessage").queryAs(Label.class).getText())
                .isEqualTo("Det nuvarande lösenordet stämmer inte.");

        robot.clickOn("#currentPasswordField").write(TestRegister.PASSWORD);
        robot.clickOn("#changePasswordButton");
        assertThat(robot.lookup("#passwordMessage").queryAs(Label.class).getText()).isEqualTo("Ditt lösenord är bytt.");
        var result = register.auth().login(TestRegister.ADMIN, "ett alldeles nytt lösen".toCharArray());
        assertThat(result).isInstanceOf(se.lotsbok.service.auth.LoginResult.LoggedIn.class);
        ((se.lotsbok.service.auth.LoginResult.LoggedIn) result).session().close();
    }

    private void logIn(FxRobot robot) {
        robot.clickOn("#usernameField").write(TestRegister.ADMIN);
        robot.clickOn("#passwordField").write(TestRegister.PASSWORD);
        robot.clickOn("#loginButton");
    }
}
