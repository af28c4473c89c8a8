package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.Session;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.testing.TestServer;
import se.lotsbok.ui.backup.ServerMoveViewModel;
import se.lotsbok.ui.common.Confirm;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.MainWindow;

/**
 * Säkerhetskopior's "Flytta registret till kontorsservern" driven headless: the administrator of a
 * folder register moves it to the embedded test PostgreSQL, and a malformed address is refused beside
 * its field.
 */
@ExtendWith(ApplicationExtension.class)
class ServerMoveScreenTest {

    @TempDir
    Path temp;

    private Session session;
    private final AtomicBoolean loggedOut = new AtomicBoolean();

    /** The register is built outside the FX thread: heavy set-up there would run into TestFX's set-up timeout. */
    @BeforeEach
    void start() throws Exception {
        TestRegister register = TestRegister.inFolder(TestDatabases.folder(temp), TestDatabases.CLOCK);
        session = register.login(TestRegister.ADMIN);
        session.services().participants().create(session.actor(), ParticipantInputs.valid().build());
        FxToolkit.setupStage(stage -> new MainWindow(session, Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH),
                () -> loggedOut.set(true)).show(stage));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theAdministratorMovesTheRegisterAndReadsTheServersFingerprint(FxRobot robot) {
        ServerAddress server = TestServer.initialisedDatabase();
        toTheMoveCard(robot);
        robot.clickOn("#moveAddressField").write(server.toString());
        robot.clickOn("#moveInstallerField").write(TestServer.INSTALLER);
        robot.clickOn("#movePasswordField").write(TestRegister.PASSWORD);

        robot.clickOn("#moveToServerButton");
        assertThat(dialogText(robot)).contains("en enda transaktion", "fingeravtryck ändras till serverns");
        robot.clickOn("#" + ServerMoveViewModel.CONFIRM_BUTTON_ID);

        String result = dialogText(robot);
        robot.clickOn("#" + Confirm.OK_BUTTON_ID);
        assertThat(loggedOut).as("the session ends: the work goes on on the server").isTrue();
        LoginResult login = AppWiring.server(server, Map.of(), TestDatabases.CLOCK)
                .login(TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray());
        try (Session onServer = ((LoginResult.LoggedIn) login).session()) {
            assertThat(onServer.services().participants().list(onServer.actor())).hasSize(1);
            assertThat(result).contains("Registret är flyttat till " + server, "1 deltagare",
                    SigningKey.grouped(onServer.services().settings().signingFingerprint()),
                    "starta Lotsbok med serverns adress");
        }
    }

    @Test
    void aMalformedAddressIsShownBesideTheFieldAndWhatWasTypedStays(FxRobot robot) {
        toTheMoveCard(robot);
        robot.clickOn("#moveAddressField").write("server.kommun.se/sig_norr");
        robot.clickOn("#moveInstallerField").write("lotsbok_installer");
        robot.clickOn("#movePasswordField").write(TestRegister.PASSWORD);

        robot.clickOn("#moveToServerButton");

        assertThat(robot.lookup(".field-error").queryAllAs(Label.class).stream().filter(Label::isVisible)
                .map(Label::getText)).containsExactly(
                        "Skriv adressen som postgresql://värd[:port]/databas, till exempel postgresql://server.kommun.se/sig_norr.");
        assertThat(robot.lookup("#moveAddressField").queryTextInputControl().getText()).isEqualTo("server.kommun.se/sig_norr");
        assertThat(robot.lookup("#movePasswordField").queryTextInputControl().getText()).isEqualTo(TestRegister.PASSWORD);
        assertThat(robot.lookup("#moveMessage").queryAs(Label.class).getText())
                .isEqualTo(Texts.of(Texts.SWEDISH).get("move.fixErrors"));
        assertThat(loggedOut).isFalse();
    }

    /** The card is the last on the screen: scroll down to it, as a user would. */
    private static void toTheMoveCard(FxRobot robot) {
        robot.clickOn("#nav_BACKUPS");
        robot.interact(() -> robot.lookup("#backupScreen").queryAs(ScrollPane.class).setVvalue(1));
    }

    private static String dialogText(FxRobot robot) {
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
    }
}
