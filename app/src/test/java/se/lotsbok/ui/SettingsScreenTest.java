package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.MainWindow;

/** "Inställningar" in the real window, headless, as the administrator uses it. */
@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {

    @TempDir
    Path temp;

    private Session admin;

    /** The register is built outside the FX thread: heavy set-up there would run into TestFX's set-up timeout. */
    @BeforeEach
    void start() throws Exception {
        admin = TestRegister.create(TestDatabases.folder(temp)).login(TestRegister.ADMIN);
        FxToolkit.setupStage(stage -> {
            new MainWindow(admin, Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH), () -> { }).show(stage);
        });
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void aPastedUnitNameOfAHundredThousandCharactersIsRefusedBesideTheField(FxRobot robot) {
        robot.clickOn("#nav_SETTINGS");
        TextField name = robot.lookup("#unitNameField").queryAs(TextField.class);
        String pasted = "Enheten för unga i Söder ".repeat(4_000);
        robot.interact(() -> name.setText(pasted));

        robot.clickOn("#saveSettingsButton");

        Label error = robot.lookup("#unitNameError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Högst 200 tecken.");
        assertThat(name.getText()).isEqualTo(pasted);
        assertThat(admin.services().settings().load().unitName()).isEmpty();
    }

    @Test
    void omLotsbokShowsTheVersionAndTheFingerprintInfoShows(FxRobot robot) {
        robot.clickOn("#nav_SETTINGS");

        String fingerprint = admin.services().maintenance().info(admin.actor()).fingerprint();
        assertThat(robot.lookup("#aboutFingerprint").queryAs(TextField.class).getText())
                .isEqualTo(se.lotsbok.domain.report.SigningKey.grouped(fingerprint)).hasSize(79);
        assertThat(robot.lookup("#aboutVersion").queryAs(Label.class).getText())
                .isEqualTo(se.lotsbok.report.AppVersion.get());
    }

    @Test
    void theHeadersOmLotsbokShowsTheFingerprintOnceLoggedIn(FxRobot robot) {
        String fingerprint = admin.services().maintenance().info(admin.actor()).fingerprint();

        robot.clickOn("#aboutButton");

        assertThat(robot.lookup("#aboutDialogFingerprint").queryAs(Label.class).getText())
                .isEqualTo(se.lotsbok.domain.report.SigningKey.grouped(fingerprint));
        robot.clickOn("#aboutCloseButton");
    }
}
