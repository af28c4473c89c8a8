package se.lotsbok.store.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import se.lotsbok.store.security.FileAccess;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a zip holding the database file exactly as H2's {@code BACKUP} copied it
 * (still encrypted) and the keys file (the database key wrapped per user, never in clear), so that
 * a backup alone brings back a register. Nothing in it is readable without a user's password.
 */
public final class BackupArchive {

    /** The entry holding the encrypted database file. */
    public static final String DATABASE_ENTRY = "lotsbok.mv.db";
    /** The entry holding the wrapped keys. */
    public static final String KEYS_ENTRY = "lotsbok.keys";

    /** Writes the H2 backup into a zip file; given the path of a zip it may create. */
    public interface H2Backup {
        void writeTo(Path zip) throws IOException;
    }

    private BackupArchive() {
    }

    /**
     * Writes the archive to {@code target} atomically: a half-written backup never carries the
     * final name, so rotation and restore only ever see whole files.
     */
    public static void write(Path target, H2Backup h2, Path keysFile) throws IOException {
        Path absolute = target.toAbsolutePath();
        FileAccess.createFolder(absolute.getParent());
        // Both made owner-only (0600) before anything is written to them; H2 writes into the one it is given.
        Path h2Zip = FileAccess.newTempFile(absolute.getParent(), "lotsbok-h2");
        Path partial = FileAccess.newTempFile(absolute.getParent(), "lotsbok-backup");
        try {
            h2.writeTo(h2Zip);
            try (ZipFile source = new ZipFile(h2Zip.toFile());
                    OutputStream file = Files.newOutputStream(partial);
                    ZipOutputStream out = new ZipOutputStream(file)) {
                ZipEntry database = source.getEntry(DATABASE_ENTRY);
                if (database == null) {
                    throw new IOException("H2's backup holds no " + DATABASE_ENTRY);
                }
                out.putNextEntry(new ZipEntry(DATABASE_ENTRY));
                try (InputStream in = source.getInputStream(database)) {
                    in.transferTo(out);
                }
                out.closeEntry();
                if (Files.exists(keysFile)) {
                    out.putNextEntry(new ZipEntry(KEYS_ENTRY));
                    Files.copy(keysFile, out);
                    out.closeEntry();
                }
            }
            try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(h2Zip);
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Extracts the database file of the archive {@code zip} into {@code folder} (as
     * {@value #DATABASE_ENTRY}); other entries are left in the archive.
     *
     * @throws NotABackup when the file is not a zip or holds no database file
     */
    public static void extractDatabase(Path zip, Path folder) throws IOException {
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                // Only the one known name is written, under a name of our choosing: no path from
                // the archive ever reaches the file system.
                if (entry.getName().equals(DATABASE_ENTRY) && !entry.isDirectory()) {
                    Files.copy(in, folder.resolve(DATABASE_ENTRY), StandardCopyOption.REPLACE_EXISTING);
                    found = true;
                }
            }
        } catch (ZipException | NoSuchFileException | IllegalArgumentException e) {
            throw new NotABackup(e);
        }
        if (!found) {
            throw new NotABackup(null);
        }
    }

    /** The file is not a Lotsbok backup (not a zip, or no database in it). */
    public static final class NotABackup extends IOException {
        NotABackup(Throwable cause) {
            super("not a Lotsbok backup", cause);
        }
    }
}
