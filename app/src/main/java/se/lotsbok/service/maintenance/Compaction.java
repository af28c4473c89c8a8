package se.lotsbok.service.maintenance;

import se.lotsbok.domain.backup.CompactionPolicy;
import se.lotsbok.store.Database;

/**
 * Keeps the register's file small: compacts it at logout or close when it has grown past
 * {@link CompactionPolicy}, and after a large import. Compaction needs the register to itself; when
 * another program has it open, it waits for a later logout.
 */
public final class Compaction {

    /** The file's size before and after; {@code done} is false when another program had it open. */
    public record Result(long before, long after, boolean done) {
    }

    private final Database database;

    public Compaction(Database database) {
        this.database = database;
    }

    /** The file's size now, when a compaction at logout is due; 0 when it is not. */
    public long dueBytes() {
        if (!database.isOpen()) {
            return 0;
        }
        long bytes = database.fileBytes();
        long compacted = database.transaction(repos -> repos.settings().compactedBytes());
        return CompactionPolicy.due(bytes, compacted) ? bytes : 0;
    }

    /** Compacts now if it is due (at logout or close). */
    public Result compactIfDue() {
        long bytes = dueBytes();
        return bytes == 0 ? new Result(database.fileBytes(), database.fileBytes(), false) : compact();
    }

    /** Compacts now, and remembers the size it came to, from which the next growth is measured. */
    public Result compact() {
        long before = database.fileBytes();
        if (!database.compact()) {
            return new Result(before, before, false);
        }
        long after = database.fileBytes();
        database.transaction(repos -> {
            repos.settings().saveCompactedBytes(after);
            return null;
        });
        return new Result(before, after, true);
    }
}
