package se.lotsbok.domain.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed note: its content, who signed it and when. Once signed it is locked; a correction is a
 * new note that {@code amends} it, and both stay readable.
 */
public record JournalNote(long id, long participantId, NoteContent content, Instant signedAt, long signedByUserId,
        String signedBy, Long amends) {

    public JournalNote {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(signedBy, "signedBy");
    }

    public boolean isAmendment() {
        return amends != null;
    }
}
