package se.lotsbok.domain.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.lotsbok.domain.common.Refusal;

class UnitSettingsTest {

    @Test
    void aUnitNameMayHold200CharactersOfAnyKind() {
        assertThat(UnitSettings.checkName("Å".repeat(200))).isEmpty();
        assertThat(UnitSettings.checkName("SIG Södermalm 🙂")).isEmpty();
        assertThat(UnitSettings.checkName("")).isEmpty();
    }

    @Test
    void aLongerNameOrOneWithControlCharactersIsRefused() {
        assertThat(UnitSettings.checkName("Å".repeat(201))).contains(new Refusal("validation.TOO_LONG", 200));
        assertThat(UnitSettings.checkName("x".repeat(100_000))).contains(new Refusal("validation.TOO_LONG", 200));
        assertThat(UnitSettings.checkName("SIG\u0000Söder")).contains(new Refusal("validation.CONTROL_CHARACTERS"));
    }
}
