package se.lotsbok.domain.casepath;

import java.time.LocalDate;
import java.util.Objects;

/** A partner taking part in the participant's case from one date, until another (null while ongoing). */
public record PartnerInvolvement(long id, long participantId, Partner partner, LocalDate from, LocalDate to) {

    public PartnerInvolvement {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(from, "from");
    }

    public boolean activeOn(LocalDate date) {
        return !from.isAfter(date) && (to == null || !date.isAfter(to));
    }
}
