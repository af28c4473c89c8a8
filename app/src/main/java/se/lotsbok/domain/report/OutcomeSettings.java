package se.lotsbok.domain.report;

import java.util.Objects;

/**
 * How the unit follows up what its work led to: how many months after a discharge the follow-up
 * with the person falls due (where they agreed to it), and the order of better and worse that the
 * outcome measures use. Kept apart from the unit's other settings.
 */
public record OutcomeSettings(int followUpMonths, OutcomeOrder order) {

    public static final int DEFAULT_FOLLOW_UP_MONTHS = 6;
    public static final int MIN_FOLLOW_UP_MONTHS = 1;
    public static final int MAX_FOLLOW_UP_MONTHS = 60;
    public static final OutcomeSettings DEFAULTS = new OutcomeSettings(DEFAULT_FOLLOW_UP_MONTHS, OutcomeOrder.DEFAULT);

    public OutcomeSettings {
        Objects.requireNonNull(order, "order");
        if (followUpMonths < MIN_FOLLOW_UP_MONTHS || followUpMonths > MAX_FOLLOW_UP_MONTHS) {
            throw new IllegalArgumentException("follow-up months must be " + MIN_FOLLOW_UP_MONTHS + "-"
                    + MAX_FOLLOW_UP_MONTHS);
        }
    }
}
