package se.lotsbok.testing;

import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.participant.Programme;

/** A small builder of form input for tests: valid by default, changed one field at a time. */
public final class ParticipantInputs {

    private String firstName = "Åse";
    private String lastName = "Öberg";
    private boolean without;
    private String identity = Pins.dashed("20080314", "238");
    private String birthDate = "";
    private Gender gender = Gender.WOMAN;
    private Programme programme = Programme.YOUTH;
    private String phone = "070-123 45 67";
    private String address = "Storgatan 1, 123 45 Stockholm";
    private String comment = "";

    public static ParticipantInputs valid() {
        return new ParticipantInputs();
    }

    public ParticipantInputs name(String first, String last) {
        this.firstName = first;
        this.lastName = last;
        return this;
    }

    public ParticipantInputs identity(String text) {
        this.without = false;
        this.identity = text;
        return this;
    }

    public ParticipantInputs withoutIdentity(String birthDateText) {
        this.without = true;
        this.identity = "";
        this.birthDate = birthDateText;
        return this;
    }

    public ParticipantInputs gender(Gender value) {
        this.gender = value;
        return this;
    }

    public ParticipantInputs programme(Programme value) {
        this.programme = value;
        return this;
    }

    public ParticipantInputs phone(String value) {
        this.phone = value;
        return this;
    }

    public ParticipantInputs address(String value) {
        this.address = value;
        return this;
    }

    public ParticipantInputs comment(String value) {
        this.comment = value;
        return this;
    }

    public ParticipantInput build() {
        return new ParticipantInput(firstName, lastName, without, identity, birthDate, gender, programme,
                phone, address, comment);
    }
}
