package se.lotsbok.domain.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;

/** The secrecy review's rules: a ground for everything withheld, passages inside the text, none overlapping. */
class RedactionTest {

    private static final String TEXT = "Vi talade om boendet. Grannen har larmat polisen. Nästa möte i maj.";
    private static final JournalNote NOTE = new JournalNote(7, 1, new NoteContent(LocalDateTime.of(2026, 4, 1, 9, 30),
            MeetingType.NETWORK, Set.of(), "", TEXT), Instant.parse("2026-04-01T08:00:00Z"), 2, "chef", null);
    private static final int START = TEXT.indexOf("Grannen");
    private static final int END = TEXT.indexOf(" Nästa");

    @Test
    void aMaskedPassageIsReplacedByItsGroundAndTheRestIsKept() {
        Redaction r = Redaction.NONE.mask(new Redaction.Mask(7, START, END, " OSL 26 kap. 1 § "));

        assertThat(r.check(List.of(NOTE))).isEmpty();
        assertThat(r.segments(NOTE)).containsExactly(new Redaction.Shown("Vi talade om boendet. "),
                new Redaction.Masked("OSL 26 kap. 1 §"), new Redaction.Shown(" Nästa möte i maj."));
    }

    @Test
    void masksAreKeptInTextOrderWhateverOrderTheyWereMadeIn() {
        Redaction r = Redaction.NONE.mask(new Redaction.Mask(7, END, TEXT.length(), "b"))
                .mask(new Redaction.Mask(7, 0, 2, "a"));

        assertThat(r.segments(NOTE)).extracting(Object::toString).first().asString().contains("a");
        assertThat(r.check(List.of(NOTE))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00a0\u200b"})
    void aWithholdingWithoutAGroundIsRefused(String ground) {
        assertThat(Redaction.NONE.omit(7, ground).check(List.of(NOTE)))
                .contains(new Refusal("extract.refused.ground"));
        assertThat(Redaction.NONE.mask(new Redaction.Mask(7, START, END, ground)).check(List.of(NOTE)))
                .contains(new Refusal("extract.refused.ground"));
    }

    @Test
    void aGroundLongerThanAReferenceIsRefused() {
        assertThat(Redaction.NONE.omit(7, "x".repeat(Redaction.MAX_GROUND + 1)).check(List.of(NOTE)))
                .contains(new Refusal("extract.refused.groundTooLong", Redaction.MAX_GROUND));
    }

    @ParameterizedTest
    @CsvSource({"-1, 3", "5, 5", "6, 2", "0, 999"})
    void aPassageOutsideTheTextIsRefused(int start, int end) {
        assertThat(Redaction.NONE.mask(new Redaction.Mask(7, start, end, "OSL")).check(List.of(NOTE)))
                .contains(new Refusal("extract.refused.passage"));
    }

    @Test
    void overlappingPassagesAreRefused() {
        Redaction r = Redaction.NONE.mask(new Redaction.Mask(7, START, END, "OSL"))
                .mask(new Redaction.Mask(7, START + 3, END + 3, "OSL"));

        assertThat(r.check(List.of(NOTE))).contains(new Refusal("extract.refused.overlap"));
    }

    @Test
    void aPassageNeverSplitsALetterOutsideTheBasicPlane() {
        JournalNote emoji = new JournalNote(8, 1, new NoteContent(LocalDateTime.of(2026, 4, 1, 9, 30),
                MeetingType.NETWORK, Set.of(), "", "Bra 👍 möte"), Instant.EPOCH, 2, "chef", null);

        assertThat(Redaction.NONE.mask(new Redaction.Mask(8, 5, 9, "OSL")).check(List.of(emoji)))
                .contains(new Refusal("extract.refused.passage"));
        assertThat(Redaction.NONE.mask(new Redaction.Mask(8, 4, 6, "OSL")).check(List.of(emoji))).isEmpty();
    }

    @Test
    void aNoteNotAmongTheParticipantsIsRefused() {
        assertThat(Redaction.NONE.omit(99, "OSL").check(List.of(NOTE)))
                .contains(new Refusal("extract.refused.unknownNote"));
    }

    @Test
    void leavingOutANoteDropsItsMasksAndIncludingItAgainKeepsNone() {
        Redaction r = Redaction.NONE.mask(new Redaction.Mask(7, START, END, "OSL")).omit(7, "OSL 26 kap. 12 §");

        assertThat(r.masks()).isEmpty();
        assertThat(r.omission(7)).contains(new Redaction.Omission(7, "OSL 26 kap. 12 §"));
        assertThat(r.include(7).isEmpty()).isTrue();
    }

    @Test
    void eachAccessLogEventIsToldAsOneKind() {
        assertThat(AccessKind.of(se.lotsbok.domain.access.AccessEvent.PARTICIPANT_OPENED)).isEqualTo(AccessKind.OPENED);
        assertThat(AccessKind.of(se.lotsbok.domain.access.AccessEvent.NOTE_SIGNED)).isEqualTo(AccessKind.CHANGED);
        assertThat(AccessKind.of(se.lotsbok.domain.access.AccessEvent.NOTE_SEARCH))
                .isEqualTo(AccessKind.SEARCHED_AND_SHOWN);
        assertThat(AccessKind.of(se.lotsbok.domain.access.AccessEvent.EXTRACT_MADE)).isEqualTo(AccessKind.EXPORTED);
    }
}
