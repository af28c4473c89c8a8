package se.lotsbok.domain.settings;

/**
 * How gallring is done in this unit: how many years after the last entry a case file is due (the
 * Social Services Act says five), and whether the municipality is in the research sample whose
 * case files of people born on the 5th, 15th or 25th are kept. Kept apart from {@link UnitSettings}.
 */
public record RetentionSettings(int years, boolean inResearchSample) {

    public static final int DEFAULT_YEARS = 5;
    /** Never fewer years than the law's five: a case file deleted too early cannot be brought back. */
    public static final int MIN_YEARS = 5;
    public static final int MAX_YEARS = 99;
    public static final RetentionSettings DEFAULTS = new RetentionSettings(DEFAULT_YEARS, false);

    public RetentionSettings {
        if (years < MIN_YEARS || years > MAX_YEARS) {
            throw new IllegalArgumentException("retention years must be " + MIN_YEARS + "-" + MAX_YEARS);
        }
    }
}
