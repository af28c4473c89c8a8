package se.lotsbok.domain.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoteRulesTest {

    @Test
    void wordsAreFoldedAndEmojiAreNotWords() {
        assertThat(NoteRules.words("Åsa ÖVERSYN café 🙂 👍🏽 x")).containsExactly("asa", "oversyn", "cafe");
    }

    @Test
    void aLongWordIsCutAtFortyWithoutSplittingALetterOutsideTheBasicPlane() {
        String fraktur = "\uD835\uDD04"; // MATHEMATICAL FRAKTUR CAPITAL A, a letter of two chars
        String word = "a" + fraktur.repeat(30);

        String kept = NoteRules.words(word).iterator().next();

        assertThat(kept.length()).isLessThanOrEqualTo(NoteRules.MAX_WORD);
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        assertThat(kept.codePoints().allMatch(Character::isLetter)).isTrue();
    }
}
