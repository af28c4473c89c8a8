package se.lotsbok.domain.participant;

/** The fields of the participant form, each with its longest allowed text. */
public enum ParticipantField {
    FIRST_NAME(100),
    LAST_NAME(100),
    IDENTITY_NUMBER(20),
    BIRTH_DATE(10),
    GENDER(0),
    PROGRAMME(0),
    PHONE(40),
    ADDRESS(300),
    COMMENT(10_000);

    private final int maxLength;

    ParticipantField(int maxLength) {
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }
}
