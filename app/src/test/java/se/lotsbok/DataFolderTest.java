package se.lotsbok;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    @Test
    void windowsUsesAppData() {
        assertThat(DataFolder.defaultFolder("Windows 11", "C:\\Users\\anna", Map.of("APPDATA", "C:\\Users\\anna\\AppData\\Roaming")))
                .isEqualTo(Path.of("C:\\Users\\anna\\AppData\\Roaming", "Lotsbok"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DataFolder.defaultFolder("Mac OS X", "/Users/anna", Map.of()))
                .isEqualTo(Path.of("/Users/anna/Library/Application Support/Lotsbok"));
    }

    @Test
    void linuxFollowsXdg() {
        assertThat(DataFolder.defaultFolder("Linux", "/home/anna", Map.of()))
                .isEqualTo(Path.of("/home/anna/.local/share/lotsbok"));
        assertThat(DataFolder.defaultFolder("Linux", "/home/anna", Map.of("XDG_DATA_HOME", "/data")))
                .isEqualTo(Path.of("/data/lotsbok"));
    }
}
