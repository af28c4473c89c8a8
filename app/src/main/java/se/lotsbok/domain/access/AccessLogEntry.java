package se.lotsbok.domain.access;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the access log: who, when, what and which participant (by id only: never search
 * text or names). {@code userId} is null for a failed login by an unknown user name.
 */
public record AccessLogEntry(long seq, Instant at, Long userId, String username, AccessEvent event,
        Long participantId, String detail, String previousHash, String hash) {

    public AccessLogEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
