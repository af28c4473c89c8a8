package se.lotsbok.domain.journal;

import java.time.Instant;
import java.util.Objects;

/** A note being written, saved every few seconds so that nothing typed is lost if the program stops. */
public record NoteDraft(long participantId, long authorUserId, Long amends, NoteContent content, Instant savedAt) {

    public NoteDraft {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(savedAt, "savedAt");
    }
}
