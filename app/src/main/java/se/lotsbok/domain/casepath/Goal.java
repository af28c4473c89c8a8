package se.lotsbok.domain.casepath;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A goal of the action plan (handlingsplan): a life area, what is to be reached, the partner
 * responsible, when it is followed up, and the dated history of its status.
 */
public record Goal(long id, long participantId, LifeArea area, String description, Partner responsible,
        LocalDate followUp, List<StatusChange> history) {

    public enum LifeArea {
        HOUSING,
        OCCUPATION_EDUCATION,
        MENTAL_HEALTH,
        SUBSTANCE_USE,
        FAMILY,
        LEISURE,
        ECONOMY,
        CRIMINALITY
    }

    public enum Status {
        ONGOING,
        MET,
        PARTLY_MET,
        NOT_MET,
        CANCELLED
    }

    /** A dated status of the goal; the newest counts, the older ones stay. */
    public record StatusChange(Status status, LocalDate date, Instant recordedAt, String recordedBy) {
    }

    public Goal {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(followUp, "followUp");
        history = List.copyOf(history);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a goal has at least its first status");
        }
    }

    public Status status() {
        return history.getLast().status();
    }

    /** Still ongoing after its follow-up date. */
    public boolean overdue(LocalDate today) {
        return status() == Status.ONGOING && followUp.isBefore(today);
    }
}
