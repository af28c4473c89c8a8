package se.lotsbok.domain.access;

/** How the acting user stands to a participant. */
public enum Relation {
    /** The participant's current navigator is the user's own navigator record. */
    OWN,
    /** Another navigator's participant, and the user has chosen (and logged) to cover for them. */
    COVERING,
    /** Someone else's participant, or no one's. */
    OTHER
}
