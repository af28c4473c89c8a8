package se.lotsbok.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void swedishAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("en").stringPropertyNames()).isEqualTo(load("sv").stringPropertyNames());
    }

    @Test
    void everyEventOfTheAccessLogHasAName() throws IOException {
        for (String language : new String[] {"sv", "en"}) {
            Properties texts = load(language);
            assertThat(java.util.Arrays.stream(se.lotsbok.domain.access.AccessEvent.values())
                    .map(e -> "accessEvent." + e.name()))
                    .as(language)
                    .allSatisfy(key -> assertThat(texts.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void swedishIsTheDefaultWhateverTheMachinesLocale() {
        assertThat(Texts.of(Locale.GERMAN).get("nav.participants")).isEqualTo("Deltagare");
        assertThat(Texts.of(Locale.of("en", "GB")).get("nav.participants")).isEqualTo("Participants");
    }

    @Test
    void formattedTextsKeepTheirQuotesAndNumbers() {
        assertThat(Texts.swedish().format("participant.count.filtered", 1234, 100000))
                .isEqualTo("1\u00a0234 av 100\u00a0000 deltagare");
        assertThat(Texts.swedish().format("participant.count.all", 1)).isEqualTo("1 deltagare");
        assertThat(Texts.swedish().format("cli.error.unknownCommand", "x")).contains("\"x\"");
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/se/lotsbok/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
