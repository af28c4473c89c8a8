package se.lotsbok.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import se.lotsbok.AppWiring;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.FxTasks;
import se.lotsbok.ui.common.LanguagePreference;

/**
 * The build's AOT training run on the real window, as the packaged program runs it: it must get
 * through every step of the current first start and login, or the installer build fails after two
 * minutes (as it did when the first start came to ask for the unit's name).
 */
@ExtendWith(ApplicationExtension.class)
class TrainingRunTest {

    @TempDir
    Path temp;

    private Stage stage;
    private final FxTasks tasks = new FxTasks();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void createsTheAdministratorVisitsEveryPlaceLogsInAgainAndCloses(FxRobot robot) throws Exception {
        Path folder = TestDatabases.folder(temp);
        AppWindow window = new AppWindow(AppWiring.auth(folder, TestDatabases.CLOCK, TestRegister.FAST_KEYS), tasks,
                LanguagePreference.inMemory(Texts.SWEDISH), TestDatabases.CLOCK);
        AtomicBoolean gaveUp = new AtomicBoolean();
        CountDownLatch closed = new CountDownLatch(1);
        robot.interact(() -> {
            stage.setOnHidden(e -> {
                window.close();
                closed.countDown();
            });
            window.showAtOnce(stage);
            TrainingRun.start(stage, () -> {
                gaveUp.set(true);
                closed.countDown();
            });
        });

        assertThat(closed.await(150, TimeUnit.SECONDS)).as("the run ended").isTrue();
        assertThat(gaveUp).as("the run gave up").isFalse();
        // What the run created is a register like any other: its administrator logs in, the unit has its name.
        LoginResult again = AppWiring.auth(folder, TestDatabases.CLOCK, TestRegister.FAST_KEYS)
                .login(TrainingRun.USER, TrainingRun.PASSWORD.toCharArray());
        assertThat(again).isInstanceOf(LoginResult.LoggedIn.class);
        try (Session session = ((LoginResult.LoggedIn) again).session()) {
            assertThat(session.services().settings().load().unitName()).isEqualTo(TrainingRun.UNIT);
        }
    }
}
