package se.lotsbok.service.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * A file of personal data, written whole or not at all: first under a temporary name beside the
 * target, readable and writable by its owner only (POSIX 0600; on Windows an access list with the
 * owner alone), then moved into place in one step. Until {@link #moveIntoPlace()} the target is
 * untouched; {@link #close()} removes whatever was not moved.
 */
public final class PrivateFile implements AutoCloseable {

    private final Path target;
    private final Path temp;

    private PrivateFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    public static PrivateFile create(Path target) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        try {
            Path temp;
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                temp = Files.createTempFile(folder, ".lotsbok-", ".tmp", PosixFilePermissions.asFileAttribute(
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } else {
                temp = Files.createTempFile(folder, ".lotsbok-", ".tmp");
                ownerOnly(temp);
            }
            return new PrivateFile(absolute, temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OutputStream open() {
        try {
            return Files.newOutputStream(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path target() {
        return target;
    }

    /** Puts the written file in place of the target, replacing an older file of that name. */
    public void moveIntoPlace() {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // moved already, or the disk is gone: nothing more to do
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        UserPrincipal owner = Files.getOwner(file);
        acl.setAcl(List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build()));
    }
}
