package se.lotsbok.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.lotsbok.domain.common.Refusal;

class DateLimitsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "-0001-01-01, date.refused.tooEarly",
        "0001-01-01, date.refused.tooEarly",
        "1899-12-31, date.refused.tooEarly",
        "1900-01-01, ",
        "2026-11-25, ",
        "2036-11-25, ",
        "2036-11-26, date.refused.tooLate",
        "9999-12-31, date.refused.tooLate",
        "+999999999-12-31, date.refused.tooLate"})
    void aDateIsPlausibleFrom1900UntilTenYearsAhead(LocalDate date, String refusal) {
        assertThat(DateLimits.check(date, TODAY).map(Refusal::reason).orElse(null)).isEqualTo(refusal);
    }

    @ParameterizedTest
    @CsvSource({"0001-01-01, 1900-01-01", "9999-12-31, 2036-11-25"})
    void aRefusalNamesTheDateAndTheLimit(LocalDate date, LocalDate limit) {
        assertThat(DateLimits.check(date, TODAY).orElseThrow().args()).containsExactly(date, limit);
    }
}
