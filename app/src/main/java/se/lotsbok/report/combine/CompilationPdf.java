package se.lotsbok.report.combine;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.ExportOptions;
import se.lotsbok.report.TallyHeader;

/**
 * The compilation on one A4 page for the committee: the table, a bar per unit, where the figures
 * come from (each unit's signature) and what adding them up means. Helvetica, which every PDF reader
 * has, so nothing is embedded; a character it cannot show becomes a question mark.
 */
final class CompilationPdf {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float ROW = 17;
    private static final float[] DARK = {0.16f, 0.35f, 0.55f};
    private static final float[] LIGHT = {0.56f, 0.73f, 0.87f};
    private static final float[] GREY = {0.45f, 0.45f, 0.45f};
    private static final float[] STRIPE = {0.95f, 0.96f, 0.97f};

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Compilation compilation;
    private final ExportOptions options;
    private final Texts texts;
    private PDPageContentStream page;
    private float y;

    private CompilationPdf(Compilation compilation, ExportOptions options, Texts texts) {
        this.compilation = compilation;
        this.options = options;
        this.texts = texts;
    }

    static void write(Compilation compilation, ExportOptions options, Texts texts, ZonedDateTime generatedAt,
            String appVersion, OutputStream out) throws IOException {
        new CompilationPdf(compilation, options, texts).render(generatedAt, appVersion, out);
    }

    private void render(ZonedDateTime generatedAt, String appVersion, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage sheet = new PDPage(PDRectangle.A4);
            document.addPage(sheet);
            document.getDocumentInformation().setTitle(title());
            document.getDocumentInformation().setCreator("Lotsbok " + appVersion);
            y = PDRectangle.A4.getHeight() - MARGIN;
            try (PDPageContentStream stream = new PDPageContentStream(document, sheet)) {
                page = stream;
                text(bold, 16, MARGIN, y, title(), null);
                y -= 20;
                String date = generatedAt.format(DateTimeFormatter.ofPattern("d MMMM yyyy", texts.locale()));
                for (String line : wrap(regular, 9, texts.format("combine.pdf.subtitle", date,
                        compilation.parts().size(), appVersion), WIDTH)) {
                    text(regular, 9, MARGIN, y, line, GREY);
                    y -= 12;
                }
                y -= 14;
                table();
                y -= 26;
                chart();
                y -= 18;
                notes();
            }
            document.save(out);
        }
    }

    private String title() {
        return compilation.kind() == TallyHeader.Kind.YEAR
                ? texts.format("combine.pdf.title.year", compilation.period())
                : texts.format("combine.pdf.title.month", YearMonth.parse(compilation.period())
                        .format(DateTimeFormatter.ofPattern("LLLL yyyy", texts.locale())));
    }

    private void table() throws IOException {
        List<Compilation.Column> columns = compilation.columns();
        float unitWidth = columns.size() > 4 ? 150 : 220;
        float cellWidth = (WIDTH - unitWidth) / Math.max(1, columns.size());
        float size = columns.size() > 4 ? 7.5f : 9.5f;
        List<List<String>> headers = new ArrayList<>();
        int headerLines = 1;
        for (Compilation.Column column : columns) {
            List<String> lines = wrap(bold, size, CompilationWriter.label(column, texts), cellWidth - 6);
            headers.add(lines);
            headerLines = Math.max(headerLines, lines.size());
        }
        text(bold, size, MARGIN + 4, y, texts.get("combine.column.unit"), null);
        for (int c = 0; c < columns.size(); c++) {
            float right = MARGIN + unitWidth + (c + 1) * cellWidth - 4;
            for (int l = 0; l < headers.get(c).size(); l++) {
                String line = headers.get(c).get(l);
                text(bold, size, right - width(bold, size, line), y - l * (size + 2), line, null);
            }
        }
        y -= headerLines * (size + 2) + 2;
        line(MARGIN, y + size, MARGIN + WIDTH);
        y -= 3;
        int index = 0;
        for (TallyFile part : compilation.parts()) {
            if (index++ % 2 == 1) {
                fill(MARGIN, y - 5, WIDTH, ROW, STRIPE);
            }
            text(regular, 9.5f, MARGIN + 4, y, CompilationWriter.unitName(part, texts), null);
            for (int c = 0; c < columns.size(); c++) {
                String value = CompilationWriter.cell(compilation.value(part, columns.get(c)), options);
                float right = MARGIN + unitWidth + (c + 1) * cellWidth - 4;
                text(regular, 9.5f, right - width(regular, 9.5f, value), y, value, null);
            }
            y -= ROW;
        }
        line(MARGIN, y + ROW - 5, MARGIN + WIDTH);
        text(bold, 9.5f, MARGIN + 4, y, texts.get("combine.total"), null);
        for (int c = 0; c < columns.size(); c++) {
            String value = CompilationWriter.cell(compilation.total(columns.get(c)), options);
            float right = MARGIN + unitWidth + (c + 1) * cellWidth - 4;
            text(bold, 9.5f, right - width(bold, 9.5f, value), y, value, null);
        }
        y -= ROW;
    }

    /** A horizontal bar per unit, split into the chart's series (stacked), with its sum at the end. */
    private void chart() throws IOException {
        List<Compilation.Column> series = compilation.chartColumns();
        text(bold, 11, MARGIN, y, texts.get("combine.chart.title"), null);
        y -= 16;
        float legendX = MARGIN;
        for (int s = 0; s < series.size(); s++) {
            fill(legendX, y - 1, 9, 9, s == 0 ? DARK : LIGHT);
            String label = CompilationWriter.label(series.get(s), texts);
            text(regular, 8.5f, legendX + 13, y, label, null);
            legendX += 13 + width(regular, 8.5f, label) + 18;
        }
        y -= 16;
        long max = 1;
        for (TallyFile part : compilation.parts()) {
            max = Math.max(max, series.stream().mapToLong(c -> compilation.value(part, c).orElse(0L)).sum());
        }
        float labelWidth = 150;
        float barSpace = WIDTH - labelWidth - 40;
        float barHeight = Math.max(6, Math.min(14, 220f / Math.max(1, compilation.parts().size()) - 4));
        for (TallyFile part : compilation.parts()) {
            String name = CompilationWriter.unitName(part, texts);
            List<String> lines = wrap(regular, 8.5f, name, labelWidth - 8);
            text(regular, 8.5f, MARGIN, y, lines.getFirst() + (lines.size() > 1 ? " …" : ""), null);
            float x = MARGIN + labelWidth;
            long sum = 0;
            for (int s = 0; s < series.size(); s++) {
                long value = compilation.value(part, series.get(s)).orElse(0L);
                // A hidden count gets no bar either: its length would show it.
                float w = options.suppresses(value) ? 0 : barSpace * value / max;
                if (w > 0) {
                    fill(x, y - 2, w, barHeight, s == 0 ? DARK : LIGHT);
                }
                x += w;
                sum += value;
            }
            String shown = CompilationWriter.cell(java.util.Optional.of(sum), options);
            text(regular, 8.5f, x + 4, y, shown, null);
            y -= barHeight + 5;
        }
    }

    private void notes() throws IOException {
        List<String> notes = new ArrayList<>();
        notes.add(texts.get("combine.pdf.additivity"));
        if (compilation.allSigned()) {
            notes.add(texts.get("combine.pdf.allSigned"));
        } else {
            notes.add(texts.get("combine.pdf.someUnsigned"));
        }
        if (options.suppressUpTo() > 0) {
            notes.add(texts.format("combine.pdf.suppressed", options.suppressUpTo(), options.hiddenText()));
        }
        if (!compilation.incomplete().isEmpty()) {
            notes.add(texts.get("combine.pdf.incomplete"));
        }
        for (String note : notes) {
            for (String line : wrap(regular, 8.5f, note, WIDTH)) {
                text(regular, 8.5f, MARGIN, y, line, null);
                y -= 11;
            }
            y -= 3;
        }
        y -= 4;
        text(bold, 8.5f, MARGIN, y, texts.get("combine.pdf.keys"), null);
        y -= 11;
        for (TallyFile part : compilation.parts()) {
            String key = part.fingerprint().map(SigningKey::grouped).orElse(texts.get("combine.state.unsigned"));
            text(regular, 7, MARGIN, y, part.unit(), GREY);
            text(regular, 7, MARGIN + 150, y, key, GREY);
            y -= 9;
        }
    }

    private void text(PDType1Font font, float size, float x, float baseline, String value, float[] colour)
            throws IOException {
        page.beginText();
        page.setFont(font, size);
        float[] c = colour == null ? new float[] {0.1f, 0.1f, 0.1f} : colour;
        page.setNonStrokingColor(c[0], c[1], c[2]);
        page.newLineAtOffset(x, baseline);
        page.showText(printable(font, value));
        page.endText();
    }

    private void fill(float x, float bottom, float w, float h, float[] colour) throws IOException {
        page.setNonStrokingColor(colour[0], colour[1], colour[2]);
        page.addRect(x, bottom, w, h);
        page.fill();
    }

    private void line(float x, float at, float to) throws IOException {
        page.setStrokingColor(0.6f, 0.6f, 0.6f);
        page.setLineWidth(0.6f);
        page.moveTo(x, at);
        page.lineTo(to, at);
        page.stroke();
    }

    private static float width(PDType1Font font, float size, String value) throws IOException {
        return font.getStringWidth(printable(font, value)) / 1000 * size;
    }

    private static List<String> wrap(PDType1Font font, float size, String value, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : value.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(font, size, candidate) > max) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text with every character the font cannot show replaced by a question mark. */
    private static String printable(PDType1Font font, String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
