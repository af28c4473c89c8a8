package se.lotsbok.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwedishTextTest {

    @Test
    void swedishLettersSortAfterZInTheOrderAringAumlOuml() {
        List<String> names = new ArrayList<>(List.of("Östen", "Ärla", "Åke", "Zlatan", "Anna", "Örjan", "ärta"));
        names.sort(SwedishText.comparator());
        assertThat(names).containsExactly("Anna", "Zlatan", "Åke", "Ärla", "ärta", "Örjan", "Östen");
    }

    @Test
    void caseDoesNotOutweighLetters() {
        List<String> names = new ArrayList<>(List.of("berg", "Berg", "Adam", "bertil"));
        names.sort(SwedishText.comparator());
        assertThat(names.getFirst()).isEqualTo("Adam");
        assertThat(names.getLast()).isEqualTo("bertil");
    }

    @Test
    void foldingRemovesCaseAndAccents() {
        assertThat(SwedishText.fold("Åse ÖBERG Hélène Müller")).isEqualTo("ase oberg helene muller");
        assertThat(SwedishText.fold(null)).isEmpty();
    }
}
