package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Texts;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.participant.ParticipantRow;
import se.lotsbok.ui.shell.MainWindow;

/** Drives the real main window on a real H2 file, headless, as a user would. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final String ASE_PIN = Pins.dashed("20080314", "238");

    @TempDir
    Path temp;

    private Session session;
    private final LanguagePreference language = LanguagePreference.inMemory(Texts.SWEDISH);

    /** The register is built outside the FX thread: heavy set-up there would run into TestFX's set-up timeout. */
    @BeforeEach
    void start() throws Exception {
        session = TestRegister.create(TestDatabases.folder(temp)).userWith("chef", Role.UNIT_HEAD);
        create(ParticipantInputs.valid().name("Kalle", "Ek").identity(Pins.dashed("20090601", "123")));
        FxToolkit.setupStage(stage -> {
            new MainWindow(session, Tasks.immediate(), language, () -> { }).show(stage);
        });
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void create(ParticipantInputs input) {
        session.services().participants().create(session.actor(), input.build());
    }

    @Test
    void createsAParticipantThroughTheFormAndFindsItBySearching(FxRobot robot) {
        robot.clickOn("#newParticipantButton");
        robot.clickOn("#firstNameField").write("Åse");
        robot.clickOn("#lastNameField").write("Öberg");
        robot.clickOn("#identityNumberField").write(ASE_PIN);
        robot.clickOn("#genderChoice_WOMAN");
        robot.clickOn("#programmeChoice_YOUTH");
        robot.clickOn("#saveButton");

        assertThat(label(robot, "#formTitle").getText()).isEqualTo("Åse Öberg");
        assertThat(rows(robot)).hasSize(2);

        robot.clickOn("#searchField").write("ase");
        assertThat(text(robot, "#searchField")).isEqualTo("ase");
        assertThat(rows(robot)).extracting(r -> r.summary().lastName()).containsExactly("Öberg");
        assertThat(label(robot, "#participantCount").getText()).isEqualTo("1 av 2 deltagare");

        robot.eraseText(3).write("080314-2389");
        assertThat(rows(robot)).extracting(r -> r.summary().firstName()).containsExactly("Åse");

        robot.write("9");
        assertThat(rows(robot)).isEmpty();
    }

    @Test
    void listIsInSwedishOrder(FxRobot robot) {
        create(ParticipantInputs.valid().name("Örjan", "Åberg").identity(Pins.dashed("20080101", "111")));
        create(ParticipantInputs.valid().name("Zara", "Zetterberg").identity(Pins.dashed("20080202", "222")));
        // coming back to the register reads it again
        robot.clickOn("#nav_SETTINGS");
        robot.clickOn("#nav_PARTICIPANTS");
        assertThat(rows(robot)).extracting(r -> r.summary().lastName()).containsExactly("Ek", "Zetterberg", "Åberg");
    }

    @Test
    void invalidFieldsGetTheirMessageBesideThemAndKeepWhatWasTyped(FxRobot robot) {
        robot.clickOn("#newParticipantButton");
        robot.clickOn("#lastNameField").write("Öberg");
        robot.clickOn("#identityNumberField").write("811218-9875");
        robot.clickOn("#saveButton");

        assertThat(label(robot, "#firstNameError").getText()).isEqualTo("Fältet måste fyllas i.");
        assertThat(label(robot, "#identityNumberError").getText()).startsWith("Kontrollsiffran stämmer inte");
        assertThat(label(robot, "#genderError").isVisible()).isTrue();
        assertThat(label(robot, "#formMessage").getText()).contains("Inget har sparats");
        assertThat(text(robot, "#lastNameField")).isEqualTo("Öberg");
        assertThat(text(robot, "#identityNumberField")).isEqualTo("811218-9875");
        assertThat(rows(robot)).hasSize(1);

        // fixing a field clears its message as the user types
        robot.clickOn("#firstNameField").write("Åse");
        assertThat(label(robot, "#firstNameError").isVisible()).isFalse();
    }

    @Test
    void aDuplicateIdentityNumberOffersToOpenTheExistingParticipant(FxRobot robot) {
        robot.clickOn("#newParticipantButton");
        robot.clickOn("#firstNameField").write("Karl");
        robot.clickOn("#lastNameField").write("Eksson");
        robot.clickOn("#identityNumberField").write("090601-1234");
        robot.clickOn("#genderChoice_MAN");
        robot.clickOn("#programmeChoice_YOUTH");
        robot.clickOn("#saveButton");

        assertThat(label(robot, "#identityNumberError").getText())
                .isEqualTo("Personnumret finns redan i registret (Kalle Ek).");
        assertThat(robot.lookup("#openExistingLink").queryAs(Node.class).isVisible()).isTrue();
        assertThat(rows(robot)).hasSize(1);

        robot.clickOn("#openExistingLink");
        robot.clickOn("#discardChangesButton");
        assertThat(label(robot, "#formTitle").getText()).isEqualTo("Kalle Ek");
        assertThat(text(robot, "#firstNameField")).isEqualTo("Kalle");
    }

    @Test
    void anAgeOutsideTheProgrammeIsAWarningNotABlock(FxRobot robot) {
        robot.clickOn("#newParticipantButton");
        robot.clickOn("#firstNameField").write("Vuxen");
        robot.clickOn("#lastNameField").write("Person");
        robot.clickOn("#identityNumberField").write(Pins.dashed("19900101", "123"));
        robot.clickOn("#genderChoice_OTHER");
        robot.clickOn("#programmeChoice_YOUTH");

        assertThat(label(robot, "#ageWarning").getText())
                .isEqualTo("Deltagaren är 36 år, utanför åldersgruppen för Unga (12–20 år). Du kan ändå spara.");
        robot.clickOn("#saveButton");
        assertThat(rows(robot)).hasSize(2);
    }

    @Test
    void someoneWithoutIdentityNumberIsSavedWithABirthDate(FxRobot robot) {
        robot.clickOn("#newParticipantButton");
        robot.clickOn("#firstNameField").write("Kim");
        robot.clickOn("#lastNameField").write("Li");
        robot.clickOn("#withoutIdentityNumberCheck");
        robot.clickOn("#birthDateField").write("2010-02-03");
        robot.clickOn("#genderChoice_UNKNOWN");
        robot.clickOn("#programmeChoice_YOUTH");
        robot.clickOn("#saveButton");

        robot.clickOn("#searchField").write("2010-02-03");
        assertThat(rows(robot)).extracting(ParticipantRow::identityText).containsExactly("2010-02-03");
    }

    @Test
    void keyboardShortcutsOpenANewFormAndTheSearch(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        assertThat(robot.lookup("#participantDetail").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#firstNameField").queryAs(TextField.class).isFocused()).isTrue();

        robot.write("Ny");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup("#searchField").queryAs(TextField.class).isFocused()).isTrue();
        assertThat(text(robot, "#firstNameField")).isEqualTo("Ny");
    }

    @Test
    void unsavedChangesAreNotThrownAwayWithoutAsking(FxRobot robot) {
        robot.clickOn("#newParticipantButton");
        robot.clickOn("#firstNameField").write("Halvfärdig");
        robot.clickOn("#closeFormButton");
        robot.clickOn("#keepEditingButton");
        assertThat(text(robot, "#firstNameField")).isEqualTo("Halvfärdig");
        assertThat(robot.lookup("#participantDetail").queryAs(Node.class).isVisible()).isTrue();
    }

    @Test
    void editsAnExistingParticipant(FxRobot robot) {
        robot.clickOn("Ek, Kalle");
        assertThat(label(robot, "#formTitle").getText()).isEqualTo("Kalle Ek");
        robot.clickOn("#phoneField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("08-123 45");
        robot.clickOn("#saveButton");
        assertThat(session.services().participants().open(session.actor(), rows(robot).getFirst().id())
                .orElseThrow().data().phone()).isEqualTo("08-123 45");
    }

    @Test
    void englishCanBeChosenAndTheWindowFollows(FxRobot robot) {
        robot.clickOn("#nav_SETTINGS");
        robot.clickOn("#languageChoice");
        robot.clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav_PARTICIPANTS").queryAs(ToggleButton.class).getText()).isEqualTo("Participants");
        assertThat(language.load()).isEqualTo(Texts.ENGLISH);
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<ParticipantRow> rows(FxRobot robot) {
        return java.util.List.copyOf(robot.lookup("#participantTable").queryAs(TableView.class).getItems());
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class).getText();
    }
}
