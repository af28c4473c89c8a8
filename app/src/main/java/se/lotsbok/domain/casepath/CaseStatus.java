package se.lotsbok.domain.casepath;

/** Where a participant's case stands. The path and its legal moves are in {@link CaseTransitions}. */
public enum CaseStatus {
    /** Aktualiserad: the case has been raised, with its source. */
    REFERRED,
    /** Utreds / kartläggning: deciding whether SIG fits. */
    ASSESSMENT,
    /** Väntelista: assessed as in need, no lots free. */
    WAITING_LIST,
    /** Inskriven. */
    ENROLLED,
    /** Utskriven, with a reason. */
    DISCHARGED,
    /** Berörd, ej inskriven: closed before enrollment, with a reason. */
    CONTACTED_NOT_ENROLLED;

    /** True for the two ways a case ends; a new referral may start a new case after either. */
    public boolean closed() {
        return this == DISCHARGED || this == CONTACTED_NOT_ENROLLED;
    }

    /** A referral records where it came from. */
    public boolean takesSource() {
        return this == REFERRED;
    }

    /** A discharge records why. */
    public boolean takesDischargeReason() {
        return this == DISCHARGED;
    }

    /** A case closed without enrollment records why. */
    public boolean takesClosureReason() {
        return this == CONTACTED_NOT_ENROLLED;
    }

    /** Enrollment and discharge record the participant's situation (occupation, housing, substance use). */
    public boolean takesSituation() {
        return this == ENROLLED || this == DISCHARGED;
    }
}
