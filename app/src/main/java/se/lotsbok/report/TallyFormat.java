package se.lotsbok.report;

import java.util.Locale;

/** The two forms a tally leaves the unit in. */
public enum TallyFormat {
    CSV("csv"),
    JSON("json");

    private final String extension;

    TallyFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** {@code csv} or {@code json}, as typed on the command line. */
    public static TallyFormat parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("format must be csv or json: " + text);
        };
    }
}
