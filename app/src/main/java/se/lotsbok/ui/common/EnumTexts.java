package se.lotsbok.ui.common;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;

/** The words for coded values ({@code enum.CaseStatus.REFERRED}), and refusals turned into sentences. */
public final class EnumTexts {

    private EnumTexts() {
    }

    /** The bundle key of a coded value: {@code enum.} + its type (outer types too) + {@code .} + its name. */
    public static String key(Enum<?> value) {
        return Messages.key(value);
    }

    public static String label(Texts texts, Enum<?> value) {
        return Messages.label(texts, value);
    }

    /** A refusal as the user reads it; coded values and dates inside it are written out. */
    public static String refusal(Texts texts, Refusal refusal) {
        return Messages.text(texts, refusal);
    }

    /** A combo box of coded values that shows their words. */
    public static <E extends Enum<E>> ComboBox<E> combo(Texts texts, E[] values) {
        ComboBox<E> combo = new ComboBox<>();
        combo.getItems().setAll(values);
        combo.setPrefWidth(260);
        StringConverter<E> words = new StringConverter<>() {
            @Override
            public String toString(E value) {
                return label(texts, value);
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        };
        combo.setConverter(words);
        combo.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(E item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : words.toString(item));
            }
        });
        return combo;
    }
}
