package se.lotsbok.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import se.lotsbok.domain.common.CsvSafety;
import se.lotsbok.domain.report.TallySigner;
import se.lotsbok.domain.report.OutcomeTally;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.report.TallyRow;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Writes a tally as CSV in long form ({@code period;measure;category;value}, UTF-8 with BOM,
 * RFC 4180 quoting, CRLF) or as JSON with metadata, as described by {@code tally.schema.json}.
 * Both carry the same numbers; small counts can be hidden in both. Values that are not counts
 * follow their measure: the percentiles of days are hidden when the number of discharges they
 * rest on is, and the outcome order's ranks are never hidden.
 */
public final class TallyWriter {

    /**
     * Names the JSON documents this writer produces; bumped when their shape changes. Version 2 added
     * the signature; version 1 files (unsigned) are still read.
     */
    public static final String JSON_FORMAT = "lotsbok-tally/2";
    /** Every format name a Lotsbok tally in JSON has had. */
    public static final java.util.Set<String> JSON_FORMATS = java.util.Set.of("lotsbok-tally/1", JSON_FORMAT);

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TallyWriter() {
    }

    /**
     * Writes {@code tally} to {@code out}, which is closed afterwards. JSON is signed by
     * {@code key} (see {@link TallySignature}); CSV, being a spreadsheet's file, is not.
     */
    public static void write(Tally tally, TallyHeader header, TallyFormat format, ExportOptions options,
            TallySigner key, OutputStream out) {
        switch (format) {
            case CSV -> writeCsv(tally, options, out);
            case JSON -> writeJson(tally, header, options, key, out);
        }
    }

    /** A digest of the numbers alone (not of when or how they were written), to see a period's numbers change. */
    public static String digest(Tally tally) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (TallyRow row : tally.rows()) {
                sha.update((row.measure() + '\t' + row.category() + '\t' + row.value() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Adds {@code rows} to a JSON array as {@code {measure, category, value}}, a hidden count as
     * {@code {suppressed: true, lessThan: N+1}}: the rows of a tally and of a compilation alike.
     */
    public static void writeRows(ArrayNode array, java.util.List<TallyRow> rows, ExportOptions options) {
        Tally all = new Tally("", rows);
        for (TallyRow row : rows) {
            ObjectNode node = array.addObject();
            node.put("measure", row.measure());
            node.put("category", row.category());
            if (hidden(all, row, options)) {
                node.putObject("value").put("suppressed", true).put("lessThan", options.suppressUpTo() + 1);
            } else {
                node.put("value", row.value());
            }
        }
    }

    /** Whether small-number suppression hides this row's value. */
    static boolean hidden(Tally tally, TallyRow row, ExportOptions options) {
        return switch (OutcomeTally.kindOf(row.measure())) {
            case COUNT -> options.suppresses(row.value());
            case RANK -> false;
            case DAYS -> options.suppresses(row.category().equals(TallyRow.TOTAL) ? row.value()
                    : tally.value(row.measure(), TallyRow.TOTAL).orElse(0L));
        };
    }

    private static void writeCsv(Tally tally, ExportOptions options, OutputStream out) {
        CsvSchema schema = CsvSchema.builder()
                .addColumn("period")
                .addColumn("measure")
                .addColumn("category")
                .addColumn("value")
                .setUseHeader(true)
                .setColumnSeparator(options.separator())
                .setLineSeparator("\r\n")
                .build();
        try (out) {
            out.write(BOM);
            try (SequenceWriter rows = CSV.writer(schema).writeValues(out)) {
                for (TallyRow row : tally.rows()) {
                    String value = hidden(tally, row, options) ? options.hiddenText() : Long.toString(row.value());
                    rows.write(new String[] {tally.period(), row.measure(), CsvSafety.guard(row.category()), value});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeJson(Tally tally, TallyHeader header, ExportOptions options, TallySigner key,
            OutputStream out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", JSON_FORMAT);
        root.put("unit", header.unitName());
        root.put("kind", header.kind().name().toLowerCase(Locale.ROOT));
        root.put("period", header.period());
        root.put("generatedAt", header.generatedAt().toString());
        root.put("appVersion", header.appVersion());
        if (options.suppressUpTo() > 0) {
            root.putObject("suppression").put("upTo", options.suppressUpTo());
        }
        writeRows(root.putArray("rows"), tally.rows(), options);
        TallySignature.sign(root, key);
        try (out) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
