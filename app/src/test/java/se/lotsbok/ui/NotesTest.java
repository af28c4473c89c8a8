package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.MainWindow;

/** Writing, signing and correcting a note through the real window, headless. */
@ExtendWith(ApplicationExtension.class)
class NotesTest {

    @TempDir
    Path temp;

    private Session session;
    private long participant;

    /** The register is built outside the FX thread: heavy set-up there would run into TestFX's set-up timeout. */
    @BeforeEach
    void start() throws Exception {
        session = TestRegister.create(TestDatabases.folder(temp)).userWith("chef", Role.UNIT_HEAD);
        participant = ((SaveOutcome.Saved) session.services().participants().create(session.actor(),
                ParticipantInputs.valid().name("Noa", "Berg").identity(Pins.dashed("20000101", "123")).build()))
                .participant().id();
        FxToolkit.setupStage(stage -> {
            new MainWindow(session, Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH), () -> { }).show(stage);
        });
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void writesSignsAndCorrectsANote(FxRobot robot) {
        robot.clickOn("Berg, Noa");
        robot.clickOn("#notesTab");
        robot.interact(() -> robot.lookup("#noteTime").queryTextInputControl().setText("08:15"));
        robot.clickOn("#noteText").write("Träffade Noa på skolan. Självkänslan är bättre.");
        robot.clickOn("#signNoteButton");
        robot.clickOn("#confirmSignButton");

        assertThat(label(robot, "#notesMessage").getText()).isEqualTo("Anteckningen är signerad och låst.");
        List<NoteService.Entry> entries = notes(robot);
        assertThat(entries).singleElement().satisfies(e ->
                assertThat(e.note().content().text()).isEqualTo("Träffade Noa på skolan. Självkänslan är bättre."));
        assertThat(robot.lookup("#noteText").queryTextInputControl().getText()).isEmpty();

        robot.clickOn("Rätta…");
        assertThat(label(robot, "#noteEditorHeading").getText()).startsWith("Rättelse av anteckningen från");
        robot.interact(() -> robot.lookup("#noteTime").queryTextInputControl().setText("08:20"));
        robot.interact(() -> robot.lookup("#noteText").queryTextInputControl()
                .setText("Träffade Noa på fritidsgården, inte skolan."));
        robot.clickOn("#signNoteButton");
        robot.clickOn("#confirmSignButton");

        assertThat(label(robot, "#notesMessage").getText())
                .isEqualTo("Rättelsen är signerad. Originalet finns kvar oförändrat.");
        NoteService.Entry entry = notes(robot).getFirst();
        assertThat(entry.note().content().text()).isEqualTo("Träffade Noa på skolan. Självkänslan är bättre.");
        assertThat(entry.amendments()).extracting(JournalNote::amends).containsExactly(entry.note().id());
        assertThat(robot.lookup("Träffade Noa på skolan. Självkänslan är bättre.").tryQuery()).isPresent();
        assertThat(robot.lookup("Träffade Noa på fritidsgården, inte skolan.").tryQuery()).isPresent();
    }

    @Test
    void anEmptyNoteIsNotSignedAndSaysWhy(FxRobot robot) {
        robot.clickOn("Berg, Noa");
        robot.clickOn("#notesTab");
        robot.clickOn("#signNoteButton");
        robot.clickOn("#confirmSignButton");
        assertThat(label(robot, "#notesMessage").getText()).isEqualTo("Anteckningen är tom.");
        assertThat(notes(robot)).isEmpty();
    }

    @Test
    void whatIsTypedIsKeptAsADraftAndComesBack(FxRobot robot) {
        robot.clickOn("Berg, Noa");
        robot.clickOn("#notesTab");
        robot.clickOn("#noteText").write("Halvskriven anteckning");
        // leaving the participant saves the draft at once (the timer does it every few seconds)
        robot.clickOn("#personalTab");
        robot.clickOn("#closeFormButton");
        assertThat(session.services().notes().draft(session.actor(), participant, null))
                .hasValueSatisfying(d -> assertThat(d.content().text()).isEqualTo("Halvskriven anteckning"));

        robot.clickOn("Berg, Noa");
        robot.clickOn("#notesTab");
        assertThat(robot.lookup("#noteText").queryTextInputControl().getText()).isEqualTo("Halvskriven anteckning");
        assertThat(label(robot, "#notesMessage").getText()).startsWith("Ditt osignerade utkast");
    }

    @SuppressWarnings("unchecked")
    private static List<NoteService.Entry> notes(FxRobot robot) {
        return List.copyOf(robot.lookup("#notesList").queryAs(ListView.class).getItems());
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
