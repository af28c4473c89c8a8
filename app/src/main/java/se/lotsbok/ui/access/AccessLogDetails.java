package se.lotsbok.ui.access;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.lotsbok.i18n.Texts;

/**
 * The detail column of the access log in the reader's language. The log stores each detail as the
 * program wrote it ("rows=5", "dashboard 2026-11", "participant list, rows=12"): short codes that
 * the hash chain seals and that must never change. This turns them into words when they are shown:
 * {@code key=value} pairs, known words and phrases, and coded values (a case step, a partner, an
 * action); anything else (a date, a file name, a number) is shown as it is.
 */
final class AccessLogDetails {

    /** Two-word phrases that mean something else together; joined before the words are looked up. */
    private static final List<String> PHRASES = List.of("participant list", "waiting list", "first administrator",
            "before restore", "restored from", "suppressed up to");
    private static final Pattern TOKEN = Pattern.compile("([A-Za-z][A-Za-z_-]*)(?:=([^\\s,]*))?|[^\\s,]+");
    /** Where a coded value's name is looked up, in order. */
    private static final List<String> CODED = List.of("enum.CaseStatus.", "enum.Partner.", "enum.Goal.Status.",
            "accessDetail.action.", "accessDetail.chain.");

    private final Texts texts;

    AccessLogDetails(Texts texts) {
        this.texts = texts;
    }

    String describe(String detail) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String text = detail;
        for (String phrase : PHRASES) {
            text = text.replace(phrase, phrase.replace(' ', '-'));
        }
        StringBuilder out = new StringBuilder();
        Matcher token = TOKEN.matcher(text);
        int last = 0;
        while (token.find()) {
            out.append(text, last, token.start());
            out.append(word(token));
            last = token.end();
        }
        out.append(text.substring(last));
        return out.toString().replaceAll("\\s{2,}", " ").strip();
    }

    private String word(Matcher token) {
        String name = token.group(1);
        if (name == null) {
            return token.group();
        }
        String value = token.group(2);
        if (value != null) {
            String key = "accessDetail.key." + name;
            if (value.equals("*") || value.equals("-")) {
                return texts.has(key + ".none") ? texts.get(key + ".none") : token.group();
            }
            return texts.has(key) ? texts.format(key, value) : token.group();
        }
        String word = "accessDetail.word." + name;
        if (texts.has(word)) {
            return texts.get(word);
        }
        for (String prefix : CODED) {
            if (texts.has(prefix + name)) {
                return texts.get(prefix + name);
            }
        }
        return token.group();
    }
}
