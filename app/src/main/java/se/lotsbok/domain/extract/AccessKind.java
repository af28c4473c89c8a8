package se.lotsbok.domain.extract;

import se.lotsbok.domain.access.AccessEvent;

/** What an access-log row about a person was, as the person is told it: read, changed, found, exported. */
public enum AccessKind {
    /** The record, the case file or the notes were opened. */
    OPENED,
    /** Something about the person was written or changed. */
    CHANGED,
    /** The person came up in a search or a lookup and was shown. */
    SEARCHED_AND_SHOWN,
    /** Data about the person left the register: an extract, an export. */
    EXPORTED,
    /** Anything else that names the person (a refused action, a review of the log). */
    OTHER;

    public static AccessKind of(AccessEvent event) {
        return switch (event) {
            case PARTICIPANT_OPENED, CASE_FILE_READ, NOTES_READ -> OPENED;
            case PARTICIPANT_CREATED, PARTICIPANT_CHANGED, CASE_MOVE, CASE_ANNULMENT, CONSENT_RECORDED,
                    CONSENT_WITHDRAWN, PARTNER_CHANGED, PLAN_CHANGED, ASSIGNMENT_CHANGED, NOTE_DRAFT_STARTED,
                    NOTE_DRAFT_DISCARDED, NOTE_SIGNED, FOLLOW_UP_DONE, IMPORT, RETENTION_KEPT,
                    RETENTION_KEEP_ENDED, RETENTION_DELETED -> CHANGED;
            case NOTE_SEARCH, IDENTITY_NUMBER_LOOKUP, PARTICIPANT_LIST -> SEARCHED_AND_SHOWN;
            case EXPORT, ACCESS_LOG_EXPORTED, EXTRACT_MADE -> EXPORTED;
            default -> OTHER;
        };
    }
}
