package se.lotsbok.ui.shell;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
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
        Label message = new Label();
        message.setId("lockMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.FORM_MESSAGE);
        message.textProperty().bind(lock.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(lock.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());
        VBox card = new VBox(14, title, intro, password, message, unlock);
        card.getStyleClass().addAll(Styles.CARD, "login-card");
        card.setMaxWidth(520);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        root = new StackPane(card);
        root.getStyleClass().addAll(Styles.APP, "login");
        root.setId("lockScreen");
        StackPane.setAlignment(card, Pos.CENTER);
    }

    Parent node() {
        return root;
    }

    void focus() {
        Platform.runLater(password::requestFocus);
    }
}
