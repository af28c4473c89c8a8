package se.lotsbok.domain.journal;

/** What kind of meeting a note records. */
public enum MeetingType {
    /** Enskilt möte. */
    INDIVIDUAL,
    /** Nätverksmöte / SIG-möte. */
    NETWORK,
    /** Telefon. */
    PHONE,
    /** Hembesök. */
    HOME_VISIT,
    OTHER
}
