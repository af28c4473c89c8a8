package se.lotsbok.domain.backup;

/**
 * When the register's file is compacted. H2 writes changed pages anew and frees the old ones only
 * little by little, so a file that has seen much writing (an import, a year of daily use, a key
 * change) holds space no row uses; compaction rewrites it without.
 */
public final class CompactionPolicy {

    /** A file smaller than this is never worth the wait. */
    public static final long FLOOR_BYTES = 16L * 1024 * 1024;
    /** An import of more rows than this is followed by a compaction. */
    public static final int IMPORT_ROWS = 300;

    private CompactionPolicy() {
    }

    /**
     * Whether a file of {@code fileBytes} is due at logout or close: when it has grown to twice its
     * size right after the last compaction ({@code compactedBytes}, 0 if never), and at least to twice
     * the floor.
     */
    public static boolean due(long fileBytes, long compactedBytes) {
        return fileBytes > 2 * Math.max(compactedBytes, FLOOR_BYTES);
    }

    /** Whether an import that wrote {@code rows} rows is followed by a compaction. */
    public static boolean afterImport(int rows) {
        return rows > IMPORT_ROWS;
    }
}
