package se.lotsbok.domain.participant;

/** Why a field's value was refused; the UI and the command line turn each into a message. */
public enum FieldProblem {
    REQUIRED,
    TOO_LONG,
    CONTROL_CHARACTERS,
    IDENTITY_FORMAT,
    IDENTITY_DATE,
    IDENTITY_FUTURE,
    IDENTITY_CHECK_DIGIT,
    DATE_FORMAT,
    DATE_FUTURE,
    DATE_TOO_EARLY,
    PHONE_FORMAT;

    static FieldProblem of(PersonalIdentityNumber.Problem problem) {
        return switch (problem) {
            case FORMAT -> IDENTITY_FORMAT;
            case DATE -> IDENTITY_DATE;
            case FUTURE -> IDENTITY_FUTURE;
            case CHECK_DIGIT -> IDENTITY_CHECK_DIGIT;
        };
    }
}
