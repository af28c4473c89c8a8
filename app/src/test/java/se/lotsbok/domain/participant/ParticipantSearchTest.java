package se.lotsbok.domain.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParticipantSearchTest {

    private static final ParticipantSummary ASE = new ParticipantSummary(1, "Åse Maria", "Öberg-Ekström",
            new PersonalIdentityNumber("198112189876"), LocalDate.of(1981, 12, 18), Programme.YOUNG_ADULTS);
    private static final ParticipantSummary WITHOUT = new ParticipantSummary(2, "Kim", "Li",
            null, LocalDate.of(2009, 5, 1), Programme.YOUTH);

    @ParameterizedTest
    @ValueSource(strings = {"ase", "ÅSE", "åse", "Ase Oberg", "oberg ase", "ekstrom", "maria", "berg", "Öberg-Ek",
            "8112189876", "811218-9876", "19811218-9876", "198112189876", "1218", "  ase  ", ""})
    void findsByAnyNamePartOrIdentityNumberForm(String query) {
        assertThat(ParticipantSearch.matcher(query).test(ParticipantSearch.searchKey(ASE))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"asa", "ase kim", "811218-9875", "19811218-98761", "li"})
    void missesWhatIsNotThere(String query) {
        assertThat(ParticipantSearch.matcher(query).test(ParticipantSearch.searchKey(ASE))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kim", "20090501", "2009-05-01"})
    void findsSomeoneWithoutIdentityNumberByBirthDate(String query) {
        assertThat(ParticipantSearch.matcher(query).test(ParticipantSearch.searchKey(WITHOUT))).isTrue();
    }
}
