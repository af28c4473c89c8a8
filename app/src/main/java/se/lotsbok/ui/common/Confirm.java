package se.lotsbok.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import se.lotsbok.i18n.Texts;

/** The app's words and ids for the OK and Cancel buttons of a dialog built as a view (the import preview). */
public final class Confirm {

    public static final String OK_BUTTON_ID = FxDialogs.OK_BUTTON_ID;
    public static final String CANCEL_BUTTON_ID = FxDialogs.CANCEL_BUTTON_ID;

    private Confirm() {
    }

    /**
     * Gives a dialog's OK and Cancel buttons the app's own words (JavaFX would use the computer's
     * language, not the one chosen in Lotsbok) and ids that tests can find.
     */
    public static void localize(DialogPane pane, Texts texts) {
        Node ok = pane.lookupButton(ButtonType.OK);
        if (ok instanceof Button button) {
            button.setText(texts.get("common.ok"));
            button.setId(OK_BUTTON_ID);
        }
        Node cancel = pane.lookupButton(ButtonType.CANCEL);
        if (cancel instanceof Button button) {
            button.setText(texts.get("common.cancel"));
            button.setId(CANCEL_BUTTON_ID);
        }
    }
}
