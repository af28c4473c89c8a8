package se.lotsbok.ui.about;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Cards;
import se.lotsbok.ui.common.FormGrid;

/** The *Om Lotsbok* window, reached from the login window and the main window's header. */
public final class AboutDialog {

    private AboutDialog() {
    }

    public static void show(Node owner, AboutViewModel viewModel, Texts texts) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(texts.get("about.title"));
        dialog.setHeaderText(texts.get("app.title"));
        if (owner != null && owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        GridPane grid = FormGrid.create();
        grid.addRow(0, Cards.fieldLabel(texts.get("about.version")), value("aboutVersion", viewModel.version()));
        grid.addRow(1, Cards.fieldLabel(texts.get("about.dataFolder")),
                value("aboutDataFolder", viewModel.dataFolder().toString()));
        grid.addRow(2, Cards.fieldLabel(texts.get("about.logFolder")),
                value("aboutLogFolder", viewModel.logFolder().toString()));
        int row = 3;
        if (!viewModel.server().isEmpty()) {
            grid.addRow(row++, Cards.fieldLabel(texts.get("about.server")), value("aboutServer", viewModel.server()));
        }
        if (!viewModel.fingerprint().isEmpty()) {
            grid.addRow(row, Cards.fieldLabel(texts.get("about.fingerprint")),
                    value("aboutDialogFingerprint", viewModel.fingerprint()));
        }
        Button open = new Button(texts.get("about.openLogFolder"));
        open.setId("openLogFolderButton");
        open.setOnAction(e -> viewModel.openLogFolder());
        VBox content = new VBox(12, grid, Cards.hint(texts.get("about.logHint")), open,
                Cards.formMessage("aboutMessage", viewModel.messageProperty()));
        content.setId("aboutContent");
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Node close = dialog.getDialogPane().lookupButton(ButtonType.CLOSE);
        close.setId("aboutCloseButton");
        ((Button) close).setText(texts.get("about.close"));
        dialog.show();
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }
}
