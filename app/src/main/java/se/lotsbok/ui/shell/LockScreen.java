package se.lotsbok.ui.shell;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Cards;
import se.lotsbok.ui.common.Styles;

/** What the window shows while it is locked: who is logged in, and a field for their password. */
final class LockScreen {

    private final StackPane root;
    private final PasswordField password = new PasswordField();

    LockScreen(IdleLock lock, Texts texts, String displayName) {
        Label title = new Label(texts.get("lock.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label intro = new Label(texts.format("lock.intro", displayName, lock.timeout().toMinutes()));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.MUTED);
        password.setId("lockPasswordField");
        password.textProperty().bindBidirectional(lock.passwordProperty());
        password.setOnAction(e -> lock.unlock());
        Button unlock = new Button(texts.get("lock.unlock"));
        unlock.setId("unlockButton");
        unlock.getStyleClass().add(Styles.PRIMARY);
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(lock.busyProperty());
        unlock.setOnAction(e -> lock.unlock());
        Label message = Cards.formMessage("lockMessage", lock.messageProperty());
        root = Cards.centred("lockScreen", 14, title, intro, password, message, unlock);
    }

    Parent node() {
        return root;
    }

    void focus() {
        Platform.runLater(password::requestFocus);
    }
}
