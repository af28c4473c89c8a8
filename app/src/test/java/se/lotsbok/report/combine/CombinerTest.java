package se.lotsbok.report.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.ExportOptions;
import se.lotsbok.report.TallyHeader;
import se.lotsbok.testing.SigningKeys;
import se.lotsbok.testing.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Adding up units' files: the table, and every file that must be refused, named. */
class CombinerTest {

    private static final Combiner.Rules YEAR_2016 = new Combiner.Rules(Optional.of(TallyHeader.Kind.YEAR),
            Optional.of("2016"), false, Optional.empty());

    @TempDir
    Path temp;

    private TallyFiles files;

    @BeforeEach
    void folder() {
        files = new TallyFiles(temp);
    }

    @Test
    void theUnitsAreAddedUpInSwedishOrderWithATotalRow() {
        List<Path> given = List.of(files.year("o.json", "Östermalm", "2016", 3, 4),
                files.year("a.json", "Älvsjö", "2016", 10, 1), files.year("b.json", "Bromma", "2016", 7, 0),
                files.year("z.json", "Zinkensdamm", "2016", 1, 2));

        String csv = csv(Combiner.inspect(given, YEAR_2016).compilation().orElseThrow(), 0);

        assertThat(csv).isEqualTo("\uFEFFunit;enrolled;contacted_not_enrolled;total\r\n"
                + "Bromma;7;0;7\r\n"
                + "Zinkensdamm;1;2;3\r\n"
                + "Älvsjö;10;1;11\r\n"
                + "Östermalm;3;4;7\r\n"
                + "Totalt;21;7;28\r\n");
    }

    @Test
    void outcomeCountsAddUpDaysPercentilesDoNotAndTheOrderMustBeTheSame() {
        Path farsta = outcomes("farsta.json", "Farsta", 3, 40, 1);
        Path skarpnack = outcomes("skarpnack.json", "Skarpnäck", 5, 300, 1);
        Path otherOrder = outcomes("bromma.json", "Bromma", 2, 90, 2);

        Compilation both = Combiner.inspect(List.of(farsta, skarpnack), YEAR_2016).compilation().orElseThrow();

        assertThat(both.total(new Compilation.Column("outcome_occupation", "improved"))).contains(8L);
        assertThat(both.total(new Compilation.Column("enrollment_days", "total"))).contains(8L);
        assertThat(both.total(new Compilation.Column("enrollment_days", "median"))).as("no sum of medians").isEmpty();
        assertThat(both.total(new Compilation.Column("outcome_order_occupation", "work"))).contains(1L);
        assertThat(both.columns()).as("the committee's table").extracting(Compilation.Column::code)
                .containsExactly("enrolled", "contacted_not_enrolled", "total");
        assertThat(both.screenColumns()).as("the screen adds the outcomes the files carry")
                .extracting(Compilation.Column::code)
                .containsExactly("enrolled", "contacted_not_enrolled", "total", "outcome_occupation.improved");
        assertThat(problem(List.of(farsta, otherOrder), YEAR_2016)).isEqualTo("bromma.json: räknar utfall med en annan"
                + " ordning för bättre och sämre än farsta.json. Enheterna behöver samma ordning (Inställningar) för att"
                + " utfallen ska kunna läggas ihop.");
    }

    /** A yearly summary with outcome rows: {@code improved} discharges, a median stay and the rank of work. */
    private Path outcomes(String file, String unit, long improved, long medianDays, long workRank) {
        List<se.lotsbok.domain.report.TallyRow> rows = new java.util.ArrayList<>(TallyFiles.yearly("2016", 10, 2).rows());
        rows.addAll(TallyFiles.rows("outcome_occupation", "total", improved, "outcome_occupation", "improved", improved,
                "enrollment_days", "total", improved, "enrollment_days", "median", medianDays,
                "outcome_order_occupation", "work", workRank));
        return files.write(file, unit, TallyHeader.Kind.YEAR, new Tally("2016", rows), SigningKeys.newKey(),
                ExportOptions.DEFAULTS);
    }

    @Test
    void aFileChangedAfterSigningIsRefusedByName() {
        Path farsta = files.year("farsta.json", "Farsta", "2016", 16, 12);
        Path skarpnack = files.year("skarpnack.json", "Skarpnäck", "2016", 29, 47);
        files.edit(skarpnack, "\"value\" : 29", "\"value\" : 30");

        assertThat(problem(List.of(farsta, skarpnack), YEAR_2016)).isEqualTo(
                "skarpnack.json: talen eller enhetens namn har ändrats efter att filen signerades. Be enheten om en ny export.");
        files.edit(files.year("farsta2.json", "Farsta", "2016", 16, 12), "Farsta", "Hässelby");
        assertThat(problem(List.of(temp.resolve("farsta2.json")), YEAR_2016)).startsWith("farsta2.json: talen eller enhetens namn");
    }

    @Test
    void twoFilesOfOneUnitAreRefusedWhetherByNameOrByKey() {
        Path first = files.year("farsta.json", "Farsta", "2016", 16, 12);
        Path again = files.year("farsta-igen.json", "farsta ", "2016", 16, 12);
        assertThat(problem(List.of(first, again), YEAR_2016))
                .isEqualTo("farsta-igen.json: enheten ”farsta” finns redan i farsta.json.");

        SigningKey key = SigningKeys.newKey();
        Path before = files.write("fore.json", "SIG Söder", TallyHeader.Kind.YEAR, TallyFiles.yearly("2016", 1, 1), key,
                ExportOptions.DEFAULTS);
        Path renamed = files.write("efter.json", "SIG Söderort", TallyHeader.Kind.YEAR, TallyFiles.yearly("2016", 1, 1),
                key, ExportOptions.DEFAULTS);
        assertThat(problem(List.of(before, renamed), YEAR_2016))
                .isEqualTo("efter.json: kommer från samma register som fore.json (samma signeringsnyckel).");
    }

    @Test
    void filesOfAnotherPeriodOrKindAreRefused() {
        Path y2016 = files.year("a.json", "Farsta", "2016", 1, 1);
        Path y2015 = files.year("b.json", "Skarpnäck", "2015", 1, 1);
        Path month = files.write("c.json", "Bromma", TallyHeader.Kind.MONTH,
                new Tally("2016-10", TallyFiles.rows("enrolled_at_end", "total", 3)), SigningKeys.newKey(),
                ExportOptions.DEFAULTS);

        assertThat(problem(List.of(y2016, y2015), YEAR_2016)).isEqualTo("b.json: gäller 2015, men sammanställningen gäller 2016.");
        assertThat(problem(List.of(y2016, y2015), Combiner.Rules.any()))
                .as("without a period given, the first file's decides").startsWith("b.json: gäller 2015");
        assertThat(problem(List.of(y2016, month), Combiner.Rules.any())).startsWith("c.json: är en annan sorts fil");
    }

    @Test
    void aFileThatIsNoLotsbokExportIsRefused() throws Exception {
        Path csv = files.bytes("lotsbok-2016.csv", "\uFEFFperiod;measure;category;value\r\n2016;enrolled;total;3\r\n"
                .getBytes(StandardCharsets.UTF_8));
        Path other = files.bytes("annat.json", "{\"format\":\"something/1\",\"rows\":[]}".getBytes(StandardCharsets.UTF_8));
        Path empty = files.bytes("tom.json", new byte[0]);
        Path duplicated = files.bytes("dubbel.json", Files.readString(files.year("x.json", "Farsta", "2016", 1, 1))
                .replaceFirst("\"unit\"", "\"unit\" : \"Bromma\", \"unit\"").getBytes(StandardCharsets.UTF_8));

        for (Path file : List.of(csv, other, empty, duplicated)) {
            assertThat(problem(List.of(file), YEAR_2016)).isEqualTo(file.getFileName()
                    + ": är ingen export från Lotsbok (månadsstatistik eller årssammanställning i JSON).");
        }
        assertThat(problem(List.of(temp.resolve("finns-inte.json")), YEAR_2016)).isEqualTo("finns-inte.json: filen kan inte läsas.");
    }

    @Test
    void anUnsignedFileIsTakenOnlyWhenAllowedAndIsThenMarked() throws Exception {
        Path signed = files.year("farsta.json", "Farsta", "2016", 16, 12);
        Path old = files.year("gammal.json", "Skarpnäck", "2016", 29, 47);
        JsonMapper json = JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode root = (tools.jackson.databind.node.ObjectNode) json.readTree(old.toFile());
        root.remove("signature");
        root.put("format", "lotsbok-tally/1");
        Files.write(old, json.writeValueAsBytes(root));

        assertThat(problem(List.of(signed, old), YEAR_2016)).startsWith("gammal.json: är inte signerad");

        Compilation allowed = Combiner.inspect(List.of(signed, old), new Combiner.Rules(Optional.of(TallyHeader.Kind.YEAR),
                Optional.of("2016"), true, Optional.empty())).compilation().orElseThrow();
        assertThat(allowed.allSigned()).isFalse();
        assertThat(csv(allowed, 0)).contains("Skarpnäck (osignerad);29;47;76\r\n", "Farsta;16;12;28\r\n", "Totalt;45;59;104");
        JsonNode written = json.readTree(write(allowed, CompilationFormat.JSON, 0));
        assertThat(written.get("units").get(1).get("signed").asBoolean()).isFalse();
        assertThat(written.get("units").get(1).has("fingerprint")).isFalse();
    }

    @Test
    void withATrustListAKeyNotInItIsRefused() {
        SigningKey farstaKey = SigningKeys.newKey();
        Path farsta = files.write("farsta.json", "Farsta", TallyHeader.Kind.YEAR, TallyFiles.yearly("2016", 1, 1), farstaKey,
                ExportOptions.DEFAULTS);
        Path stranger = files.year("okand.json", "Okänd", "2016", 1, 1);
        Set<String> trusted = TrustList.parse("betrodda.txt", "# Farsta\n" + SigningKey.grouped(farstaKey.fingerprint())
                + "  # Farsta SIG\n\n");
        Combiner.Rules rules = new Combiner.Rules(Optional.of(TallyHeader.Kind.YEAR), Optional.of("2016"), false,
                Optional.of(trusted));

        assertThat(Combiner.inspect(List.of(farsta), rules).compilation()).isPresent();
        assertThat(problem(List.of(farsta, stranger), rules)).startsWith("okand.json: är signerad med en nyckel som inte finns bland de betrodda");
        assertThat(Messages.text(Texts.swedish(), catchRefusal(() -> TrustList.parse("betrodda.txt", "abc\n"))))
                .isEqualTo("betrodda.txt, rad 1: är inget fingeravtryck (64 hexadecimala tecken; det som står efter # är en kommentar).");
    }

    @Test
    void aFileWithHiddenSmallCountsCannotBeAddedUp() {
        Path hidden = files.write("dold.json", "Farsta", TallyHeader.Kind.YEAR, TallyFiles.yearly("2016", 2, 9),
                SigningKeys.newKey(), new ExportOptions(';', 2));

        assertThat(problem(List.of(hidden), YEAR_2016)).startsWith("dold.json: har dolda små tal");
    }

    @Test
    void monthsShowTheHeadlineMeasuresAndAddUpEveryFigureAsItsMeasureAdds() {
        Tally farsta = new Tally("2016-10", TallyFiles.rows("enrolled_at_end", "total", 5, "enrolled_at_end", "kvinna", 2,
                "waiting_longest_days", "total", 40, "caseload_at_end", "total", 5, "caseload_at_end", "Sara Lind", 5,
                "outcome_housing_at_discharge", "egen", 1));
        Tally bromma = new Tally("2016-10", TallyFiles.rows("enrolled_at_end", "total", 7, "enrolled_at_end", "kvinna", 1,
                "waiting_longest_days", "total", 12, "caseload_at_end", "total", 7, "caseload_at_end", "Sara Lind", 7,
                "outcome_housing_at_discharge", "egen", 3));
        Path a = files.write("a.json", "Farsta", TallyHeader.Kind.MONTH, farsta, SigningKeys.newKey(), ExportOptions.DEFAULTS);
        Path b = files.write("b.json", "Bromma", TallyHeader.Kind.MONTH, bromma, SigningKeys.newKey(), ExportOptions.DEFAULTS);

        Compilation compilation = Combiner.inspect(List.of(a, b), Combiner.Rules.any()).compilation().orElseThrow();

        assertThat(compilation.total()).extracting(r -> r.measure() + "/" + r.category() + "=" + r.value()).containsExactly(
                "enrolled_at_end/total=12", "enrolled_at_end/kvinna=3", "waiting_longest_days/total=40",
                "caseload_at_end/total=12", "outcome_housing_at_discharge/egen=4");
        assertThat(csv(compilation, 0).lines().findFirst().orElseThrow()).isEqualTo("\uFEFFunit;enrolled_at_end;"
                + "enrolled_during;new_enrollments;discharges;referrals;contacted_not_enrolled;waiting_at_end");
        assertThat(csv(compilation, 0)).contains("Bromma;7;;;;;;\r\n", "Totalt;12;;;;;;\r\n");
    }

    @Test
    void smallCountsAreHiddenInTheCompilationWhenAsked() {
        Compilation compilation = Combiner.inspect(List.of(files.year("a.json", "Farsta", "2016", 1, 5),
                files.year("b.json", "Bromma", "2016", 0, 2)), YEAR_2016).compilation().orElseThrow();

        assertThat(csv(compilation, 2)).contains("Bromma;0;<3;<3\r\n", "Farsta;<3;5;6\r\n", "Totalt;<3;7;8\r\n");
    }

    @Test
    void thePdfIsOnePageWithTheTableTheUnitsAndTheirKeys() throws Exception {
        SigningKey key = SigningKeys.newKey();
        Compilation compilation = Combiner.inspect(List.of(files.year("a.json", "Enskede-Årsta-Vantör", "2016", 20, 5),
                files.write("b.json", "Spånga-Tensta/Rinkeby-Kista", TallyHeader.Kind.YEAR, TallyFiles.yearly("2016", 63, 38),
                        key, ExportOptions.DEFAULTS)), YEAR_2016).compilation().orElseThrow();

        byte[] pdf = write(compilation, CompilationFormat.PDF, 0);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Social insatsgrupp: inskrivna och berörda 2016", "Stadsdelsförvaltning",
                    "Enskede-Årsta-Vantör", "Spånga-Tensta/Rinkeby-Kista", "Totalt", "83", "43", "126",
                    SigningKey.grouped(key.fingerprint()), "räknas i båda");
        }
    }

    private static String csv(Compilation compilation, int suppress) {
        return new String(write(compilation, CompilationFormat.CSV, suppress), StandardCharsets.UTF_8);
    }

    private static byte[] write(Compilation compilation, CompilationFormat format, int suppress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompilationWriter.write(compilation, format, suppress, ZonedDateTime.now(TestDatabases.CLOCK), "1.2.3", out);
        return out.toByteArray();
    }

    private static String problem(List<Path> given, Combiner.Rules rules) {
        Combiner.Inspection inspection = Combiner.inspect(given, rules);
        assertThat(inspection.compilation()).isEmpty();
        return Messages.text(Texts.swedish(), inspection.problem().orElseThrow());
    }

    private static se.lotsbok.domain.common.Refusal catchRefusal(Runnable action) {
        try {
            action.run();
        } catch (CombineRefused e) {
            return e.refusal();
        }
        throw new AssertionError("not refused");
    }
}
