package se.lotsbok.report.combine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import se.lotsbok.domain.report.TallyRow;
import se.lotsbok.report.TallyHeader;
import se.lotsbok.report.TallySignature;
import se.lotsbok.report.TallyWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One unit's exported tally (JSON) as read for a compilation: whose numbers, which period, the
 * numbers, and whether its signature holds. Reading refuses a file that is no Lotsbok tally, one
 * whose signature does not hold (changed after signing), and one with hidden small counts, which
 * cannot be added up.
 *
 * @param source the file's name, as messages name it
 * @param fingerprint the signing key's fingerprint; empty for an unsigned file
 */
public record TallyFile(String source, String unit, TallyHeader.Kind kind, String period, List<TallyRow> rows,
        Optional<String> fingerprint) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    public TallyFile {
        rows = List.copyOf(rows);
    }

    public boolean signed() {
        return fingerprint.isPresent();
    }

    /** The value of a row, if the file has it. */
    public Optional<Long> value(String measure, String category) {
        return rows.stream().filter(r -> r.measure().equals(measure) && r.category().equals(category))
                .map(TallyRow::value).findFirst();
    }

    /**
     * Reads a file's bytes.
     *
     * @throws CombineRefused when the file cannot be added up as it is
     */
    public static TallyFile read(String source, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw notAnExport(source);
        }
        if (root == null || !root.isObject() || !TallyWriter.JSON_FORMATS.contains(text(root, "format"))) {
            throw notAnExport(source);
        }
        TallySignature.Seal seal = TallySignature.check(root);
        if (seal instanceof TallySignature.Altered) {
            throw new CombineRefused("ALTERED", source);
        }
        String kindText = text(root, "kind");
        TallyHeader.Kind kind;
        try {
            kind = TallyHeader.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw notAnExport(source);
        }
        String period = text(root, "period");
        if (!(kind == TallyHeader.Kind.MONTH ? MONTH : YEAR).matcher(period).matches()) {
            throw notAnExport(source);
        }
        JsonNode unitNode = root.get("unit");
        JsonNode rowNodes = root.get("rows");
        if (unitNode == null || !unitNode.isString() || rowNodes == null || !rowNodes.isArray()) {
            throw notAnExport(source);
        }
        List<TallyRow> rows = new ArrayList<>();
        for (JsonNode row : rowNodes) {
            JsonNode value = row.get("value");
            if (value != null && value.isObject() && value.has("suppressed")) {
                throw new CombineRefused("SUPPRESSED", source);
            }
            if (!row.isObject() || text(row, "measure").isEmpty() || !row.has("category") || !row.get("category").isString()
                    || value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw notAnExport(source);
            }
            rows.add(new TallyRow(text(row, "measure"), text(row, "category"), value.longValue()));
        }
        String unit = unitNode.stringValue().strip();
        if (unit.isEmpty()) {
            throw new CombineRefused("NO_UNIT_NAME", source);
        }
        Optional<String> fingerprint = seal instanceof TallySignature.Signed signed
                ? Optional.of(signed.fingerprint()) : Optional.empty();
        return new TallyFile(source, unit, kind, period, rows, fingerprint);
    }

    private static CombineRefused notAnExport(String source) {
        return new CombineRefused("NOT_AN_EXPORT", source);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() ? value.stringValue() : "";
    }
}
