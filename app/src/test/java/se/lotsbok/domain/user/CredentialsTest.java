package se.lotsbok.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

    @ParameterizedTest(name = "after {0} failures wait {1} s")
    @CsvSource({"0, 0", "1, 0", "4, 0", "5, 30", "6, 60", "7, 120", "9, 480", "10, 900", "11, 900", "40, 900"})
    void theFifthFailureInARowMakesTheAccountWaitAndTheWaitGrows(int failures, long seconds) {
        assertThat(Credentials.waitAfter(failures)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void passwordsNeedLengthAndTheirRepetition() {
        assertThat(Credentials.checkNewPassword("anna", "kort".toCharArray(), "kort".toCharArray()))
                .contains(Credentials.Problem.PASSWORD_TOO_SHORT);
        assertThat(Credentials.checkNewPassword("anna", "ett långt lösenord".toCharArray(), "ett långt lösenorD".toCharArray()))
                .contains(Credentials.Problem.PASSWORDS_DIFFER);
        assertThat(Credentials.checkNewPassword("annaanderssonx", "AnnaAnderssonX".toCharArray(), "AnnaAnderssonX".toCharArray()))
                .contains(Credentials.Problem.PASSWORD_IS_USERNAME);
        assertThat(Credentials.checkNewPassword("anna", "ett långt lösenord".toCharArray(), "ett långt lösenord".toCharArray()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna", "anna.berg", "a_b-c", "lots7"})
    void validUsernames(String name) {
        assertThat(Credentials.checkUsername(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "anna berg", "åsa", "anna@kommun.se"})
    void invalidUsernames(String name) {
        assertThat(Credentials.checkUsername(name)).contains(Credentials.Problem.USERNAME_FORMAT);
    }

    @Test
    void usernamesIgnoreCaseAndSurroundingSpace() {
        assertThat(Credentials.normaliseUsername("  Anna.Berg ")).isEqualTo("anna.berg");
    }
}
