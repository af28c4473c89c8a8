package se.lotsbok.testing;

import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.MainWindow;

/** The main window for a UI test: the user's session, in Swedish, its work done at once on the FX thread. */
public final class TestWindows {

    private TestWindows() {
    }

    /** Shows {@code session}'s main window on TestFX's stage. */
    public static void show(Session session) throws TimeoutException {
        FxToolkit.setupStage(stage -> new MainWindow(session, Tasks.immediate(),
                LanguagePreference.inMemory(Texts.SWEDISH), () -> { }).show(stage));
    }
}
