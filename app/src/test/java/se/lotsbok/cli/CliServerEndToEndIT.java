package se.lotsbok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.testing.JarRunner;
import se.lotsbok.testing.JarRunner.Result;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.testing.TestServer;

/**
 * The built jar on an office server: {@code server-init} as PostgreSQL's tools log in, then the same
 * commands with {@code --db postgresql://…} and {@code LOTSBOK_USER}/{@code LOTSBOK_PASSWORD}, with
 * the same exit statuses, messages and numbers as on a data folder; and {@code move-to-server}.
 */
class CliServerEndToEndIT {

    private static final String LIST = "personnummer;förnamn;efternamn;kön;program;aktualiserad;källa;samtycke;"
            + "samtycke_vårdnadshavare;inskriven;lots;avslutad;avslutsorsak;ej_inskriven_orsak\n"
            + Pins.dashed("20080314", "238") + ";Anna;Ek;Kvinna;Unga;2026-01-05;Polis;2026-01-20;2026-01-21;2026-02-01;Sara Lind;;;\n"
            + Pins.dashed("19990101", "100") + ";Bo;Al;man;unga vuxna;2026-02-10;skola;2026-02-12;;2026-03-01;Sara Lind;2026-10-31;flyttat;\n"
            + Pins.dashed("20100505", "422") + ";Cilla;Berg;;;2026-10-01;socialtjänst;;;;;2026-10-20;;ej motiverad\n";
    private static final Map<String, String> CHEF = Map.of("LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD", TestRegister.PASSWORD);

    @TempDir
    Path temp;

    private JarRunner jar;
    private ServerAddress server;

    @BeforeEach
    void emptyDatabase() {
        jar = new JarRunner(temp);
        server = TestServer.newDatabase();
    }

    @Test
    void serverInitSetsUpTheRegisterAndCommandsWorkAsOnAFolderWithTheSameNumbers() throws Exception {
        Result init = init(server);
        assertThat(init.status()).as(init.err()).isZero();
        assertThat(init.out()).contains("är klart", "chef");
        assertThat(init.err()).isEmpty();

        Result again = init(server);
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err().lines().toList()).singleElement().asString().contains("har redan ett register");

        Result info = jar.runWith(CHEF, "info", "--db", server.toString());
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("Server: " + server, "Deltagare: 0");
        assertThat(info.err()).isEmpty();

        Path list = Files.writeString(temp.resolve("lista.csv"), LIST, StandardCharsets.UTF_8);
        assertThat(jar.runWith(CHEF, "import", "--db", server.toString(), list.toString()).status()).isZero();
        Path onServer = temp.resolve("server.csv");
        assertThat(jar.runWith(CHEF, "report", "--db", server.toString(), "--month", "2026-10", "--format", "csv",
                "--out", onServer.toString()).status()).isZero();

        Path folder = temp.resolve("data");
        assertThat(jar.runWith(CHEF, "import", "--db", folder.toString(), list.toString()).status()).isZero();
        Path inFolder = temp.resolve("folder.csv");
        assertThat(jar.runWith(CHEF, "report", "--db", folder.toString(), "--month", "2026-10", "--format", "csv",
                "--out", inFolder.toString()).status()).isZero();
        assertThat(Files.readAllLines(onServer, StandardCharsets.UTF_8))
                .contains("2026-10;enrolled_at_end;total;1", "2026-10;caseload_at_end;Sara Lind;1")
                .isEqualTo(Files.readAllLines(inFolder, StandardCharsets.UTF_8));

        // Each names its unit, exports its year signed (the server with the key it keeps), and the
        // city adds the two up, trusting the fingerprints info showed.
        assertThat(jar.runWith(CHEF, "settings", "--db", server.toString(), "--unit", "Norr").out()).contains("Norr");
        assertThat(jar.runWith(CHEF, "settings", "--db", folder.toString(), "--unit", "Söder").status()).isZero();
        List<String> fingerprints = new ArrayList<>();
        for (String db : List.of(server.toString(), folder.toString())) {
            Path export = temp.resolve((db.equals(folder.toString()) ? "soder" : "norr") + "-2026.json");
            Result summary = jar.runWith(CHEF, "summary", "--db", db, "--year", "2026", "--format", "json",
                    "--out", export.toString());
            assertThat(summary.status()).as(summary.err()).isZero();
            fingerprints.add(jar.runWith(CHEF, "info", "--db", db).out().lines()
                    .filter(l -> l.startsWith("Signeringsnyckelns fingeravtryck: ")).findFirst().orElseThrow()
                    .substring("Signeringsnyckelns fingeravtryck: ".length()));
        }
        assertThat(fingerprints).doesNotHaveDuplicates();
        Path trusted = Files.writeString(temp.resolve("betrodda.txt"), String.join("\n", fingerprints) + "\n",
                StandardCharsets.UTF_8);
        Path city = temp.resolve("stad.csv");
        Result combined = jar.runWith(Map.of(), "combine", "--year", "2026", "--trust", trusted.toString(),
                "--out", city.toString(), temp.resolve("norr-2026.json").toString(),
                temp.resolve("soder-2026.json").toString());
        assertThat(combined.status()).as(combined.err()).isZero();
        assertThat(combined.out()).contains("2 enheter, alla signerade");
        assertThat(Files.readString(city, StandardCharsets.UTF_8)).contains("Norr;", "Söder;");

        Result verified = jar.runWith(CHEF, "verify-log", "--db", server.toString());
        assertThat(verified.status()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("hel");
    }

    @Test
    void refusalsHaveTheSameStatusesAndOneSwedishLine() throws Exception {
        assertThat(init(server).status()).isZero();

        Result wrong = jar.runWith(Map.of("LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD", "inte rätt lösenord"),
                "info", "--db", server.toString());
        Path folder = temp.resolve("data");
        jar.runWith(CHEF, "info", "--db", folder.toString());
        Result wrongOnFolder = jar.runWith(Map.of("LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD", "inte rätt lösenord"),
                "info", "--db", folder.toString());
        assertThat(wrong.status()).isEqualTo(1).isEqualTo(wrongOnFolder.status());
        assertThat(wrong.err()).isEqualTo(wrongOnFolder.err());

        Result noLogin = jar.runWith(Map.of(), "info", "--db", server.toString());
        assertThat(noLogin.status()).isEqualTo(2);

        Result backup = jar.runWith(CHEF, "backup", "--db", server.toString(), "--out", temp.resolve("x.zip").toString());
        assertThat(backup.status()).isEqualTo(1);
        assertThat(backup.err().lines().toList()).singleElement().asString().contains("pg_dump");

        Result badAddress = jar.runWith(CHEF, "info", "--db", "postgresql://värd");
        assertThat(badAddress.status()).isEqualTo(2);

        Result upToDate = jar.runWith(Map.of("PGUSER", TestServer.INSTALLER), "server-upgrade", "--db", server.toString());
        assertThat(upToDate.status()).as(upToDate.err()).isZero();
        assertThat(upToDate.out()).contains("0 nya migreringar");

        try (var c = TestServer.installer(server); var s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (99, '999', 'future', 'SQL', 'V999__future.sql', 0,"
                    + " 'lotsbok', 1, TRUE)");
        }
        Result tooNew = jar.runWith(CHEF, "info", "--db", server.toString());
        assertThat(tooNew.status()).isEqualTo(1);
        assertThat(tooNew.err().lines().toList()).singleElement().asString().contains("nyare version", "999");
    }

    @Test
    void moveToServerCopiesAFoldersRegisterAndLeavesTheFolder() throws Exception {
        Path folder = temp.resolve("data");
        Path list = Files.writeString(temp.resolve("lista.csv"), LIST, StandardCharsets.UTF_8);
        assertThat(jar.runWith(CHEF, "import", "--db", folder.toString(), list.toString()).status()).isZero();
        assertThat(init(server).status()).isZero();

        Result moved = jar.runWith(Map.of("LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD", TestRegister.PASSWORD,
                "PGUSER", TestServer.INSTALLER), "move-to-server", "--db", folder.toString(), "--to", server.toString());
        assertThat(moved.status()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("3 deltagare");

        Result info = jar.runWith(CHEF, "info", "--db", server.toString());
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("Deltagare: 3");
        assertThat(jar.runWith(CHEF, "verify-log", "--db", server.toString()).status()).isZero();
    }

    private Result init(ServerAddress address) throws Exception {
        return jar.runWith(Map.of("PGUSER", TestServer.INSTALLER, "LOTSBOK_PASSWORD", TestRegister.PASSWORD),
                "server-init", "--db", address.toString(), "--admin", "chef");
    }
}
