package se.lotsbok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.testing.JarRunner;
import se.lotsbok.testing.JarRunner.Result;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestRegister;

/**
 * The city's compilation from the built jar, as it happens: five districts, each with its own
 * register made by importing its spreadsheet and named with {@code settings --unit}, export their
 * 2016 summaries; {@code combine}, with no register and no login, gives the committee's table
 * exactly, and refuses a changed file, a unit twice, another year and a file that is no export.
 */
class CliCombineEndToEndIT {

    private static final String HEADER = "personnummer;förnamn;efternamn;kön;program;aktualiserad;källa;samtycke;"
            + "samtycke_vårdnadshavare;inskriven;lots;avslutad;avslutsorsak;ej_inskriven_orsak\n";
    /** The yearly report for 2016 that the city compiled: inskrivna, berörda. */
    private static final Map<String, int[]> DISTRICTS = new LinkedHashMap<>();

    static {
        DISTRICTS.put("Skarpnäck", new int[] {29, 47});
        DISTRICTS.put("Farsta", new int[] {16, 12});
        DISTRICTS.put("Spånga-Tensta/Rinkeby-Kista", new int[] {63, 38});
        DISTRICTS.put("Enskede-Årsta-Vantör", new int[] {20, 5});
        DISTRICTS.put("Hässelby-Vällingby", new int[] {10, 7});
    }

    @TempDir
    static Path temp;

    private static JarRunner jar;
    private static final List<Path> exports = new ArrayList<>();
    private static final List<String> fingerprints = new ArrayList<>();

    @BeforeAll
    static void fiveDistrictsExportTheirYear() throws Exception {
        jar = new JarRunner(temp);
        int district = 0;
        for (Map.Entry<String, int[]> entry : DISTRICTS.entrySet()) {
            // Made here rather than by the first command for a faster login (fewer key iterations); the
            // first administrator holds every role of the unit.
            Path folder = TestRegister.create(temp.resolve("register" + district)).folder();
            ok(admin("settings", "--db", folder.toString(), "--unit", entry.getKey()));
            Path sheet = Files.writeString(temp.resolve("kalkylark" + district + ".csv"),
                    spreadsheet(entry.getValue()[0], entry.getValue()[1]), StandardCharsets.UTF_8);
            ok(admin("import", "--db", folder.toString(), sheet.toString()));
            Path export = temp.resolve("sig" + district + "-2016.json");
            ok(admin("summary", "--db", folder.toString(), "--year", "2016", "--format", "json", "--out", export.toString()));
            exports.add(export);
            Result info = ok(admin("info", "--db", folder.toString()));
            fingerprints.add(info.out().lines().filter(l -> l.startsWith("Signeringsnyckelns fingeravtryck: "))
                    .findFirst().orElseThrow().substring("Signeringsnyckelns fingeravtryck: ".length()));
            district++;
        }
    }

    @Test
    void theCompilationIsTheCommitteesTableWithoutARegisterOrALogin() throws Exception {
        Path out = temp.resolve("stad.csv");

        Result result = combine("--year", "2016", "--out", out.toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("5 enheter, alla signerade");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "unit;enrolled;contacted_not_enrolled;total\r\n"
                + "Enskede-Årsta-Vantör;20;5;25\r\n"
                + "Farsta;16;12;28\r\n"
                + "Hässelby-Vällingby;10;7;17\r\n"
                + "Skarpnäck;29;47;76\r\n"
                + "Spånga-Tensta/Rinkeby-Kista;63;38;101\r\n"
                + "Totalt;138;109;247\r\n");
    }

    @Test
    void withTheFingerprintsThatInfoShowedAsTrustListOnlyThoseRegistersAreAccepted() throws Exception {
        Path trusted = Files.writeString(temp.resolve("betrodda.txt"), "# Noterade från info\n"
                + String.join("\n", fingerprints) + "\n", StandardCharsets.UTF_8);
        Path pdf = temp.resolve("stad.pdf");
        assertThat(combine("--year", "2016", "--format", "pdf", "--trust", trusted.toString(), "--out", pdf.toString())
                .status()).isZero();
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));

        Path four = Files.writeString(temp.resolve("fyra.txt"), String.join("\n", fingerprints.subList(1, 5)),
                StandardCharsets.UTF_8);
        Path out = temp.resolve("ej.csv");
        Result refused = combine("--year", "2016", "--trust", four.toString(), "--out", out.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err().strip()).startsWith("lotsbok: sig0-2016.json: är signerad med en nyckel som inte finns");
        assertThat(out).doesNotExist();
    }

    @Test
    void aChangedDigitIsRefusedNamingTheFileAndNothingIsWritten() throws Exception {
        Path changed = temp.resolve("andrad.json");
        Files.writeString(changed, Files.readString(exports.get(1)).replace("\"value\" : 16", "\"value\" : 18"));
        Path out = temp.resolve("andrad.csv");

        Result result = jar.runWith(Map.of(), "combine", "--year", "2016", "--out", out.toString(),
                exports.get(0).toString(), changed.toString(), exports.get(2).toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("lotsbok: andrad.json: talen eller enhetens namn har ändrats efter att filen"
                + " signerades. Be enheten om en ny export." + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void aUnitTwiceAnotherYearOrAFileThatIsNoExportIsRefused() throws Exception {
        Path copy = Files.copy(exports.get(3), temp.resolve("kopia.json"));
        Path y2015 = temp.resolve("farsta-2015.json");
        ok(admin("summary", "--db", temp.resolve("register1").toString(), "--year", "2015", "--format", "json",
                "--out", y2015.toString()));
        Path out = temp.resolve("blandad.csv");

        Result twice = jar.runWith(Map.of(), "combine", "--year", "2016", "--out", out.toString(),
                exports.get(3).toString(), copy.toString());
        Result mixed = jar.runWith(Map.of(), "combine", "--year", "2016", "--out", out.toString(),
                exports.get(0).toString(), y2015.toString());
        Result sheet = jar.runWith(Map.of(), "combine", "--year", "2016", "--out", out.toString(),
                exports.get(0).toString(), temp.resolve("kalkylark0.csv").toString());

        assertThat(twice.status()).isEqualTo(1);
        assertThat(twice.err().strip()).isEqualTo("lotsbok: kopia.json: enheten ”Enskede-Årsta-Vantör” finns redan i sig3-2016.json.");
        assertThat(mixed.status()).isEqualTo(1);
        assertThat(mixed.err().strip()).isEqualTo("lotsbok: farsta-2015.json: gäller 2015, men sammanställningen gäller 2016.");
        assertThat(sheet.status()).isEqualTo(1);
        assertThat(sheet.err().strip()).isEqualTo("lotsbok: kalkylark0.csv: är ingen export från Lotsbok"
                + " (månadsstatistik eller årssammanställning i JSON).");
        assertThat(out).doesNotExist();
    }

    private static Result combine(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("combine"));
        args.addAll(List.of(options));
        exports.forEach(e -> args.add(e.toString()));
        return jar.runWith(Map.of(), args.toArray(String[]::new));
    }

    private static Result admin(String... args) throws Exception {
        return jar.runWith(Map.of("LOTSBOK_USER", TestRegister.ADMIN, "LOTSBOK_PASSWORD", TestRegister.PASSWORD), args);
    }

    private static Result ok(Result result) {
        assertThat(result.status()).as(result.err()).isZero();
        return result;
    }

    /**
     * A district's spreadsheet: {@code enrolled} people enrolled in 2016 (some since 2015, some
     * discharged during 2016), {@code contacted} whose cases closed without enrollment in 2016, and
     * people whose cases lie wholly in 2015 or 2017, who must not count.
     */
    private static String spreadsheet(int enrolled, int contacted) {
        StringBuilder sheet = new StringBuilder(HEADER);
        int serial = 100;
        for (int i = 0; i < enrolled; i++) {
            String pin = Pins.dashed("19950101", Integer.toString(serial++));
            switch (i % 3) {
                case 0 -> sheet.append(pin).append(";Inskriven;Nr").append(i)
                        .append(";man;unga vuxna;2016-01-10;polis;2016-01-15;;2016-02-01;Sara Lind;;;\n");
                case 1 -> sheet.append(pin).append(";Inskriven;Nr").append(i)
                        .append(";kvinna;unga vuxna;2015-09-01;skola;2015-09-10;;2015-10-01;Sara Lind;2016-05-31;planerat avslut;\n");
                default -> sheet.append(pin).append(";Inskriven;Nr").append(i)
                        .append(";man;unga vuxna;2016-11-01;socialtjänst;2016-11-02;;2016-12-31;Omar Ali;;;\n");
            }
        }
        for (int i = 0; i < contacted; i++) {
            sheet.append(Pins.dashed("19960202", Integer.toString(serial++))).append(";Berörd;Nr").append(i)
                    .append(";;;2016-03-01;skola;;;;;2016-04-").append(String.format("%02d", 1 + i % 28))
                    .append(";;ej motiverad\n");
        }
        sheet.append(Pins.dashed("19970303", Integer.toString(serial++)))
                .append(";Tidigare;Avslutad;;;2015-02-01;polis;;;;;2015-03-01;;flyttat\n");
        sheet.append(Pins.dashed("19970303", Integer.toString(serial)))
                .append(";Senare;Inskriven;;;2017-01-05;polis;2017-01-06;;2017-01-09;Sara Lind;;;\n");
        return sheet.toString();
    }
}
