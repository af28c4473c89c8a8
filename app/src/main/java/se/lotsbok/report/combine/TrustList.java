package se.lotsbok.report.combine;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fingerprints of the keys a compilation accepts, one per line as Om Lotsbok and {@code info}
 * show them (spaces and colons between the digits are ignored); {@code #} starts a comment, such
 * as the unit's name, and blank lines are skipped.
 */
public final class TrustList {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private TrustList() {
    }

    /**
     * @param source the list's file name, as a refusal names it
     * @throws CombineRefused naming the first line that is no fingerprint
     */
    public static Set<String> parse(String source, String text) {
        Set<String> fingerprints = new LinkedHashSet<>();
        int number = 0;
        for (String line : text.replace("\uFEFF", "").split("\\R", -1)) {
            number++;
            int comment = line.indexOf('#');
            String digits = (comment >= 0 ? line.substring(0, comment) : line).replaceAll("[\\s:]", "")
                    .toLowerCase(Locale.ROOT);
            if (digits.isEmpty()) {
                continue;
            }
            if (!FINGERPRINT.matcher(digits).matches()) {
                throw new CombineRefused("BAD_TRUST_LINE", source, number);
            }
            fingerprints.add(digits);
        }
        return fingerprints;
    }
}
