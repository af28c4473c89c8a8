package se.lotsbok.domain.participant;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** What the register list shows of a participant: enough to find the person, nothing more. */
public record ParticipantSummary(
        long id,
        String firstName,
        String lastName,
        PersonalIdentityNumber identityNumber,
        LocalDate birthDate,
        Programme programme) {

    public ParticipantSummary {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(programme, "programme");
    }

    public Optional<PersonalIdentityNumber> identity() {
        return Optional.ofNullable(identityNumber);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
