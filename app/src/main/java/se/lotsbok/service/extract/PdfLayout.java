package se.lotsbok.service.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Lays text out on A4 pages: headings, wrapped paragraphs of styled runs, rows of columns, page
 * breaks, and at the end a header and a page number on every page. All text is real text in an
 * embedded TrueType font (Liberation Sans, SIL Open Font License, shipped inside PDFBox), so it can
 * be selected and searched; a character the font lacks is written as "?".
 */
final class PdfLayout implements AutoCloseable {

    /** How a run of text looks. Bold is the regular face drawn with an outline, so one font serves. */
    enum Style {
        NORMAL,
        BOLD,
        MUTED,
        /** Where something was withheld: on a grey field, in dark red. */
        WITHHELD
    }

    record Run(String text, Style style) {
        static Run of(String text) {
            return new Run(text, Style.NORMAL);
        }
    }

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final float MARGIN = 56;
    private static final float TOP = PDRectangle.A4.getHeight() - 78;
    private static final float BOTTOM = 64;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    static final float BODY = 10;
    private static final float LEADING = 1.35f;

    private final PDDocument document;
    private final TrueTypeFont trueType;
    private final CmapLookup cmap;
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    PdfLayout() {
        document = new PDDocument();
        try (InputStream in = PdfLayout.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the embedded font is missing: " + FONT);
            }
            trueType = new TTFParser().parse(new RandomAccessReadBuffer(in));
            cmap = trueType.getUnicodeCmapLookup();
            font = PDType0Font.load(document, trueType, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        newPage();
    }

    PDDocument document() {
        return document;
    }

    void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A section heading; never left alone at the foot of a page. */
    void heading(String text) {
        room(14 + 16 + 3 * BODY * LEADING);
        y -= 14;
        line(List.of(new Run(text, Style.BOLD)), MARGIN, 14);
        y -= 4;
    }

    void subheading(String text, float indent) {
        room(8 + 2 * BODY * LEADING + 11);
        y -= 6;
        paragraph(List.of(new Run(text, Style.BOLD)), indent, 10.5f);
    }

    void gap(float points) {
        y -= points;
    }

    void text(String text) {
        paragraph(List.of(Run.of(text)), 0, BODY);
    }

    void muted(String text, float indent) {
        paragraph(List.of(new Run(text, Style.MUTED)), indent, 9);
    }

    /** A label and its value on one line (wrapped under the value when long). */
    void field(String label, String value) {
        paragraph(List.of(new Run(label + ": ", Style.BOLD), Run.of(value)), 0, BODY);
    }

    /** Runs wrapped at word boundaries into the width left of {@code indent}; a line feed breaks the line. */
    void paragraph(List<Run> runs, float indent, float size) {
        for (List<Run> lineRuns : wrap(runs, WIDTH - indent, size)) {
            room(size * LEADING);
            line(lineRuns, MARGIN + indent, size);
        }
    }

    /** A row of cells, each wrapped within its column; {@code widths} add up to the page's width or less. */
    void row(float[] widths, List<String> cells, Style style, float size) {
        List<List<List<Run>>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<List<Run>> cell = wrap(List.of(new Run(cells.get(i), style)), widths[i] - 6, size);
            wrapped.add(cell);
            lines = Math.max(lines, cell.size());
        }
        room(lines * size * LEADING);
        float top = y;
        float lowest = y;
        float x = MARGIN;
        for (int i = 0; i < wrapped.size(); i++) {
            y = top;
            for (List<Run> line : wrapped.get(i)) {
                line(line, x, size);
            }
            lowest = Math.min(lowest, y);
            x += widths[i];
        }
        y = lowest - 2;
    }

    /** A thin rule across the page. */
    void rule() {
        room(8);
        try {
            content.setStrokingColor(0.75f, 0.75f, 0.75f);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y - 3);
            content.lineTo(MARGIN + WIDTH, y - 3);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= 8;
    }

    /**
     * Writes {@code left} and {@code right} at the top of every page and "page N of M" (from
     * {@code pageOf}, with {0} and {1}) with {@code footer} at the foot.
     */
    void finish(String left, String right, String footer, java.util.function.BiFunction<Integer, Integer, String> pageOf) {
        try {
            content.close();
            content = null;
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream cs = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    float top = PDRectangle.A4.getHeight() - 40;
                    String r = printable(right);
                    draw(cs, printable(fit(left, WIDTH - width(r, 9) - 12, 9)), MARGIN, top, 9, Style.BOLD);
                    draw(cs, r, MARGIN + WIDTH - width(r, 9), top, 9, Style.NORMAL);
                    cs.setStrokingColor(0.6f, 0.6f, 0.6f);
                    cs.setLineWidth(0.5f);
                    cs.moveTo(MARGIN, top - 6);
                    cs.lineTo(MARGIN + WIDTH, top - 6);
                    cs.stroke();
                    String number = printable(pageOf.apply(i + 1, count));
                    draw(cs, printable(fit(footer, WIDTH - width(number, 8) - 12, 8)), MARGIN, 36, 8, Style.MUTED);
                    draw(cs, number, MARGIN + WIDTH - width(number, 8), 36, 8, Style.NORMAL);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void room(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void line(List<Run> runs, float x, float size) {
        y -= size * LEADING;
        try {
            // The fields behind withheld text first, so that no field covers a letter drawn before it.
            float at = x;
            for (Run run : runs) {
                float w = width(run.text(), size);
                if (run.style() == Style.WITHHELD && !run.text().isEmpty()) {
                    content.setNonStrokingColor(0.88f, 0.88f, 0.88f);
                    content.addRect(at - 1, y - size * 0.25f, w + 2, size * 1.15f);
                    content.fill();
                }
                at += w;
            }
            at = x;
            for (Run run : runs) {
                draw(content, run.text(), at, y, size, run.style());
                at += width(run.text(), size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void draw(PDPageContentStream cs, String text, float x, float baseline, float size, Style style)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        if (style == Style.BOLD) {
            cs.setLineWidth(size * 0.035f);
        }
        cs.beginText();
        cs.setFont(font, size);
        switch (style) {
            case NORMAL -> cs.setNonStrokingColor(0f, 0f, 0f);
            case BOLD -> {
                cs.setNonStrokingColor(0f, 0f, 0f);
                cs.setStrokingColor(0f, 0f, 0f);
            }
            case MUTED -> cs.setNonStrokingColor(0.35f, 0.35f, 0.35f);
            case WITHHELD -> cs.setNonStrokingColor(0.55f, 0f, 0f);
        }
        cs.setRenderingMode(style == Style.BOLD ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        cs.newLineAtOffset(x, baseline);
        cs.showText(text);
        cs.endText();
    }

    /** Splits runs into lines no wider than {@code width}; a word wider than a line is cut. */
    private List<List<Run>> wrap(List<Run> runs, float width, float size) {
        List<List<Run>> lines = new ArrayList<>();
        List<Run> current = new ArrayList<>();
        float used = 0;
        for (Run run : runs) {
            String[] hard = printable(run.text()).split("\n", -1);
            for (int h = 0; h < hard.length; h++) {
                if (h > 0) {
                    lines.add(current);
                    current = new ArrayList<>();
                    used = 0;
                }
                for (String word : words(hard[h])) {
                    float w = width(word, size);
                    if (used + w > width && !current.isEmpty() && !word.isBlank()) {
                        lines.add(trimEnd(current));
                        current = new ArrayList<>();
                        used = 0;
                    }
                    if (current.isEmpty() && word.isBlank()) {
                        continue;
                    }
                    while (w > width) {
                        int cut = fitting(word, width, size);
                        current.add(new Run(word.substring(0, cut), run.style()));
                        lines.add(current);
                        current = new ArrayList<>();
                        word = word.substring(cut);
                        w = width(word, size);
                    }
                    current.add(new Run(word, run.style()));
                    used += w;
                }
            }
        }
        lines.add(trimEnd(current));
        return lines;
    }

    private static List<Run> trimEnd(List<Run> line) {
        if (!line.isEmpty() && line.getLast().text().isBlank()) {
            line.removeLast();
        }
        return line;
    }

    /** Words with the spaces after them as separate pieces, so that a line may break between them. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                if (i > start) {
                    words.add(text.substring(start, i));
                }
                words.add(" ");
                start = i + 1;
            }
        }
        if (start < text.length()) {
            words.add(text.substring(start));
        }
        return words;
    }

    private int fitting(String word, float width, float size) {
        int end = 1;
        while (end < word.length() && width(word.substring(0, end + 1), size) <= width) {
            end++;
        }
        if (end < word.length() && Character.isLowSurrogate(word.charAt(end))) {
            end = Math.max(1, end - 1);
        }
        return end;
    }

    private String fit(String text, float width, float size) {
        if (width(printable(text), size) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && width(printable(cut) + "…", size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with tabs as spaces, other control characters gone, and letters the font lacks as "?". */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append("    ");
            } else if (Character.isISOControl(cp) || cp == 0x200B || cp == 0xFEFF) {
                // nothing to show
            } else if (printable.computeIfAbsent(cp, c -> cmap.getGlyphId(c) > 0)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }
}
