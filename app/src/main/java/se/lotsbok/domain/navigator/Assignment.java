package se.lotsbok.domain.navigator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * From {@code date} on, participant {@code participantId}'s responsible lots is {@code navigatorId}
 * (null: nobody). Rows are never changed; a later row takes over from an earlier one.
 */
public record Assignment(long id, long participantId, Long navigatorId, LocalDate date, Instant recordedAt,
        String recordedBy) {

    public Assignment {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }
}
