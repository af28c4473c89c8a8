package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * A register made by the first released schema (version 1: the unit's settings and the participants)
 * is brought to this program's schema with every row as it was, column by column.
 */
class UpgradeTest {

    /** How the first release opened its file: no encryption, the user without a password. */
    private static final String FIRST_RELEASE_OPTIONS = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
    private static final String LONG_COMMENT = "Åsa och Örjan träffades på fritidsgården 🙂\n".repeat(220);

    @TempDir
    Path temp;

    @Test
    void anEncryptedRegisterOfTheFirstSchemaMigratesWithEveryRowIntact() throws Exception {
        Path folder = TestDatabases.folder(temp);
        Map<String, List<List<Object>>> before = makeFirstSchemaRegister(Database.url(folder),
                Database.passwords(TestDatabases.KEY));

        try (Database db = Database.open(folder, TestDatabases.KEY, TestDatabases.CLOCK)) {
            assertThat(db.schemaVersion()).isNotEqualTo("1");
            assertReadableByTheApp(db);
        }
        try (Connection c = RawConnection.open(folder, TestDatabases.KEY)) {
            assertThat(rows(c, before.keySet(), columnsOf(before))).isEqualTo(before);
        }
    }

    @Test
    void anUnencryptedRegisterOfTheFirstReleaseIsEncryptedAndMigratedAtTheFirstLogin() throws Exception {
        Path folder = TestDatabases.folder(temp);
        String plainUrl = "jdbc:h2:file:" + folder.toAbsolutePath().resolve(Database.FILE_NAME) + FIRST_RELEASE_OPTIONS;
        Map<String, List<List<Object>>> before = makeFirstSchemaRegister(plainUrl, "");

        TestRegister register = TestRegister.create(folder);

        try (Connection c = RawConnection.open(folder, register.key())) {
            assertThat(rows(c, before.keySet(), columnsOf(before))).isEqualTo(before);
        }
        try (Database db = register.openDirectly()) {
            assertReadableByTheApp(db);
        }
    }

    /**
     * Creates the schema of version 1 only, with the same migrations the program runs, fills it with
     * rows through plain SQL, and answers every row of every table, as read back.
     */
    private Map<String, List<List<Object>>> makeFirstSchemaRegister(String url, String password) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser("lotsbok");
        source.setPassword(password);
        Database.migrations(source).target("1").load().migrate();
        try (Connection c = source.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE unit_setting SET setting_value = 'SIG Söder – Åre 🙂' WHERE setting_key = 'unit_name'");
                s.executeUpdate("UPDATE unit_setting SET setting_value = '5' WHERE setting_key = 'caseload_cap'");
                s.executeUpdate("UPDATE unit_setting SET setting_value = '13' WHERE setting_key = 'youth_min_age'");
            }
            insertParticipant(c, "Åse", "Öberg", Pins.twelve("20080314", "238"), LocalDate.of(2008, 3, 14), "WOMAN",
                    "YOUTH", "070-123 45 67", "Storgatan 1, 123 45 Stockholm", "", 1,
                    OffsetDateTime.parse("2025-03-01T08:15:30.123456+01:00"));
            insertParticipant(c, "Zoë 🙂", "Ängström-Ødegård", null, LocalDate.of(1900, 1, 1), "OTHER",
                    "YOUNG_ADULTS", "", "", LONG_COMMENT, 7, OffsetDateTime.parse("2025-06-30T23:59:59+02:00"));
            insertParticipant(c, "É".repeat(100), "Ä".repeat(100), Pins.twelve("19990101", "100"),
                    LocalDate.of(1999, 1, 1), "UNKNOWN", "YOUNG_ADULTS", "+46 (0)70-1".repeat(3) + "2345678",
                    "Å".repeat(300), "x", 3, OffsetDateTime.parse("2025-12-31T22:00:00Z"));
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"BASE TABLE", "TABLE"})) {
                while (rs.next()) {
                    if (!rs.getString("TABLE_NAME").equals("flyway_schema_history")) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            assertThat(tables).containsExactlyInAnyOrder("UNIT_SETTING", "PARTICIPANT");
            return rows(c, tables, null);
        }
    }

    private static void insertParticipant(Connection c, String first, String last, String identity, LocalDate born,
            String gender, String programme, String phone, String address, String comment, long version,
            OffsetDateTime at) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO participant (first_name, last_name, identity_number,"
                + " birth_date, gender, programme, phone, address, comment, version, created_at, created_by, updated_at,"
                + " updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] values = {first, last, identity, born, gender, programme, phone, address, comment, version, at,
                0L, at.plusDays(version), 0L};
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            p.executeUpdate();
        }
    }

    /** The app reads the old rows as its own and goes on from them. */
    private static void assertReadableByTheApp(Database db) {
        UnitSettings settings = db.transaction(r -> r.settings().load());
        assertThat(settings.unitName()).isEqualTo("SIG Söder – Åre 🙂");
        assertThat(settings.caseloadCap()).isEqualTo(5);
        assertThat(settings.youthBand().minAge()).isEqualTo(13);
        List<ParticipantSummary> all = db.transaction(r -> r.participants().listSummaries(TestDatabases.UNIT_HEAD));
        assertThat(all).extracting(ParticipantSummary::firstName)
                .containsExactlyInAnyOrder("Åse", "Zoë 🙂", "É".repeat(100));
        var zoe = db.transaction(r -> r.participants().find(TestDatabases.UNIT_HEAD, all.stream()
                .filter(p -> p.firstName().startsWith("Zoë")).findFirst().orElseThrow().id())).orElseThrow();
        assertThat(zoe.data().comment()).isEqualTo(LONG_COMMENT);
        assertThat(zoe.data().identityNumber()).isNull();
        assertThat(zoe.data().birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    private static Map<String, List<String>> columnsOf(Map<String, List<List<Object>>> snapshot) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        snapshot.forEach((table, rows) -> columns.put(table, rows.getFirst().stream().map(String::valueOf).toList()));
        return columns;
    }

    /**
     * Every row of {@code tables} (ordered by the first column), the first row being the column names:
     * with {@code columns} only those (the old schema's), otherwise all.
     */
    private static Map<String, List<List<Object>>> rows(Connection c, Iterable<String> tables,
            Map<String, List<String>> columns) throws SQLException {
        Map<String, List<List<Object>>> all = new LinkedHashMap<>();
        for (String table : tables) {
            String select = columns == null ? "*" : String.join(", ", columns.get(table));
            List<List<Object>> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + select + " FROM " + table
                    + " ORDER BY 1")) {
                int count = rs.getMetaData().getColumnCount();
                List<Object> names = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    names.add(rs.getMetaData().getColumnName(i));
                }
                rows.add(names);
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= count; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            assertThat(rows).as(table).hasSizeGreaterThan(1);
            all.put(table, rows);
        }
        return all;
    }
}
