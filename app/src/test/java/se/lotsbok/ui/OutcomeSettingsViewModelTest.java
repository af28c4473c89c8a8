package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.casepath.Situation.Housing;
import se.lotsbok.domain.casepath.Situation.Occupation;
import se.lotsbok.domain.casepath.Situation.SubstanceUse;
import se.lotsbok.domain.report.OutcomeOrder;
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.settings.OutcomeSettingsViewModel;

/** The follow-up and outcome settings without a window, on a real register, as the enhetschef sets them. */
class OutcomeSettingsViewModelTest {

    @TempDir
    Path temp;

    private TestRegister register;
    private Session chef;
    private OutcomeSettingsViewModel settings;
    private final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        register = TestRegister.create(TestDatabases.folder(temp));
        chef = register.userWith("chef", Role.UNIT_HEAD);
        settings = new OutcomeSettingsViewModel(chef.services().settings(), chef.actor(), Tasks.immediate(),
                Texts.swedish(), errors::add);
        settings.load();
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void theDefaultsAreShownAsRanks() {
        assertThat(settings.canChange()).isTrue();
        assertThat(settings.monthsProperty().get()).isEqualTo("6");
        assertThat(settings.rankProperty(Occupation.WORK).get()).isEqualTo(1);
        assertThat(settings.rankProperty(Occupation.STUDIES).get()).isEqualTo(1);
        assertThat(settings.rankProperty(Occupation.NONE).get()).isEqualTo(3);
        assertThat(settings.rankProperty(Housing.OTHERS).get()).isEqualTo(2);
        assertThat(settings.rankProperty(SubstanceUse.YES).get()).isEqualTo(2);
    }

    @Test
    void chosenRanksAndMonthsAreSavedAndTheDefaultCanBeBrought() {
        settings.monthsProperty().set(" 12 ");
        settings.rankProperty(Occupation.WORK).set(2);
        settings.rankProperty(Occupation.INTERNSHIP).set(2);
        settings.rankProperty(Occupation.NONE).set(4);

        settings.save();

        assertThat(errors).isEmpty();
        assertThat(settings.messageProperty().get()).isEqualTo("Sparat. Utfallsmåtten räknas nu med den sparade ordningen.");
        var saved = chef.services().settings().loadOutcome();
        assertThat(saved.followUpMonths()).isEqualTo(12);
        assertThat(saved.order().occupationText()).isEqualTo("studies>work=internship>none");
        assertThat(settings.rankProperty(Occupation.NONE).get()).as("shown as levels again").isEqualTo(3);

        settings.restoreDefaultOrder();
        settings.save();
        assertThat(chef.services().settings().loadOutcome().order()).isEqualTo(OutcomeOrder.DEFAULT);
    }

    @Test
    void monthsOutsideTheRangeAreRefusedBesideTheFieldAndNothingIsSaved() {
        settings.monthsProperty().set("sex");
        settings.save();
        assertThat(settings.monthsErrorProperty().get()).isEqualTo("Ett heltal från 1 till 60.");
        settings.monthsProperty().set("61");
        settings.save();
        assertThat(settings.monthsErrorProperty().get()).isEqualTo("Ett heltal från 1 till 60.");
        assertThat(settings.monthsProperty().get()).isEqualTo("61");
        assertThat(chef.services().settings().loadOutcome().followUpMonths()).isEqualTo(6);
    }

    @Test
    void aLotsSeesTheSettingsButMayNotChangeThem() {
        try (Session lots = register.userWith("lotta", Role.NAVIGATOR)) {
            OutcomeSettingsViewModel theirs = new OutcomeSettingsViewModel(lots.services().settings(), lots.actor(),
                    Tasks.immediate(), Texts.swedish(), errors::add);
            theirs.load();
            assertThat(theirs.canChange()).isFalse();
            assertThat(theirs.monthsProperty().get()).isEqualTo("6");
        }
    }
}
