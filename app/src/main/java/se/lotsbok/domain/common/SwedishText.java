package se.lotsbok.domain.common;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/** Swedish ordering and the folding used by search (case and accents ignored). */
public final class SwedishText {

    public static final Locale SWEDISH = Locale.of("sv", "SE");

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private SwedishText() {
    }

    /** A new collator (collators are not thread-safe): Å, Ä, Ö after Z, case differences last. */
    public static Collator collator() {
        Collator collator = Collator.getInstance(SWEDISH);
        collator.setStrength(Collator.TERTIARY);
        return collator;
    }

    public static Comparator<String> comparator() {
        Collator collator = collator();
        return collator::compare;
    }

    /** Lower case without diacritics: "Åse Öberg" becomes "ase oberg". */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
