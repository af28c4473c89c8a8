package se.lotsbok.report;

/**
 * How a tally is written: the CSV separator ({@code ;} for Swedish Excel, {@code ,} otherwise)
 * and the small-number suppression threshold N (counts 1..N are hidden; 0 means off).
 */
public record ExportOptions(char separator, int suppressUpTo) {

    public static final ExportOptions DEFAULTS = new ExportOptions(';', 0);

    public ExportOptions {
        if (separator != ';' && separator != ',') {
            throw new IllegalArgumentException("separator must be ; or ,");
        }
        if (suppressUpTo < 0) {
            throw new IllegalArgumentException("suppression threshold must not be negative");
        }
    }

    public boolean suppresses(long value) {
        return value >= 1 && value <= suppressUpTo;
    }

    /** What a hidden count is written as in CSV: {@code <N+1}. */
    public String hiddenText() {
        return "<" + (suppressUpTo + 1);
    }
}
