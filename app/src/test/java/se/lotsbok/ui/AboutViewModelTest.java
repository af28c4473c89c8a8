package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.about.AboutViewModel;

/** *Om Lotsbok*: where the register and its log are, and the way to the log folder. */
class AboutViewModelTest {

    @TempDir
    Path temp;

    @Test
    void theLogFolderIsInTheDataFolderAndIsMadeBeforeItIsOpened() {
        List<Path> opened = new ArrayList<>();
        AboutViewModel about = new AboutViewModel("1.2.0", temp.resolve("data"), opened::add, Texts.swedish());
        assertThat(about.version()).isEqualTo("1.2.0");
        assertThat(about.logFolder()).isEqualTo(temp.resolve("data").resolve("logs").toAbsolutePath());

        about.openLogFolder();
        assertThat(opened).containsExactly(about.logFolder());
        assertThat(about.logFolder()).isDirectory();
        assertThat(about.messageProperty().get()).isEmpty();
    }

    @Test
    void aFolderThatCannotBeOpenedIsNamedSoItCanBeFoundByHand() {
        AboutViewModel about = new AboutViewModel("1.2.0", temp, folder -> {
            throw new IOException("no file manager");
        }, Texts.swedish());
        about.openLogFolder();
        assertThat(about.messageProperty().get())
                .isEqualTo("Loggmappen kunde inte öppnas. Den finns i " + temp.resolve("logs").toAbsolutePath() + ".");
    }
}
