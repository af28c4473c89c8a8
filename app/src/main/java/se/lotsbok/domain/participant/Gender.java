package se.lotsbok.domain.participant;

/** Kön as recorded in the register; the tallies count each value. */
public enum Gender {
    MAN,
    WOMAN,
    OTHER,
    UNKNOWN
}
