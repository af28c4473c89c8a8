package se.lotsbok.domain.journal;

import java.time.LocalDate;
import java.util.Objects;

/** A follow-up action a note created: what, who does it, by when; {@code done} once done. */
public record FollowUp(long id, long noteId, long participantId, String what, String who, LocalDate due,
        LocalDate done) {

    public FollowUp {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(due, "due");
    }

    public boolean open() {
        return done == null;
    }
}
