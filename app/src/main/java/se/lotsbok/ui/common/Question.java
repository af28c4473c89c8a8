package se.lotsbok.ui.common;

import java.util.Objects;

/**
 * A question (or a message) for the user, as a view model puts it to {@link Dialogs}: its words and
 * the words and ids of its two buttons. The button that goes ahead is never the default one.
 *
 * @param go the button that goes ahead (null: OK)
 * @param stay the button that leaves everything as it was (null: Avbryt)
 * @param fieldId the id of the text field, for {@link Dialogs#askText}
 */
public record Question(Kind kind, String header, String text, Choice go, Choice stay, String fieldId) {

    public enum Kind {
        QUESTION,
        /** Something that cannot be taken back, or that lets personal data out. */
        WARNING,
        INFORMATION,
        ERROR
    }

    /** A button's words and the id tests find it by. */
    public record Choice(String text, String id) {
        public Choice {
            Objects.requireNonNull(text, "text");
        }
    }

    public Question {
        Objects.requireNonNull(kind, "kind");
        header = header == null ? "" : header;
        text = text == null ? "" : text;
    }

    public static Question ask(String header, String text) {
        return new Question(Kind.QUESTION, header, text, null, null, null);
    }

    public static Question warn(String header, String text) {
        return new Question(Kind.WARNING, header, text, null, null, null);
    }

    public static Question inform(String header, String text) {
        return new Question(Kind.INFORMATION, header, text, null, null, null);
    }

    public static Question error(String header, String text) {
        return new Question(Kind.ERROR, header, text, null, null, null);
    }

    /** The same question with its go-ahead button named {@code words}. */
    public Question go(String words, String id) {
        return new Question(kind, header, text, new Choice(words, id), stay, fieldId);
    }

    /** The same question with its stay button named {@code words}. */
    public Question stay(String words, String id) {
        return new Question(kind, header, text, go, new Choice(words, id), fieldId);
    }

    /** The same question with the text field's id (for a question that asks for a text). */
    public Question field(String id) {
        return new Question(kind, header, text, go, stay, id);
    }
}
