package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.MainWindow;

/** The Rapporter screen driven headless: figures, tables, exports, the import preview and the changed-month flag. */
@ExtendWith(ApplicationExtension.class)
class ReportsScreenTest {

    private static final String HEADER = "personnummer;förnamn;efternamn;kön;program;aktualiserad;källa;samtycke;"
            + "samtycke_vårdnadshavare;inskriven;lots;avslutad;avslutsorsak;ej_inskriven_orsak\n";
    private static final String ANNA = Pins.dashed("20080314", "238");
    private static final String BO = Pins.dashed("19990101", "100");
    private static final String REGISTER = HEADER
            + ANNA + ";Anna;Ek;Kvinna;Unga;2026-01-05;Polis;2026-01-20;2026-01-21;2026-02-01;Sara Lind;;;\n"
            + BO + ";Bo;Al;Man;Unga vuxna;2026-02-10;Skola;2026-02-12;;2026-03-01;Sara Lind;;;\n";

    @TempDir
    Path temp;

    private Session session;
    /** The answers the file dialogs give, in order; empty means the user cancelled. */
    private final Deque<Optional<Path>> answers = new ArrayDeque<>();

    /** The register is built outside the FX thread: heavy set-up there would run into TestFX's set-up timeout. */
    @BeforeEach
    void start() throws Exception {
        session = TestRegister.create(TestDatabases.folder(temp)).userWith("chef", Role.UNIT_HEAD);
        assertThat(session.services().imports().importFile(session.actor(),
                REGISTER.getBytes(StandardCharsets.UTF_8)).written()).isTrue();
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
            new MainWindow(session, Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH), () -> { }, dialogs)
                    .show(stage);
        });
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theLastMonthIsShownWithItsFiguresTablesAndYearlySummary(FxRobot robot) {
        robot.clickOn("#nav_REPORTS");

        assertThat(robot.lookup("#reportMonth").<ComboBox<YearMonth>>query().getValue()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(text(robot, "#figure_enrolled_at_end")).isEqualTo("2");
        assertThat(text(robot, "#reportExportState")).isEqualTo("Oktober 2026 har inte exporterats.");
        TableView<?> tally = robot.lookup("#tallyTable").queryAs(TableView.class);
        assertThat(tally.getItems().getFirst().toString())
                .contains("Inskrivna vid månadens slut", "value=2");
        assertThat(robot.lookup("#yearTable").queryAs(TableView.class).getItems().getFirst().toString())
                .contains("year=2026", "enrolled=2");
        assertThat(robot.lookup("#caseloadChart").tryQuery()).isPresent();

        robot.interact(() -> robot.lookup("#reportMonth").<ComboBox<YearMonth>>query().setValue(YearMonth.of(2026, 1)));
        assertThat(text(robot, "#figure_enrolled_at_end")).isEqualTo("0");
        assertThat(text(robot, "#figure_referrals")).isEqualTo("1");
    }

    @Test
    void exportingTheMonthWritesTheFileAndACorrectionInHindsightIsFlagged(FxRobot robot) throws Exception {
        robot.clickOn("#nav_REPORTS");
        Path file = temp.resolve("oktober.csv");
        answers.add(Optional.of(file));

        robot.clickOn("#exportMonthButton");

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("\uFEFFperiod;measure;category;value\r\n")
                .contains("2026-10;enrolled_at_end;total;2\r\n");
        assertThat(text(robot, "#reportExportState")).startsWith("Oktober 2026 exporterades ")
                .endsWith("; siffrorna är desamma.");

        long anna = session.services().participants().list(session.actor()).stream()
                .filter(p -> p.firstName().equals("Anna")).findFirst().orElseThrow().id();
        session.services().cases().move(session.actor(), anna, Move.discharge(LocalDate.of(2026, 10, 20),
                DischargeReason.MOVED, new Situation(Situation.Occupation.UNKNOWN, Situation.Housing.UNKNOWN,
                        Situation.SubstanceUse.UNKNOWN)));
        robot.clickOn("#nav_PARTICIPANTS");
        robot.clickOn("#nav_REPORTS");

        assertThat(text(robot, "#reportExportState")).startsWith("Siffrorna för oktober 2026 har ändrats sedan");
        assertThat(robot.lookup("#reportExportState").queryAs(Label.class).getStyleClass()).contains("alert-banner");
        assertThat(text(robot, "#reportChangedMonths")).isEqualTo("Ändrade sedan exporten: 2026-10");
        assertThat(text(robot, "#figure_enrolled_at_end")).isEqualTo("1");
    }

    @Test
    void aFileWithErrorsIsShownRowByRowAndNothingCanBeImported(FxRobot robot) throws Exception {
        robot.clickOn("#nav_REPORTS");
        Path bad = temp.resolve("fel.csv");
        Files.writeString(bad, HEADER + Pins.dashed("20100505", "422") + ";Cilla;Berg;;;2026-13-01;;;;;;;;\n"
                + Pins.dashed("20010101", "555") + ";Dan;Ek;;;2026-04-01;;;;;;;;\n", StandardCharsets.UTF_8);
        answers.add(Optional.of(bad));

        robot.clickOn("#importButton");

        assertThat(text(robot, "#importPreviewHeader"))
                .isEqualTo("1 av 2 rader har fel. Inget läses in förrän alla rader är rätt: rätta filen och försök igen.");
        assertThat(robot.lookup("#importPreviewTable").queryAs(TableView.class).getItems().getFirst().toString())
                .contains("aktualiserad: ”2026-13-01” är inget datum");
        assertThat(robot.lookup("#confirmImportButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#dialogCancelButton");
        assertThat(session.services().participants().list(session.actor())).hasSize(2);
    }

    @Test
    void aFileWithAnUnclosedQuotationMarkIsRefusedNamingTheLineAndNothingCanBeImported(FxRobot robot) throws Exception {
        robot.clickOn("#nav_REPORTS");
        Path bad = temp.resolve("citat.csv");
        Files.writeString(bad, HEADER + Pins.dashed("20100505", "422") + ";Cilla;Berg;;;2026-10-01;;;;;;;;\n"
                + Pins.dashed("20010101", "555") + ";\"Dan;Ek;;;2026-04-01;;;;;;;;\n", StandardCharsets.UTF_8);
        answers.add(Optional.of(bad));

        robot.clickOn("#importButton");

        assertThat(text(robot, "#importPreviewHeader")).isEqualTo("Filen kan inte läsas in.\nCitattecknet i början av"
                + " ett fält på rad 3 avslutas aldrig, så resten av filen kan inte läsas. Lägg till det avslutande"
                + " citattecknet eller ta bort det inledande.");
        assertThat(robot.lookup("#confirmImportButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#dialogCancelButton");
        assertThat(session.services().participants().list(session.actor())).hasSize(2);
    }

    @Test
    void aGoodFileIsPreviewedThenImportedOnConfirmation(FxRobot robot) throws Exception {
        robot.clickOn("#nav_REPORTS");
        Path good = temp.resolve("lista.csv");
        Files.writeString(good, REGISTER + Pins.dashed("20010101", "555") + ";Dan;Ek;;;2026-10-01;;;;;;;;\n",
                StandardCharsets.UTF_8);
        answers.add(Optional.of(good));

        robot.clickOn("#importButton");
        assertThat(text(robot, "#importPreviewHeader")).startsWith("3 rader kan läsas in: 1 nya deltagare, 2 nya uppgifter.");
        assertThat(session.services().participants().list(session.actor())).hasSize(2);
        robot.clickOn("#confirmImportButton");

        assertThat(text(robot, "#reportMessage")).isEqualTo("Inläst: 3 rader, 1 nya deltagare, 2 nya uppgifter.");
        assertThat(session.services().participants().list(session.actor())).hasSize(3);
        assertThat(text(robot, "#figure_referrals")).isEqualTo("1");
    }

    @Test
    void theParticipantListIsWrittenOnlyAfterTheWarning(FxRobot robot) throws Exception {
        robot.clickOn("#nav_REPORTS");
        Path list = temp.resolve("deltagare.csv");
        answers.add(Optional.of(list));

        robot.clickOn("#exportListButton");
        robot.clickOn("#dialogCancelButton");
        assertThat(list).doesNotExist();

        robot.clickOn("#exportListButton");
        robot.clickOn("#confirmListButton");
        assertThat(Files.readString(list, StandardCharsets.UTF_8)).contains(ANNA + ";Anna;Ek");
        assertThat(text(robot, "#reportMessage")).startsWith("Deltagarlista med 2 deltagare skriven:");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
