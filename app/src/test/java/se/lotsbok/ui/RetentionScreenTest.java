package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import se.lotsbok.domain.settings.RetentionSettings;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.PastRegister;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.retention.RetentionViewModel;
import se.lotsbok.ui.shell.MainWindow;

/** The Gallring screen driven headless on a register written since 2018 and seen on 2026-11-25. */
@ExtendWith(ApplicationExtension.class)
class RetentionScreenTest {

    @TempDir
    java.nio.file.Path temp;

    private PastRegister past;
    private Session session;

    /** The register is built outside the FX thread: heavy set-up there would run into TestFX's set-up timeout. */
    @BeforeEach
    void start() throws Exception {
        past = PastRegister.create(TestDatabases.folder(temp), LocalDate.of(2018, 1, 1));
        past.closedCase("Ada", "Ek", "20040707", "111", LocalDate.of(2019, 3, 1), LocalDate.of(2019, 6, 1));
        past.closedCase("Bo", "Al", "20040715", "112", LocalDate.of(2020, 2, 1), LocalDate.of(2020, 4, 30));
        past.closedCase("Cilla", "Berg", "20040716", "113", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 30));
        past.today();
        session = past.chef();
        FxToolkit.setupStage(stage -> {
            new MainWindow(session, Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH), () -> { }).show(stage);
        });
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theDueCaseFilesAreListedWithTheirDatesAndACount(FxRobot robot) {
        robot.clickOn("#nav_RETENTION");

        assertThat(text(robot, "#retentionSummary")).isEqualTo(
                "2 ärenden ska gallras: de är avslutade och den sista anteckningen är minst 5 år gammal.");
        assertThat(rows(robot)).extracting(RetentionViewModel.DueRow::name).containsExactly("Ek, Ada", "Al, Bo");
        assertThat(rows(robot).getFirst()).satisfies(r -> {
            assertThat(r.closedOn()).isEqualTo("2019-06-01");
            assertThat(r.lastEntry()).isEqualTo("2019-06-01");
            assertThat(r.deadline()).isEqualTo("2025-12-31");
            assertThat(r.identityNumber()).startsWith("20040707-");
        });
        assertThat(robot.lookup("#deleteButton").queryAs(Button.class).getText()).isEqualTo("Gallra 2 ärenden …");
        assertThat(robot.lookup("#retentionSampleNote").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void aCaseFileMarkedToBeKeptLeavesTheListAndShowsAmongTheKeptWithItsReason(FxRobot robot) {
        robot.clickOn("#nav_RETENTION");
        robot.interact(() -> robot.lookup("#retentionTable").queryAs(TableView.class).getSelectionModel().select(0));

        robot.clickOn("#keepButton");
        robot.clickOn("#keepReasonField").write("Placerad i familjehem");
        robot.clickOn("#dialogOkButton");

        assertThat(text(robot, "#retentionMessage")).isEqualTo("Ärendet är markerat att bevaras och gallras inte.");
        assertThat(rows(robot)).extracting(RetentionViewModel.DueRow::name).containsExactly("Al, Bo");
        TableView<?> kept = robot.lookup("#keptTable").queryAs(TableView.class);
        assertThat(kept.getItems()).singleElement().asString().contains("Ek, Ada", "Placerad i familjehem", "due=Ja");
        assertThat(text(robot, "#retentionSummary")).startsWith("Ett ärende ska gallras: det är avslutat");

        robot.interact(() -> kept.getSelectionModel().select(0));
        scrollDown(robot);
        robot.clickOn("#endKeepButton");
        assertThat(rows(robot)).hasSize(2);
    }

    @Test
    void deletingAsksFirstSayingWhatGoesAndNothingIsDeletedUntilConfirmed(FxRobot robot) {
        robot.clickOn("#nav_RETENTION");

        robot.clickOn("#deleteButton");
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Gallra 2 ärenden? Det går inte att ångra.");
        assertThat(dialog.getContentText()).startsWith("Personuppgifterna i 2 ärenden raderas för alltid: namn, personnummer");
        robot.clickOn("#dialogCancelButton");
        assertThat(rows(robot)).hasSize(2);
        assertThat(session.services().participants().list(session.actor())).hasSize(3);

        robot.clickOn("#deleteButton");
        robot.clickOn("#confirmRetentionButton");

        assertThat(text(robot, "#retentionMessage")).isEqualTo("Gallrat: personuppgifterna i 2 ärenden är raderade.");
        assertThat(rows(robot)).isEmpty();
        assertThat(text(robot, "#retentionSummary")).isEqualTo("Inget ärende ska gallras just nu (gallringsfrist 5 år).");
        assertThat(robot.lookup("#deleteButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(session.services().participants().list(session.actor()))
                .extracting(p -> p.firstName()).containsExactly("Cilla");
    }

    @Test
    void theSettingsAreCheckedBesideTheFieldAndTheResearchSampleKeepsThoseBornOnThe15th(FxRobot robot) {
        robot.clickOn("#nav_RETENTION");
        scrollDown(robot);

        robot.clickOn("#retentionYears").push(KeyCode.END).eraseText(1).write("3");
        robot.clickOn("#saveRetentionSettingsButton");
        assertThat(text(robot, "#retentionYearsError")).isEqualTo("Ange ett heltal från 5 till 99.");
        assertThat(session.services().retention().settings()).isEqualTo(RetentionSettings.DEFAULTS);

        scrollDown(robot);
        robot.clickOn("#retentionYears").push(KeyCode.END).eraseText(1).write("6");
        robot.clickOn("#retentionResearchSample");
        robot.clickOn("#saveRetentionSettingsButton");

        assertThat(robot.lookup("#retentionYearsError").queryAs(Label.class).isVisible()).isFalse();
        assertThat(session.services().retention().settings()).isEqualTo(new RetentionSettings(6, true));
        assertThat(rows(robot)).extracting(RetentionViewModel.DueRow::name).containsExactly("Ek, Ada");
        assertThat(text(robot, "#retentionSampleNote")).isEqualTo(
                "Ett ärende gallras inte eftersom personen ingår i forskningsurvalet (född den 5, 15 eller 25 i månaden).");
    }

    /** Scrolls the screen to its end, as a user would to reach what is below. */
    private static void scrollDown(FxRobot robot) {
        robot.interact(() -> robot.lookup("#retentionScreen").queryAs(ScrollPane.class).setVvalue(1));
    }

    private static java.util.List<RetentionViewModel.DueRow> rows(FxRobot robot) {
        return robot.lookup("#retentionTable").<TableView<RetentionViewModel.DueRow>>query().getItems();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
