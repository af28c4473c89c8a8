package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.participant.AgeBand;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.testing.TestDatabases;

class SettingsRepositoryTest {

    @TempDir
    Path temp;

    @Test
    void aNewDatabaseHasTheDefaultSettings() {
        try (Database db = TestDatabases.open(temp)) {
            var result = db.transaction(r -> r.settings().load());
            assertThat(result).isEqualTo(UnitSettings.DEFAULTS);
        }
    }

    @Test
    void savedSettingsSurviveReopening() {
        UnitSettings changed = new UnitSettings("SIG Söderort", 8, new AgeBand(13, 19), new AgeBand(18, 28));
        try (Database db = TestDatabases.open(temp)) {
            db.transaction(r -> {
                r.settings().save(TestDatabases.ADMINISTRATOR, changed);
                return null;
            });
        }
        try (Database db = TestDatabases.open(temp)) {
            var result = db.transaction(r -> r.settings().load());
            assertThat(result).isEqualTo(changed);
        }
    }
}
