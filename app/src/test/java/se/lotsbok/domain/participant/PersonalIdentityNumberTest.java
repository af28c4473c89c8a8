package se.lotsbok.domain.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.lotsbok.testing.Pins;

class PersonalIdentityNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // the Skatteverket example number in every accepted way of writing it
            "19811218-9876, 198112189876",
            "198112189876, 198112189876",
            "811218-9876, 198112189876",
            "8112189876, 198112189876",
            "' 811218 - 9876 ', 198112189876",
            // born this century
            "080314-2389, 200803142389",
            // the birthday is later in the year than today: last century
            "261231-0009, 192612310009",
            // samordningsnummer: day + 60
            "701063-2391, 197010632391",
    })
    void acceptsEveryWrittenForm(String text, String digits) throws Exception {
        assertThat(PersonalIdentityNumber.parse(text, TODAY).digits()).isEqualTo(digits);
    }

    @Test
    void plusSignMeansHundredYearsOrOlder() throws Exception {
        String recent = Pins.twelve("20200101", "123").substring(2);
        PersonalIdentityNumber hundred = PersonalIdentityNumber.parse(
                recent.substring(0, 6) + "+" + recent.substring(6), TODAY);
        assertThat(hundred.birthDate()).isEqualTo(LocalDate.of(1920, 1, 1));
        PersonalIdentityNumber dashed = PersonalIdentityNumber.parse(
                recent.substring(0, 6) + "-" + recent.substring(6), TODAY);
        assertThat(dashed.birthDate()).isEqualTo(LocalDate.of(2020, 1, 1));
    }

    @Test
    void tenDigitsBornTodayAreInThisCentury() throws Exception {
        String digits = Pins.twelve("20261125", "001");
        assertThat(PersonalIdentityNumber.parse(digits.substring(2), TODAY).birthDate()).isEqualTo(TODAY);
    }

    @Test
    void tenDigitsBornTomorrowAreHundredYearsAgo() throws Exception {
        String digits = Pins.twelve("20261126", "001");
        assertThat(PersonalIdentityNumber.parse(digits.substring(2), TODAY).birthDate())
                .isEqualTo(LocalDate.of(1926, 11, 26));
    }

    @Test
    void coordinationNumberGivesTheRealBirthDate() throws Exception {
        PersonalIdentityNumber number = PersonalIdentityNumber.parse("701063-2391", TODAY);
        assertThat(number.isCoordinationNumber()).isTrue();
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1970, 10, 3));
        assertThat(PersonalIdentityNumber.parse("811218-9876", TODAY).isCoordinationNumber()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"19811218-9875", "811218-9870", "198112189877"})
    void refusesWrongCheckDigit(String text) {
        assertProblem(text, PersonalIdentityNumber.Problem.CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19810230-0000", "19811318-0000", "19810018-0000", "19810100-0000", "19810192-0000"})
    void refusesImpossibleDates(String text) {
        assertProblem(text, PersonalIdentityNumber.Problem.DATE);
    }

    @Test
    void refusesTheTwentyNinthOfFebruaryInACommonYear() {
        assertProblem(Pins.twelve("20230229", "123"), PersonalIdentityNumber.Problem.DATE);
        assertThat(PersonalIdentityNumber.isValid(Pins.twelve("20240229", "123"), TODAY)).isTrue();
    }

    @Test
    void refusesABirthDateInTheFuture() {
        assertProblem(Pins.twelve("20270101", "123"), PersonalIdentityNumber.Problem.FUTURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "81121898", "81121-89876", "19811218+9876", "1981121898765",
            "811218--9876", "811218/9876", "８１１２１８９８７６"})
    void refusesWhatIsNotTenOrTwelveDigits(String text) {
        assertProblem(text, PersonalIdentityNumber.Problem.FORMAT);
    }

    @Test
    void refusesNull() {
        assertProblem(null, PersonalIdentityNumber.Problem.FORMAT);
    }

    @Test
    void formatsWithCenturyAndDash() throws Exception {
        PersonalIdentityNumber number = PersonalIdentityNumber.parse("8112189876", TODAY);
        assertThat(number.formatted()).isEqualTo("19811218-9876");
        assertThat(number.tenDigits()).isEqualTo("8112189876");
    }

    // Property tests: random valid dates and serials, written in every form, must read back the same.

    static Stream<Arguments> randomPeople() {
        Random random = new Random(20261125L);
        return IntStream.range(0, 500).mapToObj(i -> {
            LocalDate born = TODAY.minusDays(random.nextInt(99 * 365));
            String serial = String.format("%03d", random.nextInt(1000));
            boolean coordination = random.nextBoolean();
            return Arguments.of(born, serial, coordination);
        });
    }

    @ParameterizedTest
    @MethodSource("randomPeople")
    void everyFormOfAValidNumberReadsBackToTheSameDigits(LocalDate born, String serial, boolean coordination)
            throws Exception {
        String date = String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(),
                born.getDayOfMonth() + (coordination ? 60 : 0));
        String twelve = Pins.twelve(date, serial);
        String ten = twelve.substring(2);
        for (String form : new String[] {twelve, twelve.substring(0, 8) + "-" + twelve.substring(8),
                ten, ten.substring(0, 6) + "-" + ten.substring(6)}) {
            PersonalIdentityNumber number = PersonalIdentityNumber.parse(form, TODAY);
            assertThat(number.digits()).as(form).isEqualTo(twelve);
            assertThat(number.birthDate()).as(form).isEqualTo(born);
            assertThat(number.isCoordinationNumber()).as(form).isEqualTo(coordination);
        }
    }

    @ParameterizedTest
    @MethodSource("randomPeople")
    void changingAnySingleDigitOfTheSerialOrCheckIsCaught(LocalDate born, String serial, boolean coordination) {
        String date = String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(),
                born.getDayOfMonth() + (coordination ? 60 : 0));
        String twelve = Pins.twelve(date, serial);
        for (int position = 8; position < 12; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (twelve.charAt(position) == digit) {
                    continue;
                }
                String changed = twelve.substring(0, position) + digit + twelve.substring(position + 1);
                assertProblem(changed, PersonalIdentityNumber.Problem.CHECK_DIGIT);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("randomPeople")
    void tenDigitsWithPlusAreAHundredYearsEarlier(LocalDate born, String serial, boolean coordination)
            throws Exception {
        String date = String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(), born.getDayOfMonth());
        String ten = Pins.twelve(date, serial).substring(2);
        LocalDate hundredEarlier = born.minusYears(100);
        if (hundredEarlier.getDayOfMonth() != born.getDayOfMonth()) {
            return; // 29 February has no twin a hundred years earlier in a common year
        }
        PersonalIdentityNumber old = PersonalIdentityNumber.parse(ten.substring(0, 6) + "+" + ten.substring(6), TODAY);
        assertThat(old.birthDate()).isEqualTo(hundredEarlier);
    }

    private static void assertProblem(String text, PersonalIdentityNumber.Problem problem) {
        assertThatThrownBy(() -> PersonalIdentityNumber.parse(text, TODAY))
                .isInstanceOfSatisfying(PersonalIdentityNumber.InvalidException.class,
                        e -> assertThat(e.problem()).as(text).isEqualTo(problem));
    }
}
