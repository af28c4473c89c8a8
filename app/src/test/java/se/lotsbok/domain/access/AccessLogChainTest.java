package se.lotsbok.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessLogChainTest {

    private static final Instant T = Instant.parse("2026-11-25T08:00:00.123456789Z");

    @Test
    void anUntouchedChainIsIntact() {
        List<AccessLogEntry> log = chain(5);
        assertThat(AccessLogChain.verify(log, head(log), Optional.of(head(log)))).isEqualTo(new AccessLogChain.Intact(5));
        assertThat(AccessLogChain.verify(List.of(), AccessLogChain.Head.EMPTY, Optional.empty()).intact()).isTrue();
    }

    @Test
    void timesAreKeptToTheMicrosecondAsTheDatabaseStoresThem() {
        assertThat(chain(1).getFirst().at()).isEqualTo(Instant.parse("2026-11-25T08:00:00.123456Z"));
    }

    @Test
    void aChangedRowIsFound() {
        List<AccessLogEntry> log = chain(5);
        AccessLogEntry e = log.get(2);
        log.set(2, new AccessLogEntry(e.seq(), e.at(), e.userId(), "someone-else", e.event(), e.participantId(),
                e.detail(), e.previousHash(), e.hash()));
        assertThat(verify(log, chain(5))).isEqualTo(new AccessLogChain.Broken(3, AccessLogChain.Problem.CHANGED));
    }

    @Test
    void aChangedParticipantIdIsFound() {
        List<AccessLogEntry> log = chain(5);
        AccessLogEntry e = log.get(1);
        log.set(1, new AccessLogEntry(e.seq(), e.at(), e.userId(), e.username(), e.event(), 999L,
                e.detail(), e.previousHash(), e.hash()));
        assertThat(verify(log, chain(5))).isEqualTo(new AccessLogChain.Broken(2, AccessLogChain.Problem.CHANGED));
    }

    @Test
    void aRowRemovedFromTheMiddleIsFound() {
        List<AccessLogEntry> log = chain(5);
        log.remove(2);
        assertThat(verify(log, chain(5))).isEqualTo(new AccessLogChain.Broken(3, AccessLogChain.Problem.REMOVED));
    }

    @Test
    void aRowRemovedAndTheRestRenumberedIsFound() {
        List<AccessLogEntry> log = chain(5);
        log.remove(2);
        for (int i = 2; i < log.size(); i++) {
            AccessLogEntry e = log.get(i);
            log.set(i, new AccessLogEntry(i + 1, e.at(), e.userId(), e.username(), e.event(), e.participantId(),
                    e.detail(), e.previousHash(), e.hash()));
        }
        assertThat(verify(log, chain(5)).intact()).isFalse();
    }

    @Test
    void anInsertedRowIsFound() {
        List<AccessLogEntry> log = chain(5);
        AccessLogEntry forged = AccessLogChain.next(new AccessLogChain.Head(2, log.get(1).hash()), T, 7L, "x",
                AccessEvent.LOGIN, null, "");
        log.add(2, forged);
        List<AccessLogEntry> renumbered = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            AccessLogEntry e = log.get(i);
            renumbered.add(new AccessLogEntry(i + 1, e.at(), e.userId(), e.username(), e.event(), e.participantId(),
                    e.detail(), e.previousHash(), e.hash()));
        }
        assertThat(verify(renumbered, chain(5))).isEqualTo(new AccessLogChain.Broken(4, AccessLogChain.Problem.INSERTED));
    }

    @Test
    void removingTheLastRowIsFoundByTheHead() {
        List<AccessLogEntry> full = chain(5);
        List<AccessLogEntry> cut = new ArrayList<>(full.subList(0, 4));
        assertThat(AccessLogChain.verify(cut, head(full), Optional.empty()))
                .isEqualTo(new AccessLogChain.Broken(5, AccessLogChain.Problem.REMOVED_AT_END));
    }

    @Test
    void removingTheLastRowAndRewindingTheHeadRowIsFoundByTheCopy() {
        List<AccessLogEntry> full = chain(5);
        List<AccessLogEntry> cut = new ArrayList<>(full.subList(0, 4));
        assertThat(AccessLogChain.verify(cut, head(cut), Optional.of(head(full))))
                .isEqualTo(new AccessLogChain.Broken(5, AccessLogChain.Problem.REMOVED_AT_END));
    }

    @Test
    void rewritingTheWholeTailIsFoundByTheCopy() {
        List<AccessLogEntry> original = chain(5);
        List<AccessLogEntry> rewritten = new ArrayList<>(original.subList(0, 2));
        AccessLogChain.Head head = head(rewritten);
        for (int i = 0; i < 3; i++) {
            AccessLogEntry e = AccessLogChain.next(head, T, 9L, "forger", AccessEvent.LOGIN, null, "");
            rewritten.add(e);
            head = new AccessLogChain.Head(e.seq(), e.hash());
        }
        assertThat(AccessLogChain.verify(rewritten, head, Optional.empty()).intact()).isTrue();
        assertThat(AccessLogChain.verify(rewritten, head, Optional.of(head(original))))
                .isEqualTo(new AccessLogChain.Broken(5, AccessLogChain.Problem.HEAD_MISMATCH));
    }

    @Test
    void aCopyThatLagsBehindIsAcceptedButNotOneThatRunsAhead() {
        List<AccessLogEntry> log = chain(5);
        assertThat(AccessLogChain.verify(log, head(log), Optional.of(head(log.subList(0, 3)))).intact()).isTrue();
        assertThat(AccessLogChain.verify(log, head(log), Optional.of(new AccessLogChain.Head(6, "f".repeat(64)))))
                .isEqualTo(new AccessLogChain.Broken(6, AccessLogChain.Problem.REMOVED_AT_END));
    }

    @Test
    void aHeadRowBehindTheRowsIsFound() {
        List<AccessLogEntry> log = chain(5);
        assertThat(AccessLogChain.verify(log, head(log.subList(0, 4)), Optional.empty()))
                .isEqualTo(new AccessLogChain.Broken(5, AccessLogChain.Problem.HEAD_MISMATCH));
    }

    @Test
    void freeTextCannotBeShiftedBetweenFields() {
        String a = AccessLogChain.hash(1, T, 1L, "ab", AccessEvent.LOGIN, null, "c", AccessLogChain.GENESIS);
        String b = AccessLogChain.hash(1, T, 1L, "a", AccessEvent.LOGIN, null, "bc", AccessLogChain.GENESIS);
        assertThat(a).isNotEqualTo(b);
    }

    private static AccessLogChain.Verification verify(List<AccessLogEntry> log, List<AccessLogEntry> original) {
        return AccessLogChain.verify(log, head(original), Optional.empty());
    }

    private static AccessLogChain.Head head(List<AccessLogEntry> log) {
        return log.isEmpty() ? AccessLogChain.Head.EMPTY
                : new AccessLogChain.Head(log.size(), log.getLast().hash());
    }

    private static List<AccessLogEntry> chain(int rows) {
        List<AccessLogEntry> log = new ArrayList<>();
        AccessLogChain.Head head = AccessLogChain.Head.EMPTY;
        for (int i = 0; i < rows; i++) {
            AccessLogEntry e = AccessLogChain.next(head, T.plusSeconds(i), 1L + i % 2, "user" + i % 2,
                    i % 2 == 0 ? AccessEvent.PARTICIPANT_OPENED : AccessEvent.PARTICIPANT_CHANGED, 100L + i, "");
            log.add(e);
            head = new AccessLogChain.Head(e.seq(), e.hash());
        }
        return log;
    }
}
