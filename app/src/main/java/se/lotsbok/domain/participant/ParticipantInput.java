package se.lotsbok.domain.participant;

/**
 * The participant form as typed, before validation. Texts may be null or padded; {@code gender}
 * and {@code programme} are null until chosen. When {@code withoutIdentityNumber} is set, the
 * birth date is read from {@code birthDateText} instead of the identity number.
 */
public record ParticipantInput(
        String firstName,
        String lastName,
        boolean withoutIdentityNumber,
        String identityNumberText,
        String birthDateText,
        Gender gender,
        Programme programme,
        String phone,
        String address,
        String comment) {

    public static ParticipantInput of(ParticipantData data) {
        return new ParticipantInput(
                data.firstName(),
                data.lastName(),
                data.identityNumber() == null,
                data.identityNumber() == null ? "" : data.identityNumber().formatted(),
                data.identityNumber() == null ? data.birthDate().toString() : "",
                data.gender(),
                data.programme(),
                data.phone(),
                data.address(),
                data.comment());
    }
}
