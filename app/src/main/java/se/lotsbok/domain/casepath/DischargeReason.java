package se.lotsbok.domain.casepath;

/** Why an enrolled participant was discharged (utskrivning). */
public enum DischargeReason {
    /** Planerat avslut / mål uppnått. */
    PLANNED_GOALS_MET,
    /** Avbrutet av deltagaren. */
    ENDED_BY_PARTICIPANT,
    /** Flyttat. */
    MOVED,
    /** Frihetsberövad. */
    DEPRIVED_OF_LIBERTY,
    /** Avliden. */
    DECEASED,
    OTHER
}
