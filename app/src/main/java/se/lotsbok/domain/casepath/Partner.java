package se.lotsbok.domain.casepath;

/** A samverkanspart: an actor that takes part in a participant's case. */
public enum Partner {
    POLICE,
    SCHOOL,
    CHILD_PSYCHIATRY,
    PROBATION,
    INCOME_SUPPORT,
    EMPLOYMENT_SERVICE,
    OUTPATIENT_CARE,
    ADDICTION_CARE,
    CIVIL_SOCIETY,
    FAMILY,
    SOCIAL_SERVICES,
    OTHER
}
