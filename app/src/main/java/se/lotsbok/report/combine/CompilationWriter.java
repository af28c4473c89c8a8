package se.lotsbok.report.combine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.lotsbok.domain.common.CsvSafety;
import se.lotsbok.domain.report.TallyRow;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.ExportOptions;
import se.lotsbok.report.TallyWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Writes a compilation. CSV: UTF-8 with BOM, {@code ;}, CRLF, the header {@code unit} and the
 * columns' codes, one row per unit in Swedish order, then {@code Totalt}; an unsigned unit's name is
 * followed by {@code (osignerad)}. JSON ({@code lotsbok-compilation/1}): every figure of every unit
 * with its signature's fingerprint, and the combined figures. PDF: one page for the committee. The
 * words in them are Swedish whatever the window's language: they go to a Swedish committee.
 */
public final class CompilationWriter {

    public static final String JSON_FORMAT = "lotsbok-compilation/1";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CompilationWriter() {
    }

    /**
     * Writes {@code compilation} to {@code out}, which is closed afterwards.
     *
     * @param suppressUpTo counts from 1 to this are hidden (0: none)
     */
    public static void write(Compilation compilation, CompilationFormat format, int suppressUpTo,
            ZonedDateTime generatedAt, String appVersion, OutputStream out) {
        ExportOptions options = new ExportOptions(';', suppressUpTo);
        Texts texts = Texts.swedish();
        try (out) {
            switch (format) {
                case CSV -> writeCsv(compilation, options, texts, out);
                case JSON -> writeJson(compilation, options, generatedAt, appVersion, out);
                case PDF -> CompilationPdf.write(compilation, options, texts, generatedAt, appVersion, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unit's name as the compilation shows it: marked when its file was not signed. */
    public static String unitName(TallyFile part, Texts texts) {
        return part.signed() ? part.unit() : texts.format("combine.unsignedUnit", part.unit());
    }

    /** A column's heading in words: "Inskrivna", "Nya inskrivningar", … */
    public static String label(Compilation.Column column, Texts texts) {
        String measure = firstText(texts, column.measure(), "combine.column.", "report.measure.");
        if (TallyRow.TOTAL.equals(column.category())) {
            return measure;
        }
        return measure + " – " + firstText(texts, column.category(), "report.category.");
    }

    /** A figure as written: the number, or {@code <N+1} when hidden. */
    public static String cell(Optional<Long> value, ExportOptions options) {
        return value.map(v -> options.suppresses(v) ? options.hiddenText() : Long.toString(v)).orElse("");
    }

    private static String firstText(Texts texts, String code, String... prefixes) {
        for (String prefix : prefixes) {
            if (texts.has(prefix + code)) {
                return texts.get(prefix + code);
            }
        }
        return code;
    }

    private static void writeCsv(Compilation compilation, ExportOptions options, Texts texts, OutputStream out)
            throws IOException {
        List<Compilation.Column> columns = compilation.columns();
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("unit");
        columns.forEach(c -> schema.addColumn(c.code()));
        out.write(BOM);
        try (SequenceWriter rows = CSV.writer(schema.setUseHeader(true).setColumnSeparator(options.separator())
                .setLineSeparator("\r\n").build()).writeValues(out)) {
            for (TallyFile part : compilation.parts()) {
                List<String> row = new ArrayList<>();
                row.add(CsvSafety.guard(unitName(part, texts)));
                columns.forEach(c -> row.add(cell(compilation.value(part, c), options)));
                rows.write(row.toArray(String[]::new));
            }
            List<String> total = new ArrayList<>();
            total.add(texts.get("combine.total"));
            columns.forEach(c -> total.add(cell(compilation.total(c), options)));
            rows.write(total.toArray(String[]::new));
        }
    }

    private static void writeJson(Compilation compilation, ExportOptions options, ZonedDateTime generatedAt,
            String appVersion, OutputStream out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", JSON_FORMAT);
        root.put("kind", compilation.kind().name().toLowerCase(Locale.ROOT));
        root.put("period", compilation.period());
        root.put("generatedAt", generatedAt.toInstant().toString());
        root.put("appVersion", appVersion);
        if (options.suppressUpTo() > 0) {
            root.putObject("suppression").put("upTo", options.suppressUpTo());
        }
        ArrayNode units = root.putArray("units");
        for (TallyFile part : compilation.parts()) {
            ObjectNode unit = units.addObject();
            unit.put("unit", part.unit());
            unit.put("file", part.source());
            unit.put("signed", part.signed());
            part.fingerprint().ifPresent(f -> unit.put("fingerprint", f));
            TallyWriter.writeRows(unit.putArray("rows"), part.rows(), options);
        }
        TallyWriter.writeRows(root.putArray("total"), compilation.total(), options);
        if (!compilation.incomplete().isEmpty()) {
            ArrayNode incomplete = root.putArray("incomplete");
            compilation.incomplete().forEach(c -> incomplete.addObject().put("measure", c.measure())
                    .put("category", c.category()));
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }
}
