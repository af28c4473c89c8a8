package se.lotsbok.report.combine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.report.TallyRow;
import se.lotsbok.report.ExportOptions;
import se.lotsbok.report.TallyFormat;
import se.lotsbok.report.TallyHeader;
import se.lotsbok.report.TallyWriter;
import se.lotsbok.testing.SigningKeys;

/** Exported tallies as a unit's register writes them, each unit with a key of its own. */
public final class TallyFiles {

    static final Instant AT = Instant.parse("2026-11-25T09:30:00Z");

    private final Path folder;

    public TallyFiles(Path folder) {
        this.folder = folder;
    }

    /** A signed yearly summary with {@code enrolled} and {@code contacted}. */
    public Path year(String file, String unit, String year, long enrolled, long contacted) {
        return write(file, unit, TallyHeader.Kind.YEAR, yearly(year, enrolled, contacted), SigningKeys.newKey(),
                ExportOptions.DEFAULTS);
    }

    public static Tally yearly(String year, long enrolled, long contacted) {
        return new Tally(year, List.of(new TallyRow("enrolled", "total", enrolled),
                new TallyRow("contacted_not_enrolled", "total", contacted),
                new TallyRow("total", "total", enrolled + contacted)));
    }

    public Path write(String file, String unit, TallyHeader.Kind kind, Tally tally, SigningKey key, ExportOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TallyWriter.write(tally, new TallyHeader(unit, kind, tally.period(), AT, "1.2.3"), TallyFormat.JSON, options,
                key, out);
        return bytes(file, out.toByteArray());
    }

    public Path bytes(String file, byte[] content) {
        try {
            return Files.write(folder.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text with {@code from} replaced (once) by {@code to}, as someone editing it by hand would. */
    public Path edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new AssertionError(file + " has no " + from);
            }
            return Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<TallyRow> rows(Object... measureCategoryValue) {
        List<TallyRow> rows = new ArrayList<>();
        for (int i = 0; i < measureCategoryValue.length; i += 3) {
            rows.add(new TallyRow((String) measureCategoryValue[i], (String) measureCategoryValue[i + 1],
                    ((Number) measureCategoryValue[i + 2]).longValue()));
        }
        return rows;
    }
}
