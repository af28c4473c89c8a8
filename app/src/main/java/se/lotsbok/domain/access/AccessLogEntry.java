package se.lotsbok.domain.access;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the access log: who, when, what and which participant (by id only: never search
 * text or names). {@code userId} is null for a failed login by an unknown user name.
 */
public record AccessLogEntry(long seq, Instant at, Long userId, String username, AccessEvent event,
        Long participantId, String detail, String previousHash, String hash) {

    /** The longest user name a row holds (the column's size); a longer one typed at a login is cut. */
    public static final int MAX_USERNAME = 64;
    /** The longest detail a row holds. */
    public static final int MAX_DETAIL = 200;

    public AccessLogEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /**
     * {@code text} cut to at most {@code max} characters without splitting a character outside the
     * basic plane, so that anything typed fits the log's columns.
     */
    public static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
