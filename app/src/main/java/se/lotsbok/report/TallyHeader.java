package se.lotsbok.report;

import java.time.Instant;
import java.util.Objects;

/** What a written tally says about itself: whose numbers, which period, when, by which version. */
public record TallyHeader(String unitName, Kind kind, String period, Instant generatedAt, String appVersion) {

    /** A monthly tally or a yearly summary. */
    public enum Kind {
        MONTH,
        YEAR
    }

    public TallyHeader {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(appVersion, "appVersion");
    }
}
