package se.lotsbok.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The pieces the settings-like screens are made of: a titled card, a muted hint, a field label and
 * the message beside a field.
 */
public final class Cards {

    private Cards() {
    }

    /** A card with a section title above {@code children}. */
    public static VBox card(String heading, Node... children) {
        Label title = new Label(heading);
        title.getStyleClass().add(Styles.SECTION_TITLE);
        VBox card = new VBox(12, title);
        card.getChildren().addAll(children);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }

    /** A wrapped explanatory line in the muted colour. */
    public static Label hint(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.MUTED);
        return label;
    }

    /** The label in front of a field in a form grid. */
    public static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.FIELD_LABEL);
        GridPane.setValignment(label, VPos.CENTER);
        return label;
    }

    /** A form's message under its fields: shows {@code message}, wrapped, and takes no room while it is empty. */
    public static Label formMessage(String id, ObservableStringValue message) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.FORM_MESSAGE);
        label.textProperty().bind(message);
        label.visibleProperty().bind(Bindings.isNotEmpty(message));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** The message beside a field: shows {@code error}, and takes no room while it is empty. */
    public static Label fieldError(ObservableStringValue error) {
        Label label = new Label();
        label.getStyleClass().add(Styles.FIELD_ERROR);
        label.textProperty().bind(error);
        label.visibleProperty().bind(Bindings.isNotEmpty(error));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /**
     * A screen of its own with one card in the middle (the login, the locked window, logging out):
     * {@code children} in a card of the login's width, centred on the app's background.
     */
    public static StackPane centred(String id, double spacing, Node... children) {
        VBox card = new VBox(spacing, children);
        card.getStyleClass().addAll(Styles.CARD, "login-card");
        card.setMaxWidth(520);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        StackPane root = new StackPane(card);
        root.getStyleClass().addAll(Styles.APP, "login");
        root.setId(id);
        StackPane.setAlignment(card, Pos.CENTER);
        return root;
    }
}
