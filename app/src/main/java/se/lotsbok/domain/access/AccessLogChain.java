package se.lotsbok.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The access log as a hash chain: each row's hash covers its content and the previous row's hash,
 * and the head (row count and last hash) is kept outside the log table too. A changed, inserted or
 * removed row, the last one included, breaks the chain or disagrees with a head.
 */
public final class AccessLogChain {

    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    /** The count and last hash of the chain, as recorded beside it. */
    public record Head(long count, String lastHash) {
        public static final Head EMPTY = new Head(0, GENESIS);
    }

    /** What a check found. */
    public sealed interface Verification {
        default boolean intact() {
            return this instanceof Intact;
        }
    }

    public record Intact(long count) implements Verification {
    }

    /** The first problem found, at row {@code seq}. */
    public record Broken(long seq, Problem problem) implements Verification {
    }

    public enum Problem {
        /** The row's content no longer matches its hash. */
        CHANGED,
        /** A row is missing before this one. */
        REMOVED,
        /** This row does not follow the one before it: it was inserted or the order was changed. */
        INSERTED,
        /** Rows at the end were removed: a head counts more rows than the log holds. */
        REMOVED_AT_END,
        /** The log holds rows that a head does not account for, or a head's last hash differs. */
        HEAD_MISMATCH,
        /** The copy of the head kept beside the database is gone although the log has rows. */
        HEAD_COPY_MISSING,
        /** The copy of the head was not written by Lotsbok (its seal does not match). */
        HEAD_COPY_FORGED
    }

    private AccessLogChain() {
    }

    /** The time as stored: whole microseconds, as the database keeps it. */
    public static Instant storedTime(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String hash(long seq, Instant at, Long userId, String username, AccessEvent event,
            Long participantId, String detail, String previousHash) {
        // Free text is length-prefixed, so no choice of text can make two rows serialise alike.
        String content = seq + "|" + storedTime(at) + "|" + (userId == null ? "-" : userId) + "|"
                + username.length() + ":" + username + "|" + event.name() + "|"
                + (participantId == null ? "-" : participantId) + "|"
                + detail.length() + ":" + detail + "|" + previousHash;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The next row after {@code head}, with its hash. */
    public static AccessLogEntry next(Head head, Instant at, Long userId, String username, AccessEvent event,
            Long participantId, String detail) {
        long seq = head.count() + 1;
        Instant stored = storedTime(at);
        return new AccessLogEntry(seq, stored, userId, username, event, participantId, detail, head.lastHash(),
                hash(seq, stored, userId, username, event, participantId, detail, head.lastHash()));
    }

    /**
     * Checks {@code entries} (all rows, in sequence order) against each other, against the head kept
     * beside the table and, if there is one, against a copy of the head kept elsewhere that may lag
     * behind (it is written after each commit) but never run ahead or disagree.
     */
    public static Verification verify(List<AccessLogEntry> entries, Head head, Optional<Head> mirror) {
        String previous = GENESIS;
        long expected = 1;
        for (AccessLogEntry e : entries) {
            if (e.seq() > expected) {
                return new Broken(expected, Problem.REMOVED);
            }
            if (e.seq() < expected || !e.previousHash().equals(previous)) {
                return new Broken(e.seq(), Problem.INSERTED);
            }
            if (!hash(e.seq(), e.at(), e.userId(), e.username(), e.event(), e.participantId(), e.detail(),
                    e.previousHash()).equals(e.hash())) {
                return new Broken(e.seq(), Problem.CHANGED);
            }
            previous = e.hash();
            expected++;
        }
        long count = entries.size();
        Optional<Verification> headProblem = against(entries, head, false);
        if (headProblem.isPresent()) {
            return headProblem.get();
        }
        if (mirror.isPresent()) {
            Optional<Verification> mirrorProblem = against(entries, mirror.get(), true);
            if (mirrorProblem.isPresent()) {
                return mirrorProblem.get();
            }
        }
        return new Intact(count);
    }

    private static Optional<Verification> against(List<AccessLogEntry> entries, Head head, boolean mayLag) {
        long count = entries.size();
        if (head.count() > count) {
            return Optional.of(new Broken(count + 1, Problem.REMOVED_AT_END));
        }
        if (head.count() < count && !mayLag) {
            return Optional.of(new Broken(head.count() + 1, Problem.HEAD_MISMATCH));
        }
        String hashAtHead = head.count() == 0 ? GENESIS : entries.get((int) head.count() - 1).hash();
        if (!hashAtHead.equals(head.lastHash())) {
            return Optional.of(new Broken(Math.max(1, head.count()), Problem.HEAD_MISMATCH));
        }
        return Optional.empty();
    }
}
