package se.lotsbok.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import se.lotsbok.i18n.Texts;

/** Asks the user before unsaved changes are thrown away. */
public final class Confirm {

    public static final String DISCARD_BUTTON_ID = "discardChangesButton";
    public static final String KEEP_BUTTON_ID = "keepEditingButton";
    public static final String OVER_CAP_BUTTON_ID = "confirmOverCapButton";

    private Confirm() {
    }

    public static final String OK_BUTTON_ID = "dialogOkButton";
    public static final String CANCEL_BUTTON_ID = "dialogCancelButton";

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

    /** Asks before a navigator goes over their caseload cap; true means go ahead. */
    public static boolean overCap(Texts texts, Node owner, String navigator, int caseload, int cap) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, texts.format("navigator.overCap", navigator, caseload, cap),
                ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(texts.get("app.title"));
        alert.setHeaderText(texts.get("navigator.overCap.header"));
        if (owner != null && owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        localize(alert.getDialogPane(), texts);
        Button yes = (Button) alert.getDialogPane().lookupButton(ButtonType.OK);
        yes.setId(OVER_CAP_BUTTON_ID);
        yes.setText(texts.get("navigator.overCap.yes"));
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /** Asks {@code question} with OK and Cancel; true means go ahead. */
    public static boolean ask(Texts texts, Node owner, String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(texts.get("app.title"));
        alert.setHeaderText(null);
        if (owner != null && owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        localize(alert.getDialogPane(), texts);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /** True when the user chooses to discard; false keeps them editing. */
    public static boolean discardChanges(Texts texts, Node owner) {
        ButtonType discard = new ButtonType(texts.get("confirm.discard.discard"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(texts.get("confirm.discard.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, texts.get("confirm.discard.text"), discard, keep);
        alert.setTitle(texts.get("app.title"));
        alert.setHeaderText(texts.get("confirm.discard.header"));
        if (owner != null && owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        alert.getDialogPane().lookupButton(discard).setId(DISCARD_BUTTON_ID);
        alert.getDialogPane().lookupButton(keep).setId(KEEP_BUTTON_ID);
        // Keeping the changes is the safe default for Enter.
        ((Button) alert.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().filter(discard::equals).isPresent();
    }
}
