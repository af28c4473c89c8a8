package se.lotsbok.domain.common;

/**
 * Text as typed or pasted. Beside ordinary white space, text pasted from Word or a web page brings
 * no-break spaces, zero-width spaces and byte-order marks, which {@link String#strip()} keeps: a name
 * of only such characters looks empty on screen and must count as empty.
 */
public final class TypedText {

    private TypedText() {
    }

    /** {@code text} without blank characters at either end; null becomes "". */
    public static String strip(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Whether {@code text} is null, empty, or nothing but blank characters. */
    public static boolean isBlank(String text) {
        return strip(text).isEmpty();
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
