package se.lotsbok.domain.participant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParticipantChangeTest {

    private static final ParticipantInput ANNA = new ParticipantInput("Anna", "Berg", false, "20080315-1234", "",
            Gender.WOMAN, Programme.YOUTH, "070-123 45 67", "Storgatan 1", "");

    @Test
    void identicalVersionsHaveNoChanges() {
        assertThat(ParticipantChange.between(ANNA, ANNA)).isEmpty();
    }

    @Test
    void eachChangedFieldIsListedInTheFormsOrderWithBothValues() {
        ParticipantInput now = new ParticipantInput("Anna", "Lind", false, "20080315-1234", "", Gender.WOMAN,
                Programme.YOUNG_ADULTS, "070-123 45 67", "Storgatan 1", "Flyttar i maj.");

        assertThat(ParticipantChange.between(ANNA, now)).containsExactly(
                new ParticipantChange(ParticipantField.LAST_NAME, "Berg", "Lind"),
                new ParticipantChange(ParticipantField.PROGRAMME, Programme.YOUTH, Programme.YOUNG_ADULTS),
                new ParticipantChange(ParticipantField.COMMENT, null, "Flyttar i maj."));
    }

    @Test
    void paddingAndEmptyVersusMissingAreNoChange() {
        ParticipantInput padded = new ParticipantInput(" Anna ", "Berg", false, "20080315-1234", null, Gender.WOMAN,
                Programme.YOUTH, "070-123 45 67 ", "Storgatan 1", null);

        assertThat(ParticipantChange.between(ANNA, padded)).isEmpty();
    }

    @Test
    void aRemovedValueIsAChangeToNothing() {
        ParticipantInput noPhone = new ParticipantInput("Anna", "Berg", false, "20080315-1234", "", Gender.WOMAN,
                Programme.YOUTH, "", "Storgatan 1", "");

        assertThat(ParticipantChange.between(ANNA, noPhone))
                .containsExactly(new ParticipantChange(ParticipantField.PHONE, "070-123 45 67", null));
    }
}
