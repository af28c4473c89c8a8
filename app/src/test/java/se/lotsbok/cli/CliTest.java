package se.lotsbok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import se.lotsbok.AppWiring;
import se.lotsbok.testing.TestRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.testing.TestDatabases;

class CliTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isEqualTo(Cli.OK);
        assertThat(out()).contains("info", "backup", "--db");
        assertThat(err()).isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageErrorInOneSwedishLine() {
        assertThat(run("rapportera", "--db", temp.toString())).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("lotsbok: okänt kommando \"rapportera\". Skriv --help för en lista över kommandon.\n");
    }

    @Test
    void anUnknownOptionIsRefusedRatherThanIgnored() {
        assertThat(run("info", "--dbb", temp.toString())).isEqualTo(Cli.USAGE);
        assertThat(err()).startsWith("lotsbok: okänt val --dbb").doesNotContain("\n\n");
    }

    @Test
    void anOptionWithoutValueIsAUsageError() {
        assertThat(run("info", "--db")).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("lotsbok: valet --db saknar värde.\n");
    }

    @Test
    void infoCreatesTheDataFolderOnFirstUse() {
        Path folder = temp.resolve("ny mapp/data");
        assertThat(run("info", "--db", folder.toString())).isEqualTo(Cli.OK);
        assertThat(folder.resolve("lotsbok.mv.db")).exists();
        assertThat(out()).contains("Schemaversion: ", "Deltagare: 0");
    }

    @Test
    void theUnitsNameIsSetByAnAdministratorAndAWrongOneIsRefusedBesideItsOption() {
        Path folder = temp.resolve("data");
        TestRegister.create(folder);
        Map<String, String> admin = Map.of("LOTSBOK_USER", TestRegister.ADMIN, "LOTSBOK_PASSWORD", TestRegister.PASSWORD);

        assertThat(runAs(admin, "settings", "--db", folder.toString(), "--unit", " Skarpnäck ")).isEqualTo(Cli.OK);
        assertThat(out()).isEqualTo("Enhetens namn är nu ”Skarpnäck”.\n");
        assertThat(runAs(admin, "settings", "--db", folder.toString(), "--unit", "x".repeat(201))).isEqualTo(Cli.FAILED);
        assertThat(err()).startsWith("lotsbok: --unit: ").endsWith("\n").doesNotContain("\n\n");
        assertThat(runAs(admin, "info", "--db", folder.toString())).isEqualTo(Cli.OK);
        assertThat(out()).containsPattern("Signeringsnyckelns fingeravtryck: ([0-9a-f]{4} ){15}[0-9a-f]{4}");
    }

    @Test
    void combineNeedsOnePeriodAndSomeFilesAndNoLogin() {
        assertThat(runAs(Map.of(), "combine", "--out", temp.resolve("x.csv").toString(), "a.json")).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("lotsbok: ange antingen --year ÅÅÅÅ (årssammanställningar) eller --month ÅÅÅÅ-MM"
                + " (månadsstatistik).\n");
        assertThat(runAs(Map.of(), "combine", "--year", "2016", "--month", "2016-10", "--out", "x.csv", "a.json"))
                .isEqualTo(Cli.USAGE);
        assertThat(runAs(Map.of(), "combine", "--year", "2016", "--out", "x.csv")).isEqualTo(Cli.USAGE);
        assertThat(runAs(Map.of(), "combine", "--year", "2016", "--format", "xlsx", "--out", "x.csv", "a.json"))
                .isEqualTo(Cli.USAGE);
        assertThat(runAs(Map.of(), "combine", "--year", "2016", "--out", temp.resolve("x.csv").toString(),
                temp.resolve("saknas.json").toString())).isEqualTo(Cli.FAILED);
        assertThat(err()).endsWith("lotsbok: saknas.json: filen kan inte läsas.\n");
        assertThat(temp.resolve("x.csv")).doesNotExist();
    }

    @Test
    void backupNeedsATarget() {
        assertThat(run("backup", "--db", temp.toString())).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("lotsbok: valet --out måste anges.\n");
    }

    @Test
    void backupWritesTheFile() {
        Path zip = temp.resolve("kopia.zip");
        assertThat(run("backup", "--db", temp.resolve("data").toString(), "--out", zip.toString())).isEqualTo(Cli.OK);
        assertThat(zip).isNotEmptyFile();
    }

    @Test
    void withoutCredentialsAndTerminalTheCommandStopsWithStatusTwo() {
        env = Map.of();
        assertThat(run("info", "--db", temp.toString())).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("lotsbok: ingen inloggning: ange användarnamn och lösenord i LOTSBOK_USER och"
                + " LOTSBOK_PASSWORD (ingen terminal att fråga i).\n");
    }

    @Test
    void verifyLogNamesARemovedRow() throws Exception {
        Path folder = temp.resolve("data");
        assertThat(run("info", "--db", folder.toString())).isEqualTo(Cli.OK);
        assertThat(run("info", "--db", folder.toString())).isEqualTo(Cli.OK);
        assertThat(run("verify-log", "--db", folder.toString())).isEqualTo(Cli.OK);
        assertThat(out()).contains("Åtkomstloggen är hel");

        byte[] key = TestRegister.at(folder).keyOf("chef");
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("lotsbok").toAbsolutePath()
                + ";CIPHER=AES", "lotsbok", java.util.HexFormat.of().formatHex(key) + " lotsbok");
                var s = c.createStatement()) {
            s.execute("DELETE FROM access_log WHERE seq = 2");
        }
        assertThat(run("verify-log", "--db", folder.toString())).isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo("lotsbok: Åtkomstloggen har ändrats: rad 2 saknas.\n");
    }

    @Test
    void backupIsForTheAdministrator() {
        Path folder = temp.resolve("data");
        assertThat(run("info", "--db", folder.toString())).isEqualTo(Cli.OK);
        try (var admin = TestRegister.at(folder).login("chef")) {
            admin.services().users().create(admin.actor(), "lotta", "Lotta", java.util.Set.of(se.lotsbok.domain.user.Role.NAVIGATOR),
                    null, TestRegister.PASSWORD.toCharArray(), TestRegister.PASSWORD.toCharArray());
        }
        env = Map.of("LOTSBOK_USER", "lotta", "LOTSBOK_PASSWORD", TestRegister.PASSWORD);
        assertThat(run("info", "--db", folder.toString())).isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo("lotsbok: lösenordet är tillfälligt: logga in i fönstret och välj ett eget först.\n");
        err.reset();
        try (var lotta = TestRegister.at(folder).login("lotta")) {
            lotta.changePassword(TestRegister.PASSWORD.toCharArray(), TestRegister.PASSWORD.toCharArray(),
                    TestRegister.PASSWORD.toCharArray());
        }
        assertThat(run("backup", "--db", folder.toString(), "--out", temp.resolve("b.zip").toString())).isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo("lotsbok: Det är administratören som gör och återställer säkerhetskopior.\n");
    }

    @Test
    void aRegisterFromANewerProgramIsRefusedInOneSwedishLineAndLeftUntouched() throws Exception {
        Path folder = temp.resolve("data");
        assertThat(run("info", "--db", folder.toString())).isEqualTo(Cli.OK);
        TestDatabases.markMadeByANewerProgram(folder, TestRegister.at(folder).keyOf("chef"));
        String before = TestDatabases.digest(folder.resolve("lotsbok.mv.db"));

        assertThat(run("info", "--db", folder.toString())).isEqualTo(Cli.FAILED);

        assertThat(err()).isEqualTo("lotsbok: Registret har skapats av en nyare version av Lotsbok (schemaversion 999)."
                + " Uppdatera programmet; filen har inte ändrats.\n");
        assertThat(TestDatabases.digest(folder.resolve("lotsbok.mv.db"))).isEqualTo(before);
    }

    @Test
    void aRegisterIsCarriedToANewFolderThroughAnEncryptedScript() throws Exception {
        Path folder = temp.resolve("data");
        Path fresh = temp.resolve("ny");
        Path script = temp.resolve("lotsbok-skript.bin");
        assertThat(run("info", "--db", folder.toString())).isEqualTo(Cli.OK);
        assertThat(run("script", "--db", folder.toString(), "--out", script.toString())).isEqualTo(Cli.OK);
        assertThat(out()).contains("Skript skrivet, krypterat med registrets nyckel: ");
        java.nio.file.Files.createDirectories(fresh);
        java.nio.file.Files.copy(folder.resolve("lotsbok.keys"), fresh.resolve("lotsbok.keys"));

        assertThat(run("restore-script", "--db", fresh.toString(), script.toString())).as(err()).isEqualTo(Cli.OK);

        assertThat(out()).contains("Registret i " + fresh.toAbsolutePath() + " är återskapat ur skriptet: schemaversion ");
        assertThat(run("restore-script", "--db", fresh.toString(), script.toString())).isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo("lotsbok: det finns redan ett register i mappen. Ett skript läses bara in i en mapp"
                + " som har nyckelfilen lotsbok.keys men inget register.\n");
    }

    @Test
    void aFailedLoginWithAnOverlongUserNameLocksNobodyOut() {
        Path folder = temp.resolve("data");
        assertThat(run("info", "--db", folder.toString())).isEqualTo(Cli.OK);
        String seventy = "a".repeat(70);
        env = Map.of("LOTSBOK_USER", seventy, "LOTSBOK_PASSWORD", "vad som helst");
        assertThat(run("info", "--db", folder.toString())).isEqualTo(Cli.FAILED);

        env = Map.of("LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD", TestRegister.PASSWORD);
        err.reset();
        assertThat(run("info", "--db", folder.toString())).as(err()).isEqualTo(Cli.OK);
        assertThat(run("info", "--db", folder.toString())).as(err()).isEqualTo(Cli.OK);
        try (var chef = TestRegister.at(folder).login("chef")) {
            assertThat(chef.services().accessLog().review(chef.actor(), se.lotsbok.domain.access.AccessLogQuery.all()))
                    .filteredOn(e -> e.event() == se.lotsbok.domain.access.AccessEvent.LOGIN_FAILED)
                    .extracting(se.lotsbok.domain.access.AccessLogEntry::username)
                    .containsExactly("a".repeat(64));
        }
    }

    @Test
    void windowArgumentsAreNotCommands() {
        assertThat(Cli.isCommand(new String[0])).isFalse();
        assertThat(Cli.isCommand(new String[] {"--db", "x"})).isFalse();
        assertThat(Cli.isCommand(new String[] {"info"})).isTrue();
        assertThat(Cli.isCommand(new String[] {"--help"})).isTrue();
    }

    private Map<String, String> env = Map.of("LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD", TestRegister.PASSWORD);

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, null, folder -> AppWiring.auth(folder, TestDatabases.CLOCK, TestRegister.FAST_KEYS),
                TestDatabases.CLOCK).run(args);
    }

    private int runAs(Map<String, String> environment, String... args) {
        env = environment;
        return run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
