package se.lotsbok.domain.casepath;

/** Why a case was closed without enrollment (berörd, ej inskriven). */
public enum ClosureReason {
    /** Ej motiverad. */
    NOT_MOTIVATED,
    /** Flyttat. */
    MOVED,
    /** Ej i målgrupp. */
    NOT_IN_TARGET_GROUP,
    /** Samtycke saknas. */
    NO_CONSENT,
    OTHER
}
