package se.lotsbok.domain.settings;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.participant.AgeBand;
import se.lotsbok.domain.participant.Programme;

/** The unit's own settings: its name, the default caseload cap and each programme's age band. */
public record UnitSettings(String unitName, int caseloadCap, AgeBand youthBand, AgeBand youngAdultsBand) {

    public static final int DEFAULT_CASELOAD_CAP = 7;
    /** The unit's name goes into every exported tally, so it is a name, not a text. */
    public static final int MAX_NAME_LENGTH = 200;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
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

    /** Why {@code name} cannot be the unit's name (a message key with its values), or empty. */
    public static Optional<Refusal> checkName(String name) {
        String value = TypedText.strip(name);
        if (value.length() > MAX_NAME_LENGTH) {
            return Optional.of(new Refusal("validation.TOO_LONG", MAX_NAME_LENGTH));
        }
        if (CONTROL.matcher(value).find()) {
            return Optional.of(new Refusal("validation.CONTROL_CHARACTERS"));
        }
        return Optional.empty();
    }

    public AgeBand bandOf(Programme programme) {
        return switch (programme) {
            case YOUTH -> youthBand;
            case YOUNG_ADULTS -> youngAdultsBand;
        };
    }
}
