package se.lotsbok.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.report.MonthlyTally;
import se.lotsbok.domain.report.RegisterSnapshot;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.report.TallyRow;
import se.lotsbok.testing.SigningKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/** The written forms of a tally: CSV and JSON carry the same numbers, the JSON fits its schema. */
class TallyWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");
    private static final TallyHeader MONTH = new TallyHeader("SIG Söder", TallyHeader.Kind.MONTH, "2026-10", NOW, "1.2.3");
    private static final SigningKey KEY = SigningKeys.newKey();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = TallyWriter.class.getResourceAsStream("/se/lotsbok/report/tally.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in, InputFormat.JSON);
        }
    }

    @Test
    void csvIsLongFormWithBomSemicolonsAndCrlf() {
        Tally tally = new Tally("2026-10", List.of(new TallyRow("enrolled_at_end", "total", 12),
                new TallyRow("enrolled_at_end", "kvinna", 5)));

        byte[] bytes = write(tally, MONTH, TallyFormat.CSV, ExportOptions.DEFAULTS);

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(text(bytes)).isEqualTo("\uFEFFperiod;measure;category;value\r\n"
                + "2026-10;enrolled_at_end;total;12\r\n"
                + "2026-10;enrolled_at_end;kvinna;5\r\n");
        assertThat(text(write(tally, MONTH, TallyFormat.CSV, new ExportOptions(',', 0))))
                .startsWith("\uFEFFperiod,measure,category,value\r\n2026-10,enrolled_at_end,total,12\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+46701234567", "-1+1", "@SUM(A1)", "\tTab", "\rCR"})
    void aNavigatorNameThatLooksLikeAFormulaIsDefused(String name) {
        Tally tally = new Tally("2026-10", List.of(new TallyRow("caseload_at_end", name, 3)));

        List<String[]> rows = readCsv(write(tally, MONTH, TallyFormat.CSV, ExportOptions.DEFAULTS), ';');

        assertThat(rows.get(1)[2]).isEqualTo("'" + name);
        // JSON is data, not a spreadsheet: the name is kept as typed.
        assertThat(readJson(write(tally, MONTH, TallyFormat.JSON, ExportOptions.DEFAULTS)).get("rows").get(0)
                .get("category").asString()).isEqualTo(name);
    }

    @Test
    void textWithSeparatorsQuotesAndLineBreaksIsQuotedAsRfc4180Says() {
        Tally tally = new Tally("2026-10", List.of(new TallyRow("caseload_at_end", "Lind; \"Sara\"\nLund", 3),
                new TallyRow("caseload_at_end", "Bo, Ek", 1)));

        String csv = text(write(tally, MONTH, TallyFormat.CSV, ExportOptions.DEFAULTS));

        assertThat(csv).contains("2026-10;caseload_at_end;\"Lind; \"\"Sara\"\"\nLund\";3\r\n");
        assertThat(csv).contains("2026-10;caseload_at_end;Bo, Ek;1\r\n");
        assertThat(readCsv(csv.getBytes(StandardCharsets.UTF_8), ';').get(1)[2]).isEqualTo("Lind; \"Sara\"\nLund");
        assertThat(text(write(tally, MONTH, TallyFormat.CSV, new ExportOptions(',', 0))))
                .contains("2026-10,caseload_at_end,\"Bo, Ek\",1\r\n");
    }

    @Test
    void smallCountsAreHiddenInBothFormsWhenAsked() {
        Tally tally = new Tally("2026-10", List.of(new TallyRow("referrals", "total", 0),
                new TallyRow("referrals_by_source", "polis", 1), new TallyRow("referrals_by_source", "skola", 2),
                new TallyRow("referrals_by_source", "total", 3)));
        ExportOptions suppress = new ExportOptions(';', 2);

        List<String[]> csv = readCsv(write(tally, MONTH, TallyFormat.CSV, suppress), ';');
        assertThat(csv.stream().skip(1).map(r -> r[3])).containsExactly("0", "<3", "<3", "3");

        JsonNode json = readJson(write(tally, MONTH, TallyFormat.JSON, suppress));
        assertThat(json.get("suppression").get("upTo").asInt()).isEqualTo(2);
        assertThat(json.get("rows").get(1).get("value").get("suppressed").asBoolean()).isTrue();
        assertThat(json.get("rows").get(1).get("value").get("lessThan").asInt()).isEqualTo(3);
        assertThat(json.get("rows").get(3).get("value").asLong()).isEqualTo(3);
    }

    @Test
    void aWholeMonthlyTallyValidatesAndCsvAndJsonCarryTheSameNumbers() {
        Tally tally = withValues(MonthlyTally.of(YearMonth.of(2026, 10), emptyRegisterWith("Sara Lind", "=Bo")));

        byte[] json = write(tally, MONTH, TallyFormat.JSON, ExportOptions.DEFAULTS);
        byte[] csv = write(tally, MONTH, TallyFormat.CSV, ExportOptions.DEFAULTS);

        JsonNode root = readJson(json);
        assertThat(errors(root)).isEmpty();
        assertThat(root.get("unit").asString()).isEqualTo("SIG Söder");
        assertThat(root.get("period").asString()).isEqualTo("2026-10");
        assertThat(root.get("kind").asString()).isEqualTo("month");
        assertThat(root.get("generatedAt").asString()).isEqualTo("2026-11-25T09:30:00Z");
        assertThat(root.get("appVersion").asString()).isEqualTo("1.2.3");

        Map<String, Long> fromJson = new LinkedHashMap<>();
        root.get("rows").forEach(r -> fromJson.put(r.get("measure").asString() + "/" + r.get("category").asString(),
                r.get("value").asLong()));
        Map<String, Long> fromCsv = new LinkedHashMap<>();
        for (String[] row : readCsv(csv, ';').subList(1, tally.rows().size() + 1)) {
            assertThat(row[0]).isEqualTo("2026-10");
            String category = row[2].startsWith("'") ? row[2].substring(1) : row[2];
            fromCsv.put(row[1] + "/" + category, Long.parseLong(row[3]));
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        tally.rows().forEach(r -> expected.put(r.measure() + "/" + r.category(), r.value()));
        assertThat(fromJson).isEqualTo(expected);
        assertThat(fromCsv).isEqualTo(expected);
        assertThat(readCsv(csv, ';')).hasSize(tally.rows().size() + 1);

        JsonNode suppressed = readJson(write(tally, MONTH, TallyFormat.JSON, new ExportOptions(';', 20)));
        assertThat(errors(suppressed)).isEmpty();
        assertThat(suppressed.get("rows").findValues("suppressed")).isNotEmpty();
    }

    @Test
    void theYearlySummaryValidatesToo() {
        Tally year = MonthlyTally.yearly(Year.of(2026), emptyRegisterWith());
        TallyHeader header = new TallyHeader("SIG Söder", TallyHeader.Kind.YEAR, "2026", NOW, "1.2.3");

        JsonNode root = readJson(write(year, header, TallyFormat.JSON, ExportOptions.DEFAULTS));

        assertThat(errors(root)).isEmpty();
        assertThat(root.get("rows")).extracting(r -> r.get("measure").asString())
                .startsWith("enrolled", "contacted_not_enrolled", "total", "occupation_at_enrollment");
    }

    @Test
    void theSchemaRefusesWhatTheWriterMustNotWrite() {
        JsonNode good = readJson(write(MonthlyTally.of(YearMonth.of(2026, 10), emptyRegisterWith()), MONTH,
                TallyFormat.JSON, ExportOptions.DEFAULTS));
        assertThat(errors(good)).isEmpty();

        assertThat(errors(edit(good, "rows/0/category", "pojke"))).isNotEmpty();
        assertThat(errors(edit(good, "rows/0/value", "-1"))).isNotEmpty();
        assertThat(errors(edit(good, "rows/0/measure", "names"))).isNotEmpty();
        assertThat(errors(edit(good, "period", "2026"))).isNotEmpty();
        JsonNode withoutTotals = good.deepCopy();
        ((tools.jackson.databind.node.ArrayNode) withoutTotals.get("rows")).removeAll();
        assertThat(errors(withoutTotals)).isNotEmpty();
    }

    @Test
    void percentilesOfDaysAreHiddenWithTheirBaseAndRanksNeverAre() {
        Tally few = new Tally("2026", List.of(new TallyRow("enrollment_days", "total", 2),
                new TallyRow("enrollment_days", "p25", 40), new TallyRow("enrollment_days", "median", 1),
                new TallyRow("enrollment_days", "p75", 210), new TallyRow("outcome_order_substance_use", "total", 2),
                new TallyRow("outcome_order_substance_use", "yes", 2), new TallyRow("outcome_order_substance_use", "no", 1)));
        Tally many = new Tally("2026", List.of(new TallyRow("enrollment_days", "total", 12),
                new TallyRow("enrollment_days", "p25", 2), new TallyRow("enrollment_days", "median", 1),
                new TallyRow("enrollment_days", "p75", 210)));
        ExportOptions suppress = new ExportOptions(';', 2);

        assertThat(readCsv(write(few, MONTH, TallyFormat.CSV, suppress), ';').stream().skip(1).map(r -> r[3]))
                .as("two discharges: their days could name them; the order is no count")
                .containsExactly("<3", "<3", "<3", "<3", "2", "2", "1");
        assertThat(readCsv(write(many, MONTH, TallyFormat.CSV, suppress), ';').stream().skip(1).map(r -> r[3]))
                .as("twelve discharges: a median of one day is no small count")
                .containsExactly("12", "2", "1", "210");
    }

    @Test
    void aYearWithOutcomesValidatesAndTheSchemaKnowsTheirCategories() {
        Tally year = withValues(MonthlyTally.yearly(Year.of(2026), emptyRegisterWith()));
        TallyHeader header = new TallyHeader("SIG Söder", TallyHeader.Kind.YEAR, "2026", NOW, "1.2.3");

        JsonNode root = readJson(write(year, header, TallyFormat.JSON, ExportOptions.DEFAULTS));
        JsonNode suppressed = readJson(write(year, header, TallyFormat.JSON, new ExportOptions(';', 50)));

        assertThat(errors(root)).isEmpty();
        assertThat(errors(suppressed)).isEmpty();
        int outcome = indexOf(root, "outcome_occupation", "improved");
        assertThat(errors(edit(root, "rows/" + outcome + "/category", "better"))).isNotEmpty();
        int housing = indexOf(root, "housing_at_discharge", "none");
        assertThat(errors(edit(root, "rows/" + housing + "/category", "internship"))).isNotEmpty();
        int byGender = indexOf(root, "outcome_substance_use_worsened_by_gender", "kvinna");
        assertThat(errors(edit(root, "rows/" + byGender + "/category", "unga"))).isNotEmpty();
        JsonNode withoutOrder = root.deepCopy();
        ((tools.jackson.databind.node.ArrayNode) withoutOrder.get("rows")).remove(
                indexOf(root, "outcome_order_housing", "total"));
        assertThat(errors(withoutOrder)).as("the order used must be said").isNotEmpty();
    }

    private static int indexOf(JsonNode root, String measure, String category) {
        for (int i = 0; i < root.get("rows").size(); i++) {
            JsonNode row = root.get("rows").get(i);
            if (row.get("measure").asString().equals(measure) && row.get("category").asString().equals(category)) {
                return i;
            }
        }
        throw new AssertionError("no row " + measure + "/" + category);
    }

    @Test
    void theDigestFollowsTheNumbersOnly() {
        Tally a = new Tally("2026-10", List.of(new TallyRow("referrals", "total", 3)));
        Tally same = new Tally("2026-10", List.of(new TallyRow("referrals", "total", 3)));
        Tally changed = new Tally("2026-10", List.of(new TallyRow("referrals", "total", 4)));

        assertThat(TallyWriter.digest(a)).isEqualTo(TallyWriter.digest(same)).hasSize(64);
        assertThat(TallyWriter.digest(a)).isNotEqualTo(TallyWriter.digest(changed));
    }

    /** Replaces values so that the comparison below cannot pass on zeros alone. */
    private static Tally withValues(Tally tally) {
        List<TallyRow> rows = new ArrayList<>(tally.rows());
        for (int i = 0; i < rows.size(); i++) {
            TallyRow r = rows.get(i);
            rows.set(i, new TallyRow(r.measure(), r.category(), i * 7L));
        }
        return new Tally(tally.period(), rows);
    }

    private static RegisterSnapshot emptyRegisterWith(String... navigators) {
        List<Navigator> list = new ArrayList<>();
        for (int i = 0; i < navigators.length; i++) {
            list.add(new Navigator(i + 1, navigators[i], null,
                    List.of(new Navigator.Activity(true, LocalDate.of(2026, 1, 1)))));
        }
        return new RegisterSnapshot(Map.of(), Map.of(), Map.of(), list, Map.of(), List.of(), Map.of(), Map.of(), 7);
    }

    private static JsonNode edit(JsonNode root, String path, String json) {
        JsonNode copy = root.deepCopy();
        String[] parts = path.split("/");
        JsonNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parts[i].matches("\\d+") ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
        }
        JsonNode value = json.matches("-?\\d+") ? JsonMapper.builder().build().readTree(json)
                : JsonMapper.builder().build().getNodeFactory().stringNode(json);
        ((tools.jackson.databind.node.ObjectNode) parent).set(parts[parts.length - 1], value);
        return copy;
    }

    private static List<Error> errors(JsonNode json) {
        return schema.validate(json);
    }

    private static byte[] write(Tally tally, TallyHeader header, TallyFormat format, ExportOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TallyWriter.write(tally, header, format, options, KEY, out);
        return out.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonNode readJson(byte[] bytes) {
        return JsonMapper.builder().build().readTree(bytes);
    }

    private static List<String[]> readCsv(byte[] bytes, char separator) {
        String text = text(bytes);
        assertThat(text).startsWith("\uFEFF");
        CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator)).readValues(text.substring(1))) {
            return it.readAll();
        }
    }
}
