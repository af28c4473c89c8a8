package se.lotsbok.ui.common;

import java.util.Objects;

/**
 * What a command did, as the user reads it. The kind decides the colour of the banner, so a refusal
 * can never be shown as a success: the text and its kind are set together, in one value.
 */
public record Feedback(Kind kind, String text) {

    public enum Kind {
        /** Nothing to say: the banner is empty. */
        NONE,
        /** The command was carried out (green). */
        DONE,
        /** The command was refused or failed; nothing changed (red). */
        REFUSED,
        /** Neither: a count, a hint, work going on (grey). */
        NOTE
    }

    public static final Feedback NONE = new Feedback(Kind.NONE, "");

    public Feedback {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }

    public static Feedback done(String text) {
        return new Feedback(Kind.DONE, text);
    }

    public static Feedback refused(String text) {
        return new Feedback(Kind.REFUSED, text);
    }

    public static Feedback note(String text) {
        return new Feedback(Kind.NOTE, text);
    }

    public boolean isEmpty() {
        return kind == Kind.NONE || text.isEmpty();
    }
}
