package se.lotsbok.report;

import java.io.IOException;
import java.io.OutputStream;
import se.lotsbok.domain.common.CsvSafety;
import se.lotsbok.domain.report.Codes;
import se.lotsbok.store.report.ReportRepository;
import tools.jackson.core.JsonGenerator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The participant list as CSV (UTF-8 with BOM, RFC 4180, formula-guarded text), one row at a time
 * so that a large register is never held in memory. Its first column says on every row that the file
 * holds personal data under secrecy, so that a copy that ends up elsewhere says so itself.
 */
final class ParticipantListWriter implements AutoCloseable {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** What the first column holds on every row. */
    static final String PERSONAL_DATA = "Personuppgifter – sekretess (OSL 26 kap.)";

    private final JsonGenerator rows;

    ParticipantListWriter(OutputStream out, char separator) throws IOException {
        CsvSchema schema = CsvSchema.builder()
                .addColumn("innehåll")
                .addColumn("personnummer")
                .addColumn("förnamn")
                .addColumn("efternamn")
                .addColumn("födelsedatum")
                .addColumn("kön")
                .addColumn("program")
                .setUseHeader(true)
                .setColumnSeparator(separator)
                .setLineSeparator("\r\n")
                .build();
        out.write(BOM);
        this.rows = CSV.writer(schema).createGenerator(out);
    }

    void write(ReportRepository.ListRow row) {
        rows.writeStartArray();
        rows.writeString(PERSONAL_DATA);
        rows.writeString(row.identityNumber() == null ? "" : row.identityNumber().formatted());
        rows.writeString(CsvSafety.guard(row.firstName()));
        rows.writeString(CsvSafety.guard(row.lastName()));
        rows.writeString(row.birthDate().toString());
        rows.writeString(Codes.of(row.gender()));
        rows.writeString(Codes.of(row.programme()));
        rows.writeEndArray();
    }

    @Override
    public void close() {
        rows.close();
    }
}
