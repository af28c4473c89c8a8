package se.lotsbok.domain.participant;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A participant's recorded personal data, already validated. {@code identityNumber} is null for a
 * person without one; {@code birthDate} is then what was entered, otherwise it follows the number.
 * Optional text fields are empty strings, never null.
 */
public record ParticipantData(
        String firstName,
        String lastName,
        PersonalIdentityNumber identityNumber,
        LocalDate birthDate,
        Gender gender,
        Programme programme,
        String phone,
        String address,
        String comment) {

    public ParticipantData {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(comment, "comment");
        if (identityNumber != null && !identityNumber.birthDate().equals(birthDate)) {
            throw new IllegalArgumentException("birth date must follow the identity number");
        }
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
