package se.lotsbok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.backup.BackupSchedule;
import se.lotsbok.testing.JarRunner;
import se.lotsbok.testing.JarRunner.Result;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestRegister;

/** Backup and restore from the built jar, as an administrator's script would run them. */
class CliBackupEndToEndIT {

    private static final Map<String, String> ADMIN = Map.of("LOTSBOK_USER", TestRegister.ADMIN,
            "LOTSBOK_PASSWORD", TestRegister.PASSWORD);
    private static final String HEADER = "personnummer;förnamn;efternamn;aktualiserad\n";

    @TempDir
    Path temp;

    private Path folder;
    private JarRunner jar;

    @BeforeEach
    void register() {
        folder = temp.resolve("data");
        TestRegister.create(folder);
        jar = new JarRunner(temp);
    }

    @Test
    void aRestoredBackupBringsBackTheRegisterAndKeepsTheOneItReplaced() throws Exception {
        assertThat(importing("före.csv", Pins.dashed("20080314", "238") + ";Åsa;Före;2026-01-05\n").status()).isZero();
        Path backup = temp.resolve("kopia.zip");
        Result backedUp = jar.runWith(ADMIN, "backup", "--db", folder.toString(), "--out", backup.toString());
        assertThat(backedUp.status()).as(backedUp.err()).isZero();
        assertThat(importing("efter.csv", Pins.dashed("20090101", "100") + ";Bo;Efter;2026-02-05\n").status()).isZero();
        assertThat(participants()).isEqualTo(2);

        Result restored = jar.runWith(ADMIN, "restore", "--db", folder.toString(), backup.toString());

        assertThat(restored.status()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Registret är återställt", "1 deltagare");
        assertThat(participants()).isEqualTo(1);
        try (Stream<Path> kept = Files.list(folder.resolve("backups"))) {
            assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains(BackupSchedule.BEFORE_RESTORE));
        }
        Result log = jar.runWith(ADMIN, "verify-log", "--db", folder.toString());
        assertThat(log.status()).as(log.err()).isZero();
    }

    @Test
    void aFileThatIsNoBackupIsRefusedInOneSwedishLineAndChangesNothing() throws Exception {
        assertThat(importing("före.csv", Pins.dashed("20080314", "238") + ";Åsa;Före;2026-01-05\n").status()).isZero();
        Path notABackup = Files.writeString(temp.resolve("lista.csv"), "personnummer;förnamn\n", StandardCharsets.UTF_8);

        Result refused = jar.runWith(ADMIN, "restore", "--db", folder.toString(), notABackup.toString());

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo(
                "lotsbok: Filen är ingen säkerhetskopia av Lotsbok, eller så är den skadad. Inget har ändrats.");
        assertThat(participants()).isEqualTo(1);
    }

    @Test
    void aRestoreNeedsAnAdministratorAndAFile() throws Exception {
        Result noFile = jar.runWith(ADMIN, "restore", "--db", folder.toString());
        assertThat(noFile.status()).isEqualTo(2);

        TestRegister.at(folder).userWith("lots", se.lotsbok.domain.user.Role.NAVIGATOR).close();
        Result lots = jar.runWith(Map.of("LOTSBOK_USER", "lots", "LOTSBOK_PASSWORD", TestRegister.PASSWORD),
                "restore", "--db", folder.toString(), temp.resolve("x.zip").toString());
        assertThat(lots.status()).isEqualTo(1);
        assertThat(lots.err()).contains("administratören");
    }

    private Result importing(String name, String rows) throws Exception {
        Path file = Files.writeString(temp.resolve(name), HEADER + rows, StandardCharsets.UTF_8);
        return jar.runWith(ADMIN, "import", "--db", folder.toString(), file.toString());
    }

    private int participants() throws Exception {
        Result info = jar.runWith(ADMIN, "info", "--db", folder.toString());
        assertThat(info.status()).as(info.err()).isZero();
        String line = info.out().lines().filter(l -> l.startsWith("Deltagare:")).findFirst().orElseThrow();
        return Integer.parseInt(line.replaceAll("\\D", ""));
    }
}
