package se.lotsbok.domain.settings;

import java.util.Objects;
import se.lotsbok.domain.participant.Programme;

/** The unit's own settings: its name, the default caseload cap and each programme's age band. */
public record UnitSettings(String unitName, int caseloadCap, AgeBand youthBand, AgeBand youngAdultsBand) {

    public static final int DEFAULT_CASELOAD_CAP = 7;
    public static final UnitSettings DEFAULTS =
            new UnitSettings("", DEFAULT_CASELOAD_CAP, new AgeBand(12, 20), new AgeBand(19, 29));

    public UnitSettings {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(youthBand, "youthBand");
        Objects.requireNonNull(youngAdultsBand, "youngAdultsBand");
        if (caseloadCap < 1) {
            throw new IllegalArgumentException("caseload cap must be at least 1");
        }
    }

    public AgeBand bandOf(Programme programme) {
        return switch (programme) {
            case YOUTH -> youthBand;
            case YOUNG_ADULTS -> youngAdultsBand;
        };
    }
}
