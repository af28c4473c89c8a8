package se.lotsbok.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.user.Role;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/** A copied data folder or backup must not reveal who is in the register. */
class EncryptionAtRestTest {

    private static final String NAME = "Quintessa";
    private static final String SURNAME = "Zebrowskaja";
    private static final String PIN = Pins.twelve("20080314", "238");

    @TempDir
    Path temp;

    @Test
    void noFileInTheDataFolderNorTheBackupHoldsANameOrIdentityNumber() throws IOException {
        Path folder = TestDatabases.folder(temp);
        Path backup = temp.resolve("kopia.zip");
        TestRegister register = TestRegister.create(folder);
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            chef.services().participants().create(chef.actor(),
                    ParticipantInputs.valid().name(NAME, SURNAME).identity(PIN).comment("Träffade " + NAME).build());
            chef.services().participants().list(chef.actor());
        }
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().maintenance().backup(admin.actor(), backup);
        }

        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("lotsbok.mv.db", "lotsbok.keys", "lotsbok.keys.lock", "lotsbok.loghead");
        for (Path file : Stream.concat(files.stream(), Stream.of(backup)).toList()) {
            assertThat(containsAnyForm(Files.readAllBytes(file))).as(file.toString()).isFalse();
        }
    }

    /** The search itself works: an unencrypted H2 file with the same row does give the name away. */
    @Test
    void theSameSearchFindsTheNameInAnUnencryptedFile() throws Exception {
        Path plain = temp.resolve("plain");
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + plain.resolve("x"), "sa", "");
                var s = c.createStatement()) {
            s.execute("CREATE TABLE t (name VARCHAR(100), pin CHAR(12))");
            s.execute("INSERT INTO t VALUES ('" + NAME + " " + SURNAME + "', '" + PIN + "')");
        }
        assertThat(containsAnyForm(Files.readAllBytes(plain.resolve("x.mv.db")))).isTrue();
    }

    private static boolean containsAnyForm(byte[] content) {
        for (String needle : new String[] {NAME, SURNAME, PIN, PIN.substring(2)}) {
            for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                if (indexOf(content, needle.getBytes(charset)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
