package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestRegister;

/** On Linux and macOS the register's files are the running account's alone: 0600, folders 0700. */
class OwnerOnlyFilesTest {

    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void theRegisterItsKeysBackupsAndScriptsAreCreatedForTheOwnerAlone() throws Exception {
        Path folder = temp.resolve("data");
        TestRegister register = TestRegister.create(folder);
        Path elsewhere = temp.resolve("annan disk/kopior");
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().maintenance().automaticBackup(admin.actor());
            admin.services().maintenance().backup(admin.actor(), elsewhere.resolve("kopia.zip"));
            admin.services().maintenance().script(admin.actor(), temp.resolve("skript/lotsbok-skript.bin"));
        }

        assertThat(permissions(folder)).isEqualTo("rwx------");
        assertThat(permissions(folder.resolve("backups"))).isEqualTo("rwx------");
        assertThat(permissions(elsewhere)).isEqualTo("rwx------");
        try (Stream<Path> files = Stream.of(Files.list(folder), Files.list(folder.resolve("backups")),
                Files.list(elsewhere), Files.list(temp.resolve("skript"))).flatMap(s -> s)) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSizeGreaterThanOrEqualTo(7)
                    .allSatisfy(file -> assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void theFilesOfAnOlderVersionAreMadeTheOwnersAloneWhenTheRegisterOpens() throws Exception {
        Path folder = temp.resolve("data");
        TestRegister register = TestRegister.create(folder);
        for (String name : new String[] {"lotsbok.mv.db", "lotsbok.keys", "lotsbok.loghead"}) {
            Files.setPosixFilePermissions(folder.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        register.login(TestRegister.ADMIN).close();

        assertThat(permissions(folder)).isEqualTo("rwx------");
        for (String name : new String[] {"lotsbok.mv.db", "lotsbok.keys", "lotsbok.loghead"}) {
            assertThat(permissions(folder.resolve(name))).as(name).isEqualTo("rw-------");
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
