package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.settings.SettingsViewModel;

/** The unit's settings without a window, on a real register. */
class SettingsViewModelTest {

    @TempDir
    Path temp;

    private Session admin;
    private SettingsViewModel settings;
    private final List<UnitSettings> saved = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        admin = TestRegister.create(TestDatabases.folder(temp)).login(TestRegister.ADMIN);
        settings = new SettingsViewModel(admin.services().settings(), admin.actor(), Tasks.immediate(), Texts.swedish(),
                (Locale chosen) -> true, saved::add, errors::add);
        settings.load();
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void aUnitNameOfAHundredThousandCharactersIsRefusedBesideTheFieldAndKeptInIt() {
        String pasted = "SIG Söder ".repeat(10_000);
        settings.unitNameProperty().set(pasted);

        settings.save();

        assertThat(settings.unitNameErrorProperty().get()).isEqualTo("Högst 200 tecken.");
        assertThat(settings.messageProperty().get().text()).isEqualTo("Rätta de markerade fälten. Inget har sparats, och det du skrivit finns kvar.");
        assertThat(settings.unitNameProperty().get()).isEqualTo(pasted);
        assertThat(saved).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(admin.services().settings().load().unitName()).isEmpty();
    }

    @Test
    void aUnitNameWithSwedishLettersAndEmojiIsSavedAsTypedAndTheErrorClears() {
        settings.unitNameProperty().set("x".repeat(201));
        settings.save();
        settings.unitNameProperty().set("  SIG Årsta–Älvsjö 🙂 ");

        settings.save();

        assertThat(settings.unitNameErrorProperty().get()).isEmpty();
        assertThat(settings.messageProperty().get().text()).isEqualTo("Inställningarna är sparade.");
        assertThat(admin.services().settings().load().unitName()).isEqualTo("SIG Årsta–Älvsjö 🙂");
    }
}
