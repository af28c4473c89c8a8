package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.combine.TallyFiles;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.combine.CombineViewModel;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.MainWindow;

/** The Sammanställning screen as a stadssamordnare uses it: files in, states and table shown, exports out. */
@ExtendWith(ApplicationExtension.class)
class CombineScreenTest {

    @TempDir
    Path temp;

    private Session session;
    private TallyFiles files;
    /** The answers the file dialogs give, in order. */
    private final Deque<List<Path>> answers = new ArrayDeque<>();

    @BeforeEach
    void start() throws Exception {
        session = TestRegister.create(TestDatabases.folder(temp)).userWith("stad", Role.CITY_COORDINATOR);
        files = new TallyFiles(Files.createDirectories(temp.resolve("in")));
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Optional<Path> save(Node owner, String title, String initialName, String extension) {
                return answers.isEmpty() ? Optional.empty() : Optional.of(answers.pop().getFirst());
            }

            @Override
            public Optional<Path> open(Node owner, String title, String extension) {
                return answers.isEmpty() ? Optional.empty() : Optional.of(answers.pop().getFirst());
            }

            @Override
            public List<Path> openMany(Node owner, String title, String extension) {
                return answers.isEmpty() ? List.of() : answers.pop();
            }
        };
        FxToolkit.setupStage(stage -> new MainWindow(session, Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH),
                () -> { }, dialogs).show(stage));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aCityCoordinatorSeesTheCompilationAndNothingOfTheRegister(FxRobot robot) {
        assertThat(robot.lookup("#nav_COMBINE").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav_PARTICIPANTS").tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav_REPORTS").tryQuery()).isEmpty();
        assertThat(robot.lookup("#combineScreen").tryQuery()).as("the first place shown").isPresent();
    }

    @Test
    void aChangedFileIsShownWithItsReasonAndOnlyTheRestCanBeExported(FxRobot robot) throws Exception {
        Path farsta = files.year("farsta.json", "Farsta", "2016", 16, 12);
        Path skarpnack = files.year("skarpnack.json", "Skarpnäck", "2016", 29, 47);
        Path changed = files.edit(files.year("eav.json", "Enskede-Årsta-Vantör", "2016", 20, 5), "\"value\" : 20",
                "\"value\" : 21");
        answers.add(List.of(farsta, skarpnack, changed));

        robot.clickOn("#combineAddButton");

        assertThat(text(robot, "#combineProblem")).startsWith("eav.json: talen eller enhetens namn har ändrats");
        assertThat(lines(robot)).extracting(CombineViewModel.UnitLine::unit).containsExactly("Farsta", "Skarpnäck", "", "Totalt");
        assertThat(lines(robot).get(0).state()).startsWith("Signerad, nyckel ");
        assertThat(lines(robot).get(2).problem()).isTrue();
        assertThat(robot.lookup("#combineExportCsv").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#combineChart").tryQuery()).isPresent();

        robot.interact(() -> robot.lookup("#combineTable").queryAs(TableView.class).getSelectionModel().select(2));
        robot.clickOn("#combineRemoveButton");

        assertThat(robot.lookup("#combineProblem").queryAs(Label.class).isVisible()).isFalse();
        Path csv = temp.resolve("stad.csv");
        answers.add(List.of(csv));
        robot.clickOn("#combineExportCsv");
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFFunit;enrolled;contacted_not_enrolled;total\r\nFarsta;16;12;28\r\nSkarpnäck;29;47;76\r\nTotalt;45;59;104\r\n");
        Path pdf = temp.resolve("stad.pdf");
        answers.add(List.of(pdf));
        robot.clickOn("#combineExportPdf");
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(text(robot, "#combineMessage")).isEqualTo("Sammanställningen är sparad: " + pdf);
    }

    @Test
    void anUnsignedFileCountsOnlyWhenChosenAndIsMarked(FxRobot robot) throws Exception {
        Path signed = files.year("farsta.json", "Farsta", "2016", 16, 12);
        Path unsigned = files.bytes("gammal.json", Files.readString(files.year("x.json", "Hässelby-Vällingby", "2016", 10, 7))
                .replaceAll("(?s),\\s*\"signature\" : \\{.*?\\}", "").replace("lotsbok-tally/2", "lotsbok-tally/1")
                .getBytes(StandardCharsets.UTF_8));
        answers.add(List.of(signed, unsigned));
        robot.clickOn("#combineAddButton");
        assertThat(text(robot, "#combineProblem")).startsWith("gammal.json: är inte signerad");

        robot.clickOn("#combineAllowUnsigned");

        assertThat(lines(robot)).extracting(CombineViewModel.UnitLine::unit)
                .containsExactly("Farsta", "Hässelby-Vällingby (osignerad)", "Totalt");
        assertThat(lines(robot).get(1).state()).isEqualTo("osignerad");
        assertThat(lines(robot).get(2).values()).containsExactly("26", "19", "45");
        assertThat(robot.lookup("#combineExportPdf").queryAs(Button.class).isDisabled()).isFalse();
    }

    private static List<CombineViewModel.UnitLine> lines(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<CombineViewModel.UnitLine> table = robot.lookup("#combineTable").queryAs(TableView.class);
        return table.getItems();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
