package se.lotsbok.domain.access;

/** What a user may try to do; {@link AccessPolicy} says who may. */
public enum Action {
    READ_REGISTER,
    CREATE_PARTICIPANT,
    EDIT_PARTICIPANT,
    WRITE_CASE_RECORDS,
    ASSIGN_NAVIGATOR,
    DECIDE_ENROLLMENT,
    MANAGE_NAVIGATORS,
    RUN_REPORTS,
    EXPORT,
    IMPORT,
    REVIEW_ACCESS_LOG,
    VERIFY_ACCESS_LOG,
    MANAGE_USERS,
    MANAGE_SETTINGS,
    MANAGE_BACKUPS,
    /** Gallring: list the case files due, mark them kept, delete their personal data. */
    RUN_RETENTION,
    /** Sammanställning: add up the signed figures that several units exported. */
    COMBINE_TALLIES
}
