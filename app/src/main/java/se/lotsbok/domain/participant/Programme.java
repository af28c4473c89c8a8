package se.lotsbok.domain.participant;

/** The SIG target group a participant is taken in under: unga or unga vuxna. */
public enum Programme {
    YOUTH,
    YOUNG_ADULTS
}
