package se.lotsbok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.user.Role;
import se.lotsbok.testing.JarRunner;
import se.lotsbok.testing.JarRunner.Result;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestRegister;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A unit brings its history with the situation at enrollment and discharge in its spreadsheet, and
 * the built jar's yearly summary and monthly tally show its past outcomes: JSON valid against the
 * schema, CSV with the same numbers, days hidden with the few discharges they rest on.
 */
class CliOutcomesEndToEndIT {

    private static final String HISTORY = "personnummer;förnamn;efternamn;kön;program;aktualiserad;samtycke;"
            + "samtycke_vårdnadshavare;inskriven;avslutad;avslutsorsak;sysselsättning_inskrivning;boende_inskrivning;"
            + "missbruk_inskrivning;sysselsättning_utskrivning;boende_utskrivning;missbruk_utskrivning\n"
            // 2025: three discharges, in January, June and the last day of December.
            + row("19990101", "100", "Bo", "man", "2024-09-01", "2025-01-15", "ingen sysselsättning;institution;ja;praktik;bor hos andra;nej")
            + row("19980202", "200", "Cia", "kvinna", "2025-01-10", "2025-06-30", "arbete;eget boende;nej;studier;eget boende;nej")
            + row("19970303", "300", "Dan", "man", "2025-03-01", "2025-12-31", "praktik;bor hos föräldrar;nej;ingen sysselsättning;saknar boende;ja")
            // 2026: one discharge in October with nothing known at enrollment, one still enrolled.
            + row("19960404", "400", "Eva", "kvinna", "2026-02-01", "2026-10-20", ";;;arbete;eget boende;nej")
            + row("19950505", "500", "Fia", "kvinna", "2026-03-01", "", "studier;bor hos föräldrar;nej;;;");

    @TempDir
    Path temp;

    private Path folder;
    private JarRunner jar;

    @BeforeEach
    void register() {
        folder = temp.resolve("data");
        TestRegister.create(folder).userWith("chef", Role.UNIT_HEAD).close();
        jar = new JarRunner(temp);
    }

    @Test
    void anImportedHistoryShowsItsPastOutcomesInTheYearlySummary() throws Exception {
        Path file = temp.resolve("historik.csv");
        Files.writeString(file, HISTORY, StandardCharsets.UTF_8);
        Result imported = jar.run("import", "--db", folder.toString(), file.toString());
        assertThat(imported.status()).as(imported.err()).isZero();

        Path json = temp.resolve("2025.json");
        Result summary = jar.run("summary", "--db", folder.toString(), "--year", "2025", "--format", "json",
                "--out", json.toString());
        assertThat(summary.status()).as(summary.err()).isZero();

        JsonNode root = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(schema().validate(root)).isEmpty();
        Map<String, Long> rows = rows(root);
        // Bo none → internship better, institution → others better, yes → no better; Cia work →
        // studies and own → own the same; Dan internship → none and parents → none worse, no → yes worse.
        assertThat(rows).containsEntry("outcome_occupation/total", 3L).containsEntry("outcome_occupation/improved", 1L)
                .containsEntry("outcome_occupation/unchanged", 1L).containsEntry("outcome_occupation/worsened", 1L)
                .containsEntry("outcome_housing/improved", 1L).containsEntry("outcome_housing/worsened", 1L)
                .containsEntry("outcome_substance_use/improved", 1L).containsEntry("outcome_substance_use/unchanged", 1L)
                .containsEntry("outcome_substance_use/worsened", 1L)
                .containsEntry("outcome_occupation_worsened_by_gender/man", 1L)
                .containsEntry("occupation_at_enrollment/none", 1L).containsEntry("housing_at_discharge/none", 1L)
                .containsEntry("outcome_order_housing/others", 2L);
        // Bo 136 days (2024-09-01 to 2025-01-15), Cia 171, Dan 305.
        assertThat(rows).containsEntry("enrollment_days/total", 3L).containsEntry("enrollment_days/p25", 136L)
                .containsEntry("enrollment_days/median", 171L).containsEntry("enrollment_days/p75", 305L);

        Path csv = temp.resolve("2026-10.csv");
        Result month = jar.run("report", "--db", folder.toString(), "--month", "2026-10", "--format", "csv",
                "--suppress", "2", "--out", csv.toString());
        assertThat(month.status()).as(month.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).contains("2026-10;outcome_occupation;total;<3", "2026-10;outcome_occupation;unknown;<3",
                "2026-10;outcome_occupation;improved;0", "2026-10;enrollment_days;median;<3",
                "2026-10;outcome_order_occupation;work;1");
    }

    private static String row(String birth, String serial, String name, String gender, String enrolled, String ended,
            String situations) {
        return Pins.dashed(birth, serial) + ";" + name + ";Historik;" + gender + ";unga vuxna;" + enrolled + ";"
                + enrolled + ";;" + enrolled + ";" + ended + ";" + (ended.isEmpty() ? "" : "planerat avslut") + ";"
                + situations + "\n";
    }

    private static Map<String, Long> rows(JsonNode root) {
        Map<String, Long> rows = new LinkedHashMap<>();
        root.get("rows").forEach(r -> rows.put(r.get("measure").asString() + "/" + r.get("category").asString(),
                r.get("value").asLong()));
        return rows;
    }

    private static Schema schema() throws Exception {
        try (InputStream in = CliOutcomesEndToEndIT.class.getResourceAsStream("/se/lotsbok/report/tally.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        }
    }
}
