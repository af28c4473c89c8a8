package se.lotsbok.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/**
 * The line where a screen says what a command did. It keeps its place while empty, so that a message
 * appearing or going does not push the form below it around, and its colour follows the
 * {@link Feedback.Kind}: green for done, red for refused, grey for a note.
 */
public final class Banner {

    private Banner() {
    }

    /** A banner with id {@code id} that shows {@code feedback}. */
    public static Label of(ObservableValue<Feedback> feedback, String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.getStyleClass().add(Styles.BANNER);
        feedback.subscribe(now -> show(label, now));
        return label;
    }

    private static void show(Label label, Feedback feedback) {
        Feedback shown = feedback == null ? Feedback.NONE : feedback;
        label.getStyleClass().removeAll(Styles.NOTICE, Styles.FORM_MESSAGE, Styles.MUTED);
        switch (shown.kind()) {
            case DONE -> label.getStyleClass().add(Styles.NOTICE);
            case REFUSED -> label.getStyleClass().add(Styles.FORM_MESSAGE);
            case NOTE -> label.getStyleClass().add(Styles.MUTED);
            case NONE -> { }
        }
        label.setText(shown.isEmpty() ? "" : shown.text());
    }
}
