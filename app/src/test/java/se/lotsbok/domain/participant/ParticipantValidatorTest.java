package se.lotsbok.domain.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.lotsbok.domain.participant.AgeBand;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;

class ParticipantValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void validInputGivesTrimmedData() {
        ParticipantInput input = ParticipantInputs.valid().name("  Åse ", " Öberg  ").build();
        ParticipantData data = valid(input);
        assertThat(data.firstName()).isEqualTo("Åse");
        assertThat(data.lastName()).isEqualTo("Öberg");
        assertThat(data.identityNumber().digits()).isEqualTo(Pins.twelve("20080314", "238"));
        assertThat(data.birthDate()).isEqualTo(LocalDate.of(2008, 3, 14));
    }

    @Test
    void namesAreRequired() {
        assertThat(problems(ParticipantInputs.valid().name(" ", "").build()))
                .containsEntry(ParticipantField.FIRST_NAME, FieldProblem.REQUIRED)
                .containsEntry(ParticipantField.LAST_NAME, FieldProblem.REQUIRED);
    }

    @Test
    void genderAndProgrammeMustBeChosen() {
        assertThat(problems(ParticipantInputs.valid().gender(null).programme(null).build()))
                .containsEntry(ParticipantField.GENDER, FieldProblem.REQUIRED)
                .containsEntry(ParticipantField.PROGRAMME, FieldProblem.REQUIRED);
    }

    @Test
    void identityNumberIsRequiredUnlessThePersonHasNone() {
        assertThat(problems(ParticipantInputs.valid().identity("").build()))
                .containsExactly(Map.entry(ParticipantField.IDENTITY_NUMBER, FieldProblem.REQUIRED));
        ParticipantData data = valid(ParticipantInputs.valid().withoutIdentity("2009-05-01").build());
        assertThat(data.identityNumber()).isNull();
        assertThat(data.birthDate()).isEqualTo(LocalDate.of(2009, 5, 1));
    }

    @ParameterizedTest
    @CsvSource({
            "19811218-9875, IDENTITY_CHECK_DIGIT",
            "19810230-0000, IDENTITY_DATE",
            "20270101-1234, IDENTITY_FUTURE",
            "1234, IDENTITY_FORMAT",
    })
    void identityProblemsAreNamed(String text, FieldProblem problem) {
        assertThat(problems(ParticipantInputs.valid().identity(text).build()))
                .containsExactly(Map.entry(ParticipantField.IDENTITY_NUMBER, problem));
    }

    @ParameterizedTest
    @CsvSource({
            "'', REQUIRED",
            "2009-13-01, DATE_FORMAT",
            "2009-02-30, DATE_FORMAT",
            "1 maj 2009, DATE_FORMAT",
            "2027-01-01, DATE_FUTURE",
            "1899-12-31, DATE_TOO_EARLY",
    })
    void birthDateProblemsAreNamed(String text, FieldProblem problem) {
        assertThat(problems(ParticipantInputs.valid().withoutIdentity(text).build()))
                .containsExactly(Map.entry(ParticipantField.BIRTH_DATE, problem));
    }

    @Test
    void birthDateMayBeWrittenWithoutDashes() {
        assertThat(valid(ParticipantInputs.valid().withoutIdentity("20090501").build()).birthDate())
                .isEqualTo(LocalDate.of(2009, 5, 1));
    }

    @Test
    void textsLongerThanTheirFieldAreRefused() {
        ParticipantInput input = ParticipantInputs.valid()
                .name("a".repeat(101), "b".repeat(100))
                .comment("c".repeat(10_001))
                .build();
        assertThat(problems(input))
                .containsEntry(ParticipantField.FIRST_NAME, FieldProblem.TOO_LONG)
                .containsEntry(ParticipantField.COMMENT, FieldProblem.TOO_LONG)
                .doesNotContainKey(ParticipantField.LAST_NAME);
    }

    @Test
    void emojiAndSwedishLettersAreKeptAsTyped() {
        ParticipantData data = valid(ParticipantInputs.valid().name("Åsa-Märta", "Öhrström 🌟").build());
        assertThat(data.lastName()).isEqualTo("Öhrström 🌟");
    }

    @Test
    void controlCharactersAreRefusedButLineBreaksInCommentsAreNot() {
        assertThat(problems(ParticipantInputs.valid().name("Anna\u0007", "Ek").build()))
                .containsEntry(ParticipantField.FIRST_NAME, FieldProblem.CONTROL_CHARACTERS);
        assertThat(valid(ParticipantInputs.valid().comment("rad ett\nrad två\ttabb").build()).comment())
                .isEqualTo("rad ett\nrad två\ttabb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"070-123 45 67", "+46 70 123 45 67", "(08) 123 456", ""})
    void phoneNumbersInCommonForms(String phone) {
        assertThat(valid(ParticipantInputs.valid().phone(phone).build()).phone()).isEqualTo(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ring mamma", "070/123", "070-123 45 67 ank. 2"})
    void phoneRefusesLetters(String phone) {
        assertThat(problems(ParticipantInputs.valid().phone(phone).build()))
                .containsExactly(Map.entry(ParticipantField.PHONE, FieldProblem.PHONE_FORMAT));
    }

    @ParameterizedTest(name = "born {0}, {1}: warning {2}")
    @CsvSource({
            "2014-11-25, YOUTH, false",      // 12 today
            "2014-11-26, YOUTH, true",       // 12 tomorrow, 11 today
            "2006-11-26, YOUTH, false",      // 20, turns 21 tomorrow
            "2005-11-25, YOUTH, true",       // 21 today
            "2007-11-25, YOUNG_ADULTS, false", // 19 today
            "2007-11-26, YOUNG_ADULTS, true",  // 18
            "1997-11-26, YOUNG_ADULTS, false", // 29
            "1996-11-25, YOUNG_ADULTS, true",  // 30 today
    })
    void ageOutsideTheProgrammeBandIsAWarningAtTheBandEdges(LocalDate born, Programme programme, boolean warned) {
        assertThat(ParticipantValidator.ageWarning(born, programme, UnitSettings.DEFAULTS.bandOf(programme), TODAY).isPresent())
                .isEqualTo(warned);
    }

    @Test
    void ageWarningUsesTheUnitsConfiguredBand() {
        UnitSettings narrow = new UnitSettings("", 7, new AgeBand(15, 17), new AgeBand(18, 25));
        LocalDate fourteen = TODAY.minusYears(14);
        assertThat(ParticipantValidator.ageWarning(fourteen, Programme.YOUTH, UnitSettings.DEFAULTS.bandOf(Programme.YOUTH), TODAY)).isEmpty();
        assertThat(ParticipantValidator.ageWarning(fourteen, Programme.YOUTH, narrow.bandOf(Programme.YOUTH), TODAY))
                .hasValueSatisfying(w -> {
                    assertThat(w.age()).isEqualTo(14);
                    assertThat(w.band()).isEqualTo(new AgeBand(15, 17));
                });
    }

    @Test
    void anAgeWarningNeverBlocksSaving() {
        ParticipantInput eight = ParticipantInputs.valid().withoutIdentity("2018-01-01").build();
        assertThat(ParticipantValidator.validate(eight, TODAY)).isInstanceOf(ParticipantValidator.Valid.class);
    }

    private static ParticipantData valid(ParticipantInput input) {
        ParticipantValidator.Result result = ParticipantValidator.validate(input, TODAY);
        assertThat(result).isInstanceOf(ParticipantValidator.Valid.class);
        return ((ParticipantValidator.Valid) result).data();
    }

    private static Map<ParticipantField, FieldProblem> problems(ParticipantInput input) {
        ParticipantValidator.Result result = ParticipantValidator.validate(input, TODAY);
        assertThat(result).isInstanceOf(ParticipantValidator.Invalid.class);
        return ((ParticipantValidator.Invalid) result).problems();
    }
}
