package se.lotsbok.domain.casepath;

import java.util.Objects;

/**
 * The participant's situation recorded at enrollment and at discharge, so that aggregate follow-up
 * can compare the two.
 */
public record Situation(Occupation occupation, Housing housing, SubstanceUse substanceUse) {

    public enum Occupation { STUDIES, WORK, INTERNSHIP, NONE, UNKNOWN }

    public enum Housing { OWN, PARENTS, OTHERS, INSTITUTION, NONE, UNKNOWN }

    public enum SubstanceUse { YES, NO, UNKNOWN }

    public Situation {
        Objects.requireNonNull(occupation, "occupation");
        Objects.requireNonNull(housing, "housing");
        Objects.requireNonNull(substanceUse, "substanceUse");
    }
}
