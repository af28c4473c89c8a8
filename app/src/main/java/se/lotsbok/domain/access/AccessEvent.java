package se.lotsbok.domain.access;

/** What the access log records. Opening counts, not only changing. */
public enum AccessEvent {
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    USER_CREATED,
    USER_CHANGED,
    USER_DEACTIVATED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    /** The register was encrypted anew under a new key (or the change was noted as due). */
    KEY_CHANGED,
    /** The sealed part of the key file did not match its seal: every account was made to wait. */
    KEY_FILE_ALTERED,
    PARTICIPANT_LIST,
    PARTICIPANT_OPENED,
    PARTICIPANT_CREATED,
    PARTICIPANT_CHANGED,
    IDENTITY_NUMBER_LOOKUP,
    COVER_FOR_COLLEAGUE,
    CASE_FILE_READ,
    CASE_MOVE,
    CASE_ANNULMENT,
    CONSENT_RECORDED,
    CONSENT_WITHDRAWN,
    PARTNER_CHANGED,
    PLAN_CHANGED,
    ASSIGNMENT_CHANGED,
    NOTES_READ,
    NOTE_DRAFT_STARTED,
    NOTE_DRAFT_DISCARDED,
    NOTE_SIGNED,
    NOTE_SEARCH,
    /** "Att göra" showed this participant's follow-ups, goals, consent or draft. */
    TODO_READ,
    FOLLOW_UP_DONE,
    NAVIGATOR_CHANGED,
    ACCESS_REFUSED,
    SETTINGS_CHANGED,
    EXPORT,
    REPORT_RUN,
    IMPORT,
    BACKUP,
    /** The register was replaced by a backup (logged in the restored register). */
    RESTORE,
    /** The register was moved from a data folder to an office server (logged on the server). */
    REGISTER_MOVED,
    ACCESS_LOG_REVIEWED,
    ACCESS_LOG_EXPORTED,
    ACCESS_LOG_VERIFIED,
    RETENTION_REVIEWED,
    RETENTION_KEPT,
    RETENTION_KEEP_ENDED,
    RETENTION_DELETED,
    /** A register extract (registerutdrag) of the participant was made and released. */
    EXTRACT_MADE,
    /** What the follow-up after a discharge found (the situation is not in the log, only that it was recorded). */
    DISCHARGE_FOLLOW_UP_RECORDED
}
