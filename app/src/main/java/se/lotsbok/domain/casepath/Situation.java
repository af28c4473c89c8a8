package se.lotsbok.domain.casepath;

import java.util.Objects;

/**
 * The participant's situation recorded at enrollment, at discharge and at the follow-up after
 * discharge, so that aggregate follow-up can compare them.
 */
public record Situation(Occupation occupation, Housing housing, SubstanceUse substanceUse) {

    public enum Occupation { STUDIES, WORK, INTERNSHIP, NONE, UNKNOWN }

    public enum Housing { OWN, PARENTS, OTHERS, INSTITUTION, NONE, UNKNOWN }

    public enum SubstanceUse { YES, NO, UNKNOWN }

    /** Nothing known: what an import without the situation columns records. */
    public static final Situation UNKNOWN = new Situation(Occupation.UNKNOWN, Housing.UNKNOWN, SubstanceUse.UNKNOWN);

    public Situation {
        Objects.requireNonNull(occupation, "occupation");
        Objects.requireNonNull(housing, "housing");
        Objects.requireNonNull(substanceUse, "substanceUse");
    }
}
