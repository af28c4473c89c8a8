package se.lotsbok.store.security;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The register's files are for the account that runs Lotsbok only: the key file, the database file,
 * the log head's copy, backups and scripts. On Linux and macOS every file Lotsbok makes is 0600 and
 * every folder 0700, and the register's files of an older version are made so when it opens them.
 * On Windows a folder Lotsbok makes gets an access list with its owner alone (full control, passed on
 * to what is made inside it); a folder someone else made keeps the access list they gave it, so that
 * a unit can share a folder among the accounts of one terminal server on purpose.
 */
public final class FileAccess {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private FileAccess() {
    }

    /** Creates {@code folder} (and missing parents) if missing; a folder made here is its owner's alone. */
    public static Path createFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return folder;
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            // The parents (the user's data folder, say) are ordinary folders; only the last is ours.
            Files.createDirectories(parent);
        }
        try {
            if (posix(parent)) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException e) {
            return folder;
        }
        restrict(absolute);
        return folder;
    }

    /** Makes {@code path} (a file or folder) its owner's alone. */
    public static void restrict(Path path) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(Files.isDirectory(path) ? OWNER_FOLDER : OWNER_FILE);
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            Set<AclEntryFlag> inherit = Files.isDirectory(path)
                    ? EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT)
                    : EnumSet.noneOf(AclEntryFlag.class);
            acl.setAcl(List.of(AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(acl.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .setFlags(inherit)
                    .build()));
        }
    }

    /**
     * On Linux and macOS, makes an existing file of the register its owner's alone (files of an older
     * Lotsbok were readable by everyone); on Windows leaves it to the folder's access list.
     */
    public static void tighten(Path path) throws IOException {
        if (Files.exists(path) && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            restrict(path);
        }
    }

    /** A new, empty file in {@code folder} that nobody else can read, to be written and moved into place. */
    public static Path newTempFile(Path folder, String prefix) throws IOException {
        // On Linux and macOS the JDK makes temporary files 0600; on Windows the folder's list applies.
        return Files.createTempFile(folder, "." + prefix + "-", ".tmp");
    }

    /** Writes {@code bytes} and waits until they are on disk. */
    public static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Opens (creating if missing) a file used only to take an operating-system lock on. */
    static FileChannel openLockFile(Path file) throws IOException {
        boolean existed = Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (!existed) {
            tighten(file);
        }
        return channel;
    }

    private static boolean posix(Path existing) {
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
