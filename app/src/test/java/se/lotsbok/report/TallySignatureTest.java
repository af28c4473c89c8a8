package se.lotsbok.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.lotsbok.domain.report.MonthlyTally;
import se.lotsbok.domain.report.RegisterSnapshot;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.report.TallyRow;
import se.lotsbok.testing.SigningKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A JSON export's signature: it holds whatever the layout, and breaks at any changed value. */
class TallySignatureTest {

    private static final SigningKey KEY = SigningKeys.newKey();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A whole yearly summary (every measure the schema asks for) with 20 enrolled and 5 contacted. */
    private static final Tally YEAR = new Tally("2016", MonthlyTally.yearly(Year.of(2016),
            new RegisterSnapshot(Map.of(), Map.of(), Map.of(), List.of(), Map.of(), List.of(), Map.of(), Map.of(), 7))
            .rows().stream().map(r -> switch (r.measure() + "/" + r.category()) {
                case "enrolled/total" -> new TallyRow(r.measure(), r.category(), 20);
                case "contacted_not_enrolled/total" -> new TallyRow(r.measure(), r.category(), 5);
                case "total/total" -> new TallyRow(r.measure(), r.category(), 25);
                default -> r;
            }).toList());
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = TallyWriter.class.getResourceAsStream("/se/lotsbok/report/tally.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        }
    }

    @Test
    void anExportIsSignedWithTheRegistersKeyAndFitsTheSchema() {
        JsonNode root = export(YEAR, "Enskede-Årsta-Vantör");

        assertThat(root.get("format").asString()).isEqualTo("lotsbok-tally/2");
        assertThat(root.get("signature").get("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(root.get("signature").get("fingerprint").asString()).isEqualTo(KEY.fingerprint()).hasSize(64);
        assertThat(schema.validate(root)).isEmpty();
        assertThat(TallySignature.check(root)).isEqualTo(new TallySignature.Signed(KEY.fingerprint()));
    }

    @Test
    void layoutAndMemberOrderDoNotMatter() {
        JsonNode root = export(YEAR, "Farsta");
        String compact = JSON.writeValueAsString(root);
        ObjectNode reordered = JSON.createObjectNode();
        List<String> names = new java.util.ArrayList<>(root.propertyNames());
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, root.get(n)));
        String indented = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reordered).replace("  ", "\t");

        assertThat(TallySignature.check(JSON.readTree(compact))).isInstanceOf(TallySignature.Signed.class);
        assertThat(TallySignature.check(JSON.readTree(indented))).isInstanceOf(TallySignature.Signed.class);
    }

    @Test
    void aChangedDigitTheUnitsNameOrTheKeyBreaksTheSignature() {
        String text = JSON.writeValueAsString(export(YEAR, "Farsta"));

        assertThat(check(text.replace("\"value\":20", "\"value\":21"))).isInstanceOf(TallySignature.Altered.class);
        assertThat(check(text.replace("\"value\":20", "\"value\":20.0"))).isInstanceOf(TallySignature.Altered.class);
        assertThat(check(text.replace("Farsta", "Farsta "))).isInstanceOf(TallySignature.Altered.class);
        assertThat(check(text.replace("\"period\":\"2016\"", "\"period\":\"2017\""))).isInstanceOf(TallySignature.Altered.class);

        SigningKey other = SigningKeys.newKey();
        ObjectNode swapped = (ObjectNode) JSON.readTree(text);
        ((ObjectNode) swapped.get("signature")).put("publicKey",
                java.util.Base64.getEncoder().encodeToString(other.publicKey())).put("fingerprint", other.fingerprint());
        assertThat(TallySignature.check(swapped)).isInstanceOf(TallySignature.Altered.class);
        ObjectNode wrongFingerprint = (ObjectNode) JSON.readTree(text);
        ((ObjectNode) wrongFingerprint.get("signature")).put("fingerprint", other.fingerprint());
        assertThat(TallySignature.check(wrongFingerprint)).isInstanceOf(TallySignature.Altered.class);
    }

    @Test
    void aFileWithoutSignatureIsUnsignedAndAnOldUnsignedFileStillFitsTheSchema() {
        ObjectNode old = (ObjectNode) export(YEAR, "Farsta");
        old.remove("signature");
        assertThat(TallySignature.check(old)).isEqualTo(new TallySignature.Unsigned());
        assertThat(schema.validate(old)).as("a version 2 file must be signed").isNotEmpty();

        old.put("format", "lotsbok-tally/1");
        assertThat(schema.validate(old)).isEmpty();
    }

    @Test
    void theCanonicalFormSortsMembersAndDropsWhitespaceAsRfc8785Does() {
        JsonNode value = JSON.readTree("{ \"b\" : [ 2, {\"z\": 1, \"a\": \"Åsa \\\"Ö\\\"\"} ], \"a\" : 10 }");

        assertThat(new String(TallySignature.canonical(value), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":10,\"b\":[2,{\"a\":\"Åsa \\\"Ö\\\"\",\"z\":1}]}");
    }

    @Test
    void theYearlySummaryOfARegisterIsSignedToo() {
        Tally year = MonthlyTally.yearly(Year.of(2016),
                new RegisterSnapshot(Map.of(), Map.of(), Map.of(), List.of(), Map.of(), List.of(), Map.of(), Map.of(), 7));
        assertThat(TallySignature.check(export(year, "Skarpnäck"))).isInstanceOf(TallySignature.Signed.class);
    }

    private static TallySignature.Seal check(String text) {
        return TallySignature.check(JSON.readTree(text));
    }

    private static JsonNode export(Tally tally, String unit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TallyWriter.write(tally, new TallyHeader(unit, TallyHeader.Kind.YEAR, tally.period(),
                Instant.parse("2026-11-25T09:30:00Z"), "1.2.3"), TallyFormat.JSON, ExportOptions.DEFAULTS, KEY, out);
        return JSON.readTree(out.toByteArray());
    }
}
