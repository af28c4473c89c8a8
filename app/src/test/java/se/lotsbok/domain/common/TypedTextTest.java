package se.lotsbok.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\r\n", "\u00A0", "\u2007\u202F", "\u200B", "\uFEFF", " \u00A0\u200B\t "})
    void textOfOnlyBlankCharactersIsBlank(String text) {
        assertThat(TypedText.isBlank(text)).isTrue();
        assertThat(TypedText.strip(text)).isEmpty();
    }

    @Test
    void blanksAreStrippedAtTheEndsOnlyAndEverythingElseIsKept() {
        assertThat(TypedText.strip("\u00A0 Åsa\u00A0Öberg 🙂\n\u200B")).isEqualTo("Åsa\u00A0Öberg 🙂");
        assertThat(TypedText.strip(null)).isEmpty();
        assertThat(TypedText.isBlank("😀")).isFalse();
    }
}
