package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import se.lotsbok.domain.backup.BackupSettings;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.backup.BackupScreen;
import se.lotsbok.ui.common.Confirm;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.MainWindow;

/** The Säkerhetskopior screen driven headless: a backup on demand, a restore, a refused file, the settings. */
@ExtendWith(ApplicationExtension.class)
class BackupScreenTest {

    @TempDir
    Path temp;

    private TestRegister register;
    private Session session;
    private final AtomicBoolean loggedOut = new AtomicBoolean();
    private final Deque<Optional<Path>> answers = new ArrayDeque<>();

    /** The register is built outside the FX thread: heavy set-up there would run into TestFX's set-up timeout. */
    @BeforeEach
    void start() throws Exception {
        register = TestRegister.create(TestDatabases.folder(temp));
        session = register.userWith("chef", Role.UNIT_HEAD, Role.ADMINISTRATOR);
        create("Åsa", "Före", "081");
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Optional<Path> save(Node owner, String title, String initialName, String extension) {
                return answers.isEmpty() ? Optional.empty() : answers.pop();
            }

            @Override
            public Optional<Path> open(Node owner, String title, String extension) {
                return answers.isEmpty() ? Optional.empty() : answers.pop();
            }
        };
        FxToolkit.setupStage(stage -> {
            new MainWindow(session, Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH),
                    () -> loggedOut.set(true), dialogs).show(stage);
        });
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aBackupTakenHereCanBeRestoredAndTheUserIsLoggedOut(FxRobot robot) {
        robot.clickOn("#nav_BACKUPS");
        TableView<?> table = robot.lookup("#backupTable").queryAs(TableView.class);
        assertThat(table.getItems()).isEmpty();

        robot.clickOn("#backupNowButton");

        assertThat(table.getItems()).hasSize(1);
        assertThat(text(robot, "#backupMessage")).startsWith("Säkerhetskopian är sparad: lotsbok-");
        // a backup made is good news: shown as done, never in the red of a refusal
        assertThat(robot.lookup("#backupMessage").queryAs(javafx.scene.control.Label.class).getStyleClass())
                .contains(se.lotsbok.ui.common.Styles.NOTICE).doesNotContain(se.lotsbok.ui.common.Styles.FORM_MESSAGE);
        create("Bo", "Efter", "082");

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#restoreSelectedButton");
        robot.clickOn("#" + BackupScreen.RESTORE_BUTTON_ID);
        robot.clickOn("#" + Confirm.OK_BUTTON_ID);

        assertThat(loggedOut).isTrue();
        try (Session again = register.login("chef")) {
            assertThat(again.services().participants().list(again.actor()).stream().map(ParticipantSummary::fullName))
                    .containsExactly("Åsa Före");
        }
    }

    @Test
    void cancellingTheQuestionRestoresNothing(FxRobot robot) {
        robot.clickOn("#nav_BACKUPS");
        robot.clickOn("#backupNowButton");
        create("Bo", "Efter", "082");
        TableView<?> table = robot.lookup("#backupTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));

        robot.clickOn("#restoreSelectedButton");
        robot.clickOn("#" + Confirm.CANCEL_BUTTON_ID);

        assertThat(loggedOut).isFalse();
        assertThat(session.services().participants().list(session.actor())).hasSize(2);
    }

    @Test
    void aFileThatIsNoBackupIsRefusedOnTheScreenAndNothingChanges(FxRobot robot) throws Exception {
        Path list = Files.writeString(temp.resolve("deltagare.zip"), "personnummer;förnamn\n");
        answers.add(Optional.of(list));
        robot.clickOn("#nav_BACKUPS");

        robot.clickOn("#restoreFileButton");
        robot.clickOn("#" + BackupScreen.RESTORE_BUTTON_ID);

        assertThat(loggedOut).isFalse();
        assertThat(text(robot, "#backupMessage")).isEqualTo(
                "Filen är ingen säkerhetskopia av Lotsbok, eller så är den skadad. Inget har ändrats.");
        assertThat(session.services().participants().list(session.actor())).hasSize(1);
    }

    @Test
    void settingsAreCheckedNextToTheFieldAndSavedOnlyWhenRight(FxRobot robot) {
        robot.clickOn("#nav_BACKUPS");
        // The settings are below the list: scroll down to them, as a user would.
        robot.interact(() -> robot.lookup("#backupScreen").queryAs(ScrollPane.class).setVvalue(1));
        robot.doubleClickOn("#backupKeepField").write("noll");
        robot.clickOn("#backupFolderField").write("kopior");
        robot.clickOn("#saveBackupSettingsButton");

        assertThat(robot.lookup(".field-error").queryAllAs(Label.class).stream().map(Label::getText))
                .contains("Ange ett heltal från 1 till 365.", "Ange hela sökvägen, till exempel D:\\Lotsbok\\Säkerhetskopior.");
        assertThat(session.services().maintenance().backupSettings()).isEqualTo(BackupSettings.DEFAULTS);

        Path folder = temp.resolve("kopior");
        robot.interact(() -> {
            robot.lookup("#backupKeepField").queryTextInputControl().setText("5");
            robot.lookup("#backupFolderField").queryTextInputControl().setText(folder.toString());
            // The messages beside the fields made the screen taller: back down to the button.
            robot.lookup("#backupScreen").queryAs(ScrollPane.class).setVvalue(1);
        });
        robot.clickOn("#saveBackupSettingsButton");

        assertThat(session.services().maintenance().backupSettings()).isEqualTo(new BackupSettings(folder.toString(), 5));
        assertThat(text(robot, "#backupLocation")).endsWith(folder.toString());
        // The list and its buttons are at the top, above the settings and the move to the server.
        robot.interact(() -> robot.lookup("#backupScreen").queryAs(ScrollPane.class).setVvalue(0));
        robot.clickOn("#backupNowButton");
        assertThat(folder).isDirectoryContaining(p -> p.getFileName().toString().startsWith("lotsbok-"));
    }

    private void create(String first, String last, String serial) {
        session.services().participants().create(session.actor(),
                ParticipantInputs.valid().name(first, last).identity(Pins.dashed("20080314", serial)).build());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
