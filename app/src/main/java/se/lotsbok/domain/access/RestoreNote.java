package se.lotsbok.domain.access;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the log row of a restore says: which backup came back, where the register as it was went,
 * and what became of the access log written after the backup was taken. Those rows are not lost
 * with the data they describe: rows {@code carriedFrom}–{@code carriedTo} of the log before the
 * restore follow in the restored log from row {@code carriedAs} on, just before this row, and the
 * head of the log before the restore is named.
 *
 * @param carriedFrom the first row carried over (numbered as in the log before the restore); greater
 *     than {@code carriedTo} when there was nothing to carry
 */
public record RestoreNote(String backup, String safetyBackup, long carriedFrom, long carriedTo, long carriedAs,
        long headBefore, String hashBefore) {

    private static final int NAME = 60;
    private static final Pattern FORMAT = Pattern.compile(
            "from (.*); before: (.*); log rows (\\d+)-(\\d+) carried as (\\d+); head before (\\d+) ([0-9a-f]{16})");

    public long carried() {
        return Math.max(0, carriedTo - carriedFrom + 1);
    }

    /** The row's detail; file names are cut so that it always fits. */
    public String detail() {
        return "from " + name(backup) + "; before: " + name(safetyBackup) + "; log rows " + carriedFrom + "-" + carriedTo
                + " carried as " + carriedAs + "; head before " + headBefore + " "
                + hashBefore.substring(0, Math.min(16, hashBefore.length()));
    }

    /** The note in a restore row's detail, if it is one (rows of older versions said less). */
    public static Optional<RestoreNote> parse(String detail) {
        Matcher m = FORMAT.matcher(detail);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RestoreNote(m.group(1), m.group(2), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), m.group(7)));
    }

    private static String name(String fileName) {
        String safe = fileName.replace(';', '_');
        return safe.length() <= NAME ? safe : "…" + safe.substring(safe.length() - NAME + 1);
    }
}
