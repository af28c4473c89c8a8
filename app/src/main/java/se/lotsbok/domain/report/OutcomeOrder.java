package se.lotsbok.domain.report;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import se.lotsbok.domain.casepath.Situation;

/**
 * Which situation counts as better than which, per field, for the outcome measures. The default is
 * the one the measures' documentation writes: occupation work or studies above internship above
 * none; housing own above parents or others above institution above none; substance use no above
 * yes. A unit may set another order; every tally says which it used.
 */
public record OutcomeOrder(Ranking<Situation.Occupation> occupation, Ranking<Situation.Housing> housing,
        Ranking<Situation.SubstanceUse> substanceUse) {

    public static final Set<Situation.Occupation> OCCUPATIONS = rankable(Situation.Occupation.values());
    public static final Set<Situation.Housing> HOUSINGS = rankable(Situation.Housing.values());
    public static final Set<Situation.SubstanceUse> SUBSTANCE_USES = rankable(Situation.SubstanceUse.values());

    public static final OutcomeOrder DEFAULT = new OutcomeOrder(
            new Ranking<>(List.of(List.of(Situation.Occupation.WORK, Situation.Occupation.STUDIES),
                    List.of(Situation.Occupation.INTERNSHIP), List.of(Situation.Occupation.NONE)), OCCUPATIONS),
            new Ranking<>(List.of(List.of(Situation.Housing.OWN), List.of(Situation.Housing.PARENTS,
                    Situation.Housing.OTHERS), List.of(Situation.Housing.INSTITUTION), List.of(Situation.Housing.NONE)),
                    HOUSINGS),
            new Ranking<>(List.of(List.of(Situation.SubstanceUse.NO), List.of(Situation.SubstanceUse.YES)),
                    SUBSTANCE_USES));

    public OutcomeOrder {
        Objects.requireNonNull(occupation, "occupation");
        Objects.requireNonNull(housing, "housing");
        Objects.requireNonNull(substanceUse, "substanceUse");
    }

    /** The occupation order from its text form ({@code work=studies>internship>none}); empty when incomplete. */
    public static Optional<Ranking<Situation.Occupation>> occupation(String text) {
        return Ranking.parse(text, byCode(Situation.Occupation.values(), Codes::of), OCCUPATIONS);
    }

    public static Optional<Ranking<Situation.Housing>> housing(String text) {
        return Ranking.parse(text, byCode(Situation.Housing.values(), Codes::of), HOUSINGS);
    }

    public static Optional<Ranking<Situation.SubstanceUse>> substanceUse(String text) {
        return Ranking.parse(text, byCode(Situation.SubstanceUse.values(), Codes::of), SUBSTANCE_USES);
    }

    public String occupationText() {
        return occupation.format(Codes::of);
    }

    public String housingText() {
        return housing.format(Codes::of);
    }

    public String substanceUseText() {
        return substanceUse.format(Codes::of);
    }

    private static <E extends Enum<E>> Set<E> rankable(E[] values) {
        return Set.copyOf(EnumSet.copyOf(Arrays.stream(values).filter(v -> !v.name().equals("UNKNOWN")).toList()));
    }

    private static <E extends Enum<E>> Function<String, Optional<E>> byCode(E[] values, Function<E, String> code) {
        return text -> Arrays.stream(values).filter(v -> code.apply(v).equals(text)).findFirst();
    }
}
