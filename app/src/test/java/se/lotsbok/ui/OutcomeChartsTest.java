package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
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
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.MainWindow;

/**
 * "Utfall vid avslut" on the Rapporter screen, driven headless on an imported history: two discharges
 * in October 2026 and a third in May, with the situation at enrollment and at discharge.
 */
@ExtendWith(ApplicationExtension.class)
class OutcomeChartsTest {

    private static final String FILE = "personnummer;förnamn;efternamn;aktualiserad;samtycke;inskriven;avslutad;"
            + "avslutsorsak;sysselsättning_inskrivning;boende_inskrivning;missbruk_inskrivning;"
            + "sysselsättning_utskrivning;boende_utskrivning;missbruk_utskrivning\n"
            + Pins.dashed("19990101", "100") + ";Bo;Al;2026-02-10;2026-02-12;2026-03-01;2026-10-31;flyttat;"
            + "Ingen sysselsättning;Bor hos föräldrar;ja;Arbete;Eget boende;nej\n"
            + Pins.dashed("19980202", "200") + ";Cia;Ek;2026-02-10;2026-02-12;2026-03-01;2026-10-01;flyttat;"
            + "Arbete;Eget boende;nej;Studier;Institution;nej\n"
            + Pins.dashed("19970303", "300") + ";Dan;Ur;2026-02-10;2026-02-12;2026-03-01;2026-05-01;flyttat;"
            + "Praktik;Saknar boende;ja;Ingen sysselsättning;Saknar boende;;\n";

    @TempDir
    Path temp;

    private Session session;

    /** The register is built outside the FX thread: heavy set-up there would run into TestFX's set-up timeout. */
    @BeforeEach
    void start() throws Exception {
        session = TestRegister.create(TestDatabases.folder(temp)).userWith("chef", Role.UNIT_HEAD);
        assertThat(session.services().imports().importFile(session.actor(), FILE.getBytes(StandardCharsets.UTF_8))
                .written()).isTrue();
        FxToolkit.setupStage(stage -> {
            new MainWindow(session, Tasks.immediate(), LanguagePreference.inMemory(Texts.SWEDISH), () -> { }).show(stage);
        });
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theMonthsDischargesAreChartedWithTheNumberTheyRestOnAndARedNoteBelowTheLimit(FxRobot robot) {
        robot.clickOn("#nav_REPORTS");
        // The charts are below the key figures and the trend charts: scroll down to them, as a user would.
        Scrolling.into(robot, "#outcomeCharts");

        assertThat(text(robot, "#outcomeBasis")).isEqualTo("Bygger på 2 avslut under oktober 2026.");
        Label warning = robot.lookup("#outcomeWarning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getStyleClass()).contains(Styles.FIELD_ERROR);
        assertThat(warning.getText()).startsWith("Bara 2 avslut, färre än 3");
        BarChart<?, ?> occupation = robot.lookup("#outcomeChart_occupation").queryAs(BarChart.class);
        assertThat(occupation.getData()).extracting(XYChart.Series::getName)
                .containsExactly("Vid inskrivning", "Vid utskrivning");
        assertThat(text(robot, "#outcomeChange_occupation"))
                .isEqualTo("Förbättrad 1 · oförändrad 1 · försämrad 0 · okänd 0");
        assertThat(text(robot, "#outcomeChange_housing"))
                .isEqualTo("Förbättrad 1 · oförändrad 0 · försämrad 1 · okänd 0");

        robot.clickOn("#outcomePeriodYear");

        assertThat(text(robot, "#outcomeBasis")).isEqualTo("Bygger på 3 avslut under 2026.");
        assertThat(robot.lookup("#outcomeWarning").queryAs(Label.class).isVisible()).isFalse();
        assertThat(text(robot, "#outcomeChange_substance_use"))
                .isEqualTo("Förbättrad 1 · oförändrad 1 · försämrad 0 · okänd 1");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
