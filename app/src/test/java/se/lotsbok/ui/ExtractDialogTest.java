package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import se.lotsbok.domain.extract.Release;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.extract.ExtractService;
import se.lotsbok.testing.FullRecord;
import se.lotsbok.testing.PastRegister;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.ui.casepath.CaseHistoryRow;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.extract.ExtractDialog;
import se.lotsbok.ui.extract.ExtractViewModel;
import se.lotsbok.ui.shell.MainWindow;

/**
 * The secrecy review before a release, driven headless as the enhetschef would: recipient, a note
 * left out, a passage selected and masked, each with its ground, the preview, and the files made.
 */
@ExtendWith(ApplicationExtension.class)
class ExtractDialogTest {

    @TempDir
    Path temp;

    private PastRegister past;
    private FullRecord record;

    /** The register is built outside the FX thread: heavy set-up there would run into TestFX's set-up timeout. */
    @BeforeEach
    void write() {
        past = PastRegister.create(TestDatabases.folder(temp), LocalDate.of(2026, 1, 5));
        record = FullRecord.write(past);
    }

    @AfterEach
    void close() {
        past.chef().close();
    }

    private void show(long participant) throws Exception {
        FileDialogs files = SavedInFolder.in(temp);
        ExtractViewModel viewModel = new ExtractViewModel(past.chef().services().extracts(), past.chef().actor(),
                participant, Tasks.immediate(), Texts.swedish(), e -> {
                    throw new AssertionError(e);
                });
        FxToolkit.setupStage(stage -> {
            ExtractDialog dialog = new ExtractDialog(viewModel, Texts.swedish(), files);
            stage.setScene(new Scene(dialog.node(), 900, 780));
            stage.show();
            viewModel.load();
        });
    }

    @Test
    void theReviewLeavesOutANoteMasksASelectedPassageAndMakesTheFiles(FxRobot robot) throws Exception {
        show(record.participant());
        assertThat(robot.lookup("#extractTitle").queryAs(Label.class).getText()).isEqualTo("Registerutdrag – Åse Öberg");
        assertThat(robot.lookup("#extractWarning").queryAs(Label.class).getText()).contains("personuppgifter");

        click(robot, "#toOtherChoice");
        click(robot, "#makeExtractButton");
        assertThat(text(robot, "#recipientError")).isEqualTo("Ange vem som ska få utdraget.");
        click(robot, "#recipientField");
        robot.write("Stockholms tingsrätt");

        chooseNote(robot, record.secret());
        click(robot, "#omitNoteButton");
        assertThat(text(robot, "#groundError")).isEqualTo("Ange grunden, t.ex. OSL 26 kap. 1 §.");
        click(robot, "#groundField");
        robot.write("OSL 26 kap. 12 §");
        click(robot, "#omitNoteButton");
        assertThat(notes(robot).getItems()).filteredOn(l -> l.id() == record.secret()).singleElement()
                .satisfies(l -> assertThat(l.text()).endsWith("utelämnas (OSL 26 kap. 12 §)"));

        chooseNote(robot, record.masked());
        TextArea note = robot.lookup("#reviewNoteText").queryAs(TextArea.class);
        assertThat(note.getText()).isEqualTo(FullRecord.MASKED_TEXT);
        int start = FullRecord.passageStart();
        robot.interact(() -> note.selectRange(start, start + FullRecord.PASSAGE.length()));
        robot.interact(() -> robot.lookup("#groundField").queryAs(TextField.class).clear());
        click(robot, "#groundField");
        robot.write("OSL 26 kap. 1 §");
        click(robot, "#maskSelectionButton");
        assertThat(robot.lookup("#masksList").queryAs(ListView.class).getItems()).hasSize(1);

        String preview = robot.lookup("#previewText").queryAs(TextArea.class).getText();
        assertThat(preview).contains("Vi talade om boendet. [Maskerat – grund: OSL 26 kap. 1 §] Nästa möte blir i maj.",
                "Anteckningen är utelämnad efter sekretessprövning. Grund: OSL 26 kap. 12 §", FullRecord.LAST_TEXT)
                .doesNotContain("Kalle", "hot i familjen");

        click(robot, "#makeExtractButton");

        Path pdf = temp.resolve("registerutdrag-Öberg-Åse.pdf");
        assertThat(text(robot, "#reviewMessage")).startsWith("Utdraget är sparat: " + pdf);
        assertThat(robot.lookup("#releasesList").queryAs(ListView.class).getItems()).singleElement()
                .asString().contains("Stockholms tingsrätt", "1 utelämnade, 1 maskerade");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Stockholms tingsrätt", "OSL 26 kap. 12 §")
                    .doesNotContain("Kalle", "hot i familjen");
        }
        List<Release> releases = ((ExtractService.Prepared) past.chef().services().extracts()
                .prepare(past.chef().actor(), record.participant())).extract().releases();
        assertThat(releases).singleElement().satisfies(r -> assertThat(r.redaction().masks()).hasSize(1));
    }

    @Test
    void withoutAFormNothingIsMadeAndTheChoiceSaysWhy(FxRobot robot) throws Exception {
        show(record.participant());
        click(robot, "#pdfCheck");
        click(robot, "#makeExtractButton");

        assertThat(text(robot, "#formatError")).isEqualTo("Välj minst ett format (PDF eller JSON).");
        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".pdf") || n.endsWith(".json"));
        }
    }

    @Test
    void aGallradPersonHasNothingLeftToExtractAndTheWindowSaysSo(FxRobot robot) throws Exception {
        long gone = past.closedCase("Gustav", "Gallrad", "19990807", "111", LocalDate.of(2018, 3, 1),
                LocalDate.of(2018, 4, 1));
        past.today();
        past.chef().services().retention().delete(past.chef().actor(), List.of(gone));
        show(gone);

        assertThat(text(robot, "#extractUnavailable"))
                .isEqualTo("Deltagarens personuppgifter är gallrade. Det finns inget kvar att ta fram ett utdrag av.");
        assertThat(shown(robot.lookup("#makeExtractButton").query())).as("nothing to make").isFalse();
        assertThat(shown(robot.lookup("#reviewNotes").query())).isFalse();
    }

    @Test
    void theCaseFileOpensTheExtractOfTheParticipantShownAndShowsTheReleaseAsADatedRow(FxRobot robot)
            throws Exception {
        FxToolkit.setupStage(stage -> new MainWindow(past.chef(), Tasks.immediate(),
                LanguagePreference.inMemory(Texts.SWEDISH), () -> { }, SavedInFolder.in(temp)).show(stage));
        robot.clickOn("#nav_PARTICIPANTS");
        assertThat(robot.lookup("#openExtractButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("Öberg, Åse");
        robot.clickOn("#caseTab");
        int before = history(robot).getItems().size();

        robot.clickOn("#openExtractButton");

        assertThat(robot.lookup("#extractTitle").queryAs(Label.class).getText()).isEqualTo("Registerutdrag – Åse Öberg");
        assertThat(notes(robot).getItems()).hasSize(5);
        click(robot, "#toOtherChoice");
        click(robot, "#recipientField");
        robot.write("Stockholms tingsrätt");
        chooseNote(robot, record.secret());
        click(robot, "#groundField");
        robot.write("OSL 26 kap. 12 §");
        click(robot, "#omitNoteButton");
        click(robot, "#makeExtractButton");
        assertThat(text(robot, "#reviewMessage")).startsWith("Utdraget är sparat: ");
        click(robot, "#closeExtractButton");
        assertThat(robot.lookup("#extractTitle").tryQuery()).isEmpty();

        // The release is a dated row of the case, newest first, without opening the participant again.
        assertThat(history(robot).getItems()).hasSize(before + 1);
        CaseHistoryRow first = history(robot).getItems().getFirst();
        assertThat(first).isInstanceOfSatisfying(CaseHistoryRow.Released.class, row -> {
            assertThat(row.release().recipient()).isEqualTo("Stockholms tingsrätt");
            assertThat(row.date()).isEqualTo(LocalDate.now(past.clock()));
        });
        TableView<CaseHistoryRow> table = history(robot);
        assertThat(table.getColumns().get(1).getCellData(0)).isEqualTo("Utlämnande");
        assertThat(table.getColumns().get(2).getCellData(0)).isEqualTo(
                "Till Stockholms tingsrätt: Registerutdrag; 1 anteckningar utelämnade, 0 passager maskerade");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(table).lookup((Node n) -> n instanceof Text t && "Utlämnande".equals(t.getText()))
                .tryQuery())
                .as("the row is drawn").isPresent();
    }

    @SuppressWarnings("unchecked")
    private static TableView<CaseHistoryRow> history(FxRobot robot) {
        return robot.lookup("#caseHistory").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<ExtractViewModel.NoteLine> notes(FxRobot robot) {
        return robot.lookup("#reviewNotes").queryAs(ListView.class);
    }

    private static void chooseNote(FxRobot robot, long id) throws IOException {
        ListView<ExtractViewModel.NoteLine> list = notes(robot);
        int index = list.getItems().stream().map(ExtractViewModel.NoteLine::id).toList().indexOf(id);
        robot.interact(() -> {
            reveal(list);
            list.scrollTo(index);
        });
        robot.clickOn(robot.from(list).lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> cell
                && cell.getItem() instanceof ExtractViewModel.NoteLine line && line.id() == id).<Node>query());
        assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo(id);
    }

    /** Whether the node and every node around it are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Scrolls the window's scroll pane so that {@code query} is in view, then clicks it, as a user would. */
    private static void click(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> reveal(node));
        robot.clickOn(node);
    }

    private static void reveal(Node node) {
        Parent parent = node.getParent();
        while (parent != null && !(parent instanceof ScrollPane)) {
            parent = parent.getParent();
        }
        if (!(parent instanceof ScrollPane scroll)) {
            return;
        }
        Node content = scroll.getContent();
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double viewport = scroll.getViewportBounds().getHeight();
        double height = content.getBoundsInLocal().getHeight();
        if (height > viewport) {
            double target = bounds.getMinY() - viewport / 3;
            scroll.setVvalue(Math.max(0, Math.min(1, target / (height - viewport))));
        }
        scroll.layout();
    }
}
