package se.lotsbok.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import se.lotsbok.domain.casepath.Situation.Housing;
import se.lotsbok.domain.casepath.Situation.Occupation;
import se.lotsbok.domain.casepath.Situation.SubstanceUse;

/**
 * The default order of better and worse, every pair of values of every field, as the measures'
 * documentation writes it: occupation work or studies above internship above none; housing own
 * above parents or others above institution above none; substance use no above yes; unknown at
 * either end is unknown.
 */
class OutcomeOrderTest {

    private static final OutcomeOrder ORDER = OutcomeOrder.DEFAULT;

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "WORK, WORK, UNCHANGED", "WORK, STUDIES, UNCHANGED", "WORK, INTERNSHIP, WORSENED", "WORK, NONE, WORSENED",
        "WORK, UNKNOWN, UNKNOWN",
        "STUDIES, WORK, UNCHANGED", "STUDIES, STUDIES, UNCHANGED", "STUDIES, INTERNSHIP, WORSENED",
        "STUDIES, NONE, WORSENED", "STUDIES, UNKNOWN, UNKNOWN",
        "INTERNSHIP, WORK, IMPROVED", "INTERNSHIP, STUDIES, IMPROVED", "INTERNSHIP, INTERNSHIP, UNCHANGED",
        "INTERNSHIP, NONE, WORSENED", "INTERNSHIP, UNKNOWN, UNKNOWN",
        "NONE, WORK, IMPROVED", "NONE, STUDIES, IMPROVED", "NONE, INTERNSHIP, IMPROVED", "NONE, NONE, UNCHANGED",
        "NONE, UNKNOWN, UNKNOWN",
        "UNKNOWN, WORK, UNKNOWN", "UNKNOWN, STUDIES, UNKNOWN", "UNKNOWN, INTERNSHIP, UNKNOWN", "UNKNOWN, NONE, UNKNOWN",
        "UNKNOWN, UNKNOWN, UNKNOWN"})
    void occupation(Occupation before, Occupation after, Ranking.Change change) {
        assertThat(ORDER.occupation().change(before, after)).isEqualTo(change);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "OWN, OWN, UNCHANGED", "OWN, PARENTS, WORSENED", "OWN, OTHERS, WORSENED", "OWN, INSTITUTION, WORSENED",
        "OWN, NONE, WORSENED", "OWN, UNKNOWN, UNKNOWN",
        "PARENTS, OWN, IMPROVED", "PARENTS, PARENTS, UNCHANGED", "PARENTS, OTHERS, UNCHANGED",
        "PARENTS, INSTITUTION, WORSENED", "PARENTS, NONE, WORSENED", "PARENTS, UNKNOWN, UNKNOWN",
        "OTHERS, OWN, IMPROVED", "OTHERS, PARENTS, UNCHANGED", "OTHERS, OTHERS, UNCHANGED",
        "OTHERS, INSTITUTION, WORSENED", "OTHERS, NONE, WORSENED", "OTHERS, UNKNOWN, UNKNOWN",
        "INSTITUTION, OWN, IMPROVED", "INSTITUTION, PARENTS, IMPROVED", "INSTITUTION, OTHERS, IMPROVED",
        "INSTITUTION, INSTITUTION, UNCHANGED", "INSTITUTION, NONE, WORSENED", "INSTITUTION, UNKNOWN, UNKNOWN",
        "NONE, OWN, IMPROVED", "NONE, PARENTS, IMPROVED", "NONE, OTHERS, IMPROVED", "NONE, INSTITUTION, IMPROVED",
        "NONE, NONE, UNCHANGED", "NONE, UNKNOWN, UNKNOWN",
        "UNKNOWN, OWN, UNKNOWN", "UNKNOWN, PARENTS, UNKNOWN", "UNKNOWN, OTHERS, UNKNOWN",
        "UNKNOWN, INSTITUTION, UNKNOWN", "UNKNOWN, NONE, UNKNOWN", "UNKNOWN, UNKNOWN, UNKNOWN"})
    void housing(Housing before, Housing after, Ranking.Change change) {
        assertThat(ORDER.housing().change(before, after)).isEqualTo(change);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({"NO, NO, UNCHANGED", "NO, YES, WORSENED", "NO, UNKNOWN, UNKNOWN", "YES, NO, IMPROVED",
        "YES, YES, UNCHANGED", "YES, UNKNOWN, UNKNOWN", "UNKNOWN, NO, UNKNOWN", "UNKNOWN, YES, UNKNOWN",
        "UNKNOWN, UNKNOWN, UNKNOWN"})
    void substanceUse(SubstanceUse before, SubstanceUse after, Ranking.Change change) {
        assertThat(ORDER.substanceUse().change(before, after)).isEqualTo(change);
    }

    @Test
    void theTextFormReadsBackAndNamesTheCodes() {
        assertThat(ORDER.occupationText()).isEqualTo("studies=work>internship>none");
        assertThat(ORDER.housingText()).isEqualTo("own>parents=others>institution>none");
        assertThat(ORDER.substanceUseText()).isEqualTo("no>yes");
        assertThat(OutcomeOrder.occupation(ORDER.occupationText())).contains(ORDER.occupation());
        assertThat(OutcomeOrder.housing(" own > others = parents > institution > none ")).contains(ORDER.housing());
    }

    @Test
    void anIncompleteOrUnknownOrderIsNotRead() {
        assertThat(OutcomeOrder.occupation("work>internship>none")).as("studies missing").isEmpty();
        assertThat(OutcomeOrder.occupation("work=studies>internship>none>unknown")).as("unknown ranked").isEmpty();
        assertThat(OutcomeOrder.occupation("work=studies>work>internship>none")).as("twice").isEmpty();
        assertThat(OutcomeOrder.occupation("work=studies>>internship>none")).as("empty level").isEmpty();
        assertThat(OutcomeOrder.substanceUse("nej>ja")).as("Swedish words are not codes").isEmpty();
        assertThat(OutcomeOrder.substanceUse("")).isEmpty();
        assertThatThrownBy(() -> new Ranking<>(List.of(List.of(SubstanceUse.NO)), OutcomeOrder.SUBSTANCE_USES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ranksChosenOnTheScreenBecomeLevelsWhateverTheNumbers() {
        Ranking<Occupation> ranking = Ranking.ofRanks(Map.of(Occupation.STUDIES, 2, Occupation.WORK, 2,
                Occupation.INTERNSHIP, 4, Occupation.NONE, 4), OutcomeOrder.OCCUPATIONS);

        assertThat(ranking.format(Codes::of)).isEqualTo("studies=work>internship=none");
        assertThat(ranking.rankOf(Occupation.NONE)).isEqualTo(2);
        assertThat(ranking.rankOf(Occupation.UNKNOWN)).isZero();
        assertThat(ranking.change(Occupation.NONE, Occupation.INTERNSHIP)).isEqualTo(Ranking.Change.UNCHANGED);
    }
}
