package se.lotsbok.domain.extract;

/** What an extract holds: the record, the record with who has looked at it, or only who has looked. */
public enum ExtractScope {
    RECORD,
    RECORD_AND_ACCESS_LOG,
    ACCESS_LOG;

    public boolean record() {
        return this != ACCESS_LOG;
    }

    public boolean accessLog() {
        return this != RECORD;
    }
}
