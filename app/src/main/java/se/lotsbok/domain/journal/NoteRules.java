package se.lotsbok.domain.journal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.common.DateLimits;
import se.lotsbok.domain.common.SwedishText;
import se.lotsbok.domain.common.TypedText;

/** What a note must hold to be signed, and the words it is found by. */
public final class NoteRules {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_ATTENDEES = 500;
    public static final int MAX_WORD = 40;
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NoteRules() {
    }

    /** Why the note cannot be signed, or empty. */
    public static Optional<Refusal> checkForSigning(NoteContent content, LocalDateTime now) {
        if (content.meetingAt() == null) {
            return Optional.of(new Refusal("note.refused.when"));
        }
        if (content.meetingAt().isAfter(now)) {
            return Optional.of(new Refusal("note.refused.future"));
        }
        Optional<Refusal> implausible = DateLimits.check(content.meetingAt().toLocalDate(), now.toLocalDate());
        if (implausible.isPresent()) {
            return implausible;
        }
        if (content.type() == null) {
            return Optional.of(new Refusal("note.refused.type"));
        }
        if (TypedText.isBlank(content.text())) {
            return Optional.of(new Refusal("note.refused.empty"));
        }
        return checkLength(content);
    }

    /** A draft may be incomplete, but not longer than a note may be. */
    public static Optional<Refusal> checkLength(NoteContent content) {
        if (content.text().length() > MAX_TEXT) {
            return Optional.of(new Refusal("note.refused.tooLong", MAX_TEXT, content.text().length()));
        }
        if (content.attendees().length() > MAX_ATTENDEES) {
            return Optional.of(new Refusal("note.refused.attendeesTooLong", MAX_ATTENDEES));
        }
        return Optional.empty();
    }

    /** The distinct words of a text, folded (case and accents ignored), as the search index keeps them. */
    public static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : NOT_LETTERS.split(SwedishText.fold(text))) {
            if (word.length() >= 2) {
                words.add(word.length() > MAX_WORD ? cut(word) : word);
            }
        }
        return words;
    }

    /** The first {@link #MAX_WORD} chars, one fewer if the last would split a letter outside the BMP in two. */
    private static String cut(String word) {
        int end = Character.isHighSurrogate(word.charAt(MAX_WORD - 1)) ? MAX_WORD - 1 : MAX_WORD;
        return word.substring(0, end);
    }

    /** The words of a search query, in the same form. */
    public static List<String> queryWords(String query) {
        return new ArrayList<>(words(query == null ? "" : query));
    }
}
