package se.lotsbok.report.combine;

import java.util.Locale;

/** The forms a compilation is written in: CSV and JSON for further work, PDF for the committee. */
public enum CompilationFormat {
    CSV,
    JSON,
    PDF;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code csv}, {@code json} or {@code pdf}, as typed on the command line. */
    public static CompilationFormat parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
