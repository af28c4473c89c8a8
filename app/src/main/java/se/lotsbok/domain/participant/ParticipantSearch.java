package se.lotsbok.domain.participant;

import java.util.Arrays;
import java.util.function.Predicate;
import se.lotsbok.domain.common.SwedishText;

/**
 * Search-as-you-type over the register: every word of the query must occur in the participant's
 * names or identity number, ignoring case and accents ("ase" finds "Åse"). Digits match the
 * identity number with or without century and separator ("900101-1234" finds 199001011234).
 */
public final class ParticipantSearch {

    private ParticipantSearch() {
    }

    /** The folded text a participant is matched against; compute once per participant. */
    public static String searchKey(ParticipantSummary p) {
        StringBuilder key = new StringBuilder(64)
                .append(SwedishText.fold(p.firstName())).append(' ')
                .append(SwedishText.fold(p.lastName())).append(' ');
        if (p.identityNumber() != null) {
            key.append(p.identityNumber().digits());
        } else {
            key.append(p.birthDate().toString().replace("-", ""));
        }
        return key.toString();
    }

    /** A predicate over search keys; a blank query matches everyone. */
    public static Predicate<String> matcher(String query) {
        String[] words = Arrays.stream(SwedishText.fold(query).strip().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .map(ParticipantSearch::normaliseWord)
                .filter(w -> !w.isEmpty())
                .toArray(String[]::new);
        if (words.length == 0) {
            return key -> true;
        }
        return key -> {
            for (String word : words) {
                if (!key.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static String normaliseWord(String word) {
        // An identity number typed with a separator: search on its digits alone.
        if (word.matches("[0-9+\\-]+") && word.chars().anyMatch(Character::isDigit)) {
            return word.replace("-", "").replace("+", "");
        }
        return word;
    }
}
