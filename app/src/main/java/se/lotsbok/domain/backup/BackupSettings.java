package se.lotsbok.domain.backup;

import java.util.Objects;

/**
 * Where the automatic backups go and how many are kept. An empty {@code folder} means the folder
 * {@code backups} inside the data folder; a unit that can should name a folder on another disk.
 */
public record BackupSettings(String folder, int keep) {

    public static final int MIN_KEEP = 1;
    public static final int MAX_KEEP = 365;
    public static final BackupSettings DEFAULTS = new BackupSettings("", 14);

    public BackupSettings {
        Objects.requireNonNull(folder, "folder");
        folder = folder.strip();
        if (keep < MIN_KEEP || keep > MAX_KEEP) {
            throw new IllegalArgumentException("keep must be " + MIN_KEEP + "-" + MAX_KEEP + ": " + keep);
        }
    }
}
