package se.lotsbok.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import se.lotsbok.i18n.Texts;

/** Asks the user before unsaved changes are thrown away. */
public final class Confirm {

    public static final String DISCARD_BUTTON_ID = "discardChangesButton";
    public static final String KEEP_BUTTON_ID = "keepEditingButton";

    private Confirm() {
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
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().filter(discard::equals).isPresent();
    }
}
