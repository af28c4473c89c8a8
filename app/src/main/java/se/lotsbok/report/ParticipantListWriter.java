package se.lotsbok.report;

import java.io.IOException;
import java.io.OutputStream;
import se.lotsbok.domain.common.CsvSafety;
import se.lotsbok.domain.report.Codes;
import se.lotsbok.store.report.ReportRepository;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The participant list as CSV (UTF-8 with BOM, RFC 4180, formula-guarded text), one row at a time
 * so that a large register is never held in memory.
 */
final class ParticipantListWriter implements AutoCloseable {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final SequenceWriter rows;

    ParticipantListWriter(OutputStream out, char separator) throws IOException {
        CsvSchema schema = CsvSchema.builder()
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
        this.rows = CSV.writer(schema).writeValues(out);
    }

    void write(ReportRepository.ListRow row) {
        rows.write(new String[] {
                row.identityNumber() == null ? "" : row.identityNumber().formatted(),
                CsvSafety.guard(row.firstName()),
                CsvSafety.guard(row.lastName()),
                row.birthDate().toString(),
                Codes.of(row.gender()),
                Codes.of(row.programme())});
    }

    @Override
    public void close() {
        rows.close();
    }
}
