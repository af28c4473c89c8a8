package se.lotsbok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.lotsbok.domain.user.Role;
import se.lotsbok.testing.JarRunner;
import se.lotsbok.testing.JarRunner.Result;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.RegisterContents;
import se.lotsbok.testing.TestRegister;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The unit head's commands run from the built jar: import of the spreadsheet, then the tallies
 * exported as CSV and JSON from what was imported, and the participant list.
 */
class CliReportsEndToEndIT {

    private static final String HEADER = "personnummer;förnamn;efternamn;kön;program;aktualiserad;källa;samtycke;"
            + "samtycke_vårdnadshavare;inskriven;lots;avslutad;avslutsorsak;ej_inskriven_orsak\n";
    private static final String GOOD = HEADER
            + Pins.dashed("20080314", "238") + ";Anna;Ek;Kvinna;Unga;2026-01-05;Polis;2026-01-20;2026-01-21;2026-02-01;Sara Lind;;;\n"
            + Pins.dashed("19990101", "100") + ";Bo;Al;man;unga vuxna;2026-02-10;skola;2026-02-12;;2026-03-01;Sara Lind;2026-10-31;flyttat;\n"
            + Pins.dashed("20100505", "422") + ";Cilla;Berg;;;2026-10-01;socialtjänst;;;;;2026-10-20;;ej motiverad\n";

    @TempDir
    Path temp;

    private Path folder;
    private JarRunner jar;

    @BeforeEach
    void register() {
        folder = temp.resolve("data");
        TestRegister register = TestRegister.create(folder);
        register.userWith("chef", Role.UNIT_HEAD).close();
        jar = new JarRunner(temp);
    }

    @Test
    void anImportedSpreadsheetIsTalliedAndExportedAsCsvAndJsonWithTheSameNumbers() throws Exception {
        Result imported = jar.run("import", "--db", folder.toString(), write("lista.csv", GOOD).toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Inläst: 3 rader, 3 nya deltagare");

        Path csv = temp.resolve("oktober.csv");
        Result report = jar.run("report", "--db", folder.toString(), "--month", "2026-10", "--format", "csv",
                "--out", csv.toString());
        assertThat(report.status()).as(report.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("\uFEFFperiod;measure;category;value");
        assertThat(lines).contains("2026-10;enrolled_at_end;total;1", "2026-10;enrolled_at_end;kvinna;1",
                "2026-10;discharges;total;1", "2026-10;discharges_by_reason;flyttat;1",
                "2026-10;referrals;total;1", "2026-10;contacted_not_enrolled;total;1",
                "2026-10;caseload_at_end;Sara Lind;1", "2026-10;waiting_at_end;total;0");

        Path json = temp.resolve("oktober.json");
        assertThat(jar.run("report", "--db", folder.toString(), "--month", "2026-10", "--format", "json",
                "--out", json.toString()).status()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(root.get("period").asString()).isEqualTo("2026-10");
        assertThat(root.get("appVersion").asString()).isNotBlank().isNotEqualTo("unknown");
        Map<String, String> fromJson = new HashMap<>();
        root.get("rows").forEach(r -> fromJson.put(r.get("measure").asString() + ";" + r.get("category").asString(),
                r.get("value").asString()));
        Map<String, String> fromCsv = new HashMap<>();
        lines.stream().skip(1).map(l -> l.split(";")).forEach(p -> fromCsv.put(p[1] + ";" + p[2], p[3]));
        assertThat(fromCsv).isEqualTo(fromJson);

        Path summary = temp.resolve("2026.csv");
        Result year = jar.run("summary", "--db", folder.toString(), "--year", "2026", "--format", "csv",
                "--separator", ",", "--out", summary.toString());
        assertThat(year.status()).as(year.err()).isZero();
        assertThat(Files.readAllLines(summary, StandardCharsets.UTF_8)).startsWith(
                "\uFEFFperiod,measure,category,value", "2026,enrolled,total,2", "2026,contacted_not_enrolled,total,1",
                "2026,total,total,3").contains("2026,outcome_occupation,total,1");
    }

    @Test
    void reImportingTheSameFileChangesNothing() throws Exception {
        Path file = write("lista.csv", GOOD);
        assertThat(jar.run("import", "--db", folder.toString(), file.toString()).status()).isZero();

        Result again = jar.run("import", "--db", folder.toString(), file.toString());

        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 nya deltagare, 0 nya uppgifter");
        assertThat(jar.run("info", "--db", folder.toString()).out()).contains("Deltagare: 3");
    }

    @Test
    void aFileWithBadRowsNamesEveryOneAndWritesNothing() throws Exception {
        String bad = HEADER
                + Pins.dashed("19990101", "100") + ";Bo;Al;;;2026-02-10;;;;;;;;\n"
                + Pins.dashed("20100505", "422") + ";Cilla;Berg;;;2026-13-01;;;;;;;;\n"
                + "12345;Dan;Ek;;;2026-01-01;;;;;;;;\n";

        Result result = jar.run("import", "--db", folder.toString(), write("fel.csv", bad).toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err().lines().toList()).containsExactly(
                "rad 3: aktualiserad: ”2026-13-01” är inget datum. Skriv ÅÅÅÅ-MM-DD.",
                "rad 4: personnummer: Skriv 10 eller 12 siffror, till exempel 19900101-1234 eller 900101-1234.",
                "lotsbok: inget inläst: 2 rader har fel (se ovan).");
        assertThat(jar.run("info", "--db", folder.toString()).out()).contains("Deltagare: 0");
    }

    /** A malformed file: what is wrong with it, in the words the command prints. */
    enum Malformed {
        WINDOWS_1252("Filen är inte sparad som UTF-8 (första tecknet som inte går att läsa står på rad 1)."),
        MISSING_COLUMN("Kolumnen ”aktualiserad” saknas; den måste finnas."),
        UNCLOSED_QUOTE("Citattecknet i början av ett fält på rad 3 avslutas aldrig, så resten av filen kan inte läsas.");

        final String message;

        Malformed(String message) {
            this.message = message;
        }

        byte[] bytes() {
            String bo = Pins.dashed("19990101", "100") + ";Bo;Öberg;;;2026-02-10;;;;;;;;\n";
            String cilla = Pins.dashed("20100505", "422") + ";\"Cilla;Berg;;;2026-03-01;;;;;;;;\n";
            return switch (this) {
                case WINDOWS_1252 -> (HEADER + bo).getBytes(java.nio.charset.Charset.forName("windows-1252"));
                case MISSING_COLUMN -> "personnummer;förnamn;efternamn\n19990101-1000;Bo;Öberg\n"
                        .getBytes(StandardCharsets.UTF_8);
                case UNCLOSED_QUOTE -> (HEADER + bo + cilla + bo.replace("Bo;", "Bosse;")).getBytes(StandardCharsets.UTF_8);
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Malformed.class)
    void aMalformedFileIsRefusedWithAClearMessageAndNothingIsWritten(Malformed file) throws Exception {
        Map<String, List<List<Object>>> before = RegisterContents.of(folder, TestRegister.at(folder).keyOf("chef"));
        Path path = temp.resolve("fel.csv");
        Files.write(path, file.bytes());

        Result result = jar.run("import", "--db", folder.toString(), path.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err().lines().toList()).hasSize(2);
        assertThat(result.err().lines().findFirst().orElseThrow()).startsWith("lotsbok: " + file.message);
        assertThat(result.err().lines().toList().getLast()).isEqualTo("lotsbok: inget inläst: filen kan inte läsas in (se ovan).");
        assertThat(RegisterContents.of(folder, TestRegister.at(folder).keyOf("chef"))).isEqualTo(before);
    }

    @Test
    void aWrongMonthOrFormatIsAUsageError() throws Exception {
        Result month = jar.run("report", "--db", folder.toString(), "--month", "2026-13", "--format", "csv",
                "--out", temp.resolve("x.csv").toString());
        assertThat(month.status()).isEqualTo(2);
        assertThat(month.err().strip()).isEqualTo("lotsbok: --month ska vara år och månad som ÅÅÅÅ-MM, inte \"2026-13\".");
        Result format = jar.run("report", "--db", folder.toString(), "--month", "2026-10", "--format", "xlsx",
                "--out", temp.resolve("x.csv").toString());
        assertThat(format.status()).isEqualTo(2);
        assertThat(temp.resolve("x.csv")).doesNotExist();
    }

    @Test
    void theParticipantListIsWrittenWithAWarningAboutPersonalData() throws Exception {
        assertThat(jar.run("import", "--db", folder.toString(), write("lista.csv", GOOD).toString()).status()).isZero();
        Path list = temp.resolve("deltagare.csv");

        Result result = jar.run("participants", "--db", folder.toString(), "--out", list.toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.err()).contains("personuppgifter");
        assertThat(Files.readString(list, StandardCharsets.UTF_8)).contains("Anna;Ek", "Bo;Al", "Cilla;Berg");
    }

    private Path write(String name, String content) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
