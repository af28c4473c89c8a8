package se.lotsbok.domain.participant;

import java.util.Objects;

/** A participant as stored: its id, the version that guards against lost updates, and its data. */
public record Participant(long id, long version, ParticipantData data) {

    public Participant {
        Objects.requireNonNull(data, "data");
    }
}
