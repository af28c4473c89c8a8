package se.lotsbok.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Cards;

/** Shown while a user logs out or closes the window: the backup, and a compaction when one is due. */
final class LeavingScreen {

    private final StackPane root;

    /** @param compactingBytes the file's size when it is being compacted, 0 when it is not */
    LeavingScreen(Texts texts, long compactingBytes) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(48, 48);
        Label text = new Label(compactingBytes == 0 ? texts.get("leaving.text")
                : texts.format("leaving.compacting", compactingBytes / 1_000_000));
        text.setId("leavingMessage");
        text.setWrapText(true);
        root = Cards.centred("leavingScreen", 16, progress, text);
        ((VBox) root.getChildren().getFirst()).setAlignment(Pos.CENTER);
    }

    Parent node() {
        return root;
    }
}
