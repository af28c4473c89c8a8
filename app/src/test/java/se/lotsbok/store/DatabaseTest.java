package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.participant.ParticipantData;
import se.lotsbok.domain.participant.ParticipantValidator;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.store.common.StoreException;

class DatabaseTest {

    @TempDir
    Path temp;

    @Test
    void firstOpenCreatesTheFolderAndMigratesTheFile() {
        Path folder = temp.resolve("new/deeper/data");
        try (Database db = Database.open(folder, TestDatabases.KEY, TestDatabases.CLOCK)) {
            assertThat(Files.exists(folder.resolve("lotsbok.mv.db"))).isTrue();
            assertThat(db.schemaVersion()).isEqualTo(latestMigration());
            var result = db.transaction(r -> r.settings().load().caseloadCap());
            assertThat(result).isEqualTo(7);
        }
    }

    @Test
    void dataSurvivesClosingAndReopening() {
        try (Database db = TestDatabases.open(temp)) {
            db.transaction(r -> r.participants().insert(TestDatabases.UNIT_HEAD, data(), TestDatabases.CLOCK.instant()));
        }
        try (Database db = TestDatabases.open(temp)) {
            var result = db.transaction(r -> r.participants().listSummaries(TestDatabases.UNIT_HEAD));
            assertThat(result)
                    .extracting(s -> s.lastName()).containsExactly("Öberg");
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Database db = TestDatabases.open(temp)) {
            assertThatThrownBy(() -> db.transaction(r -> {
                r.participants().insert(TestDatabases.UNIT_HEAD, data(), TestDatabases.CLOCK.instant());
                throw new IllegalStateException("second step failed");
            })).isInstanceOf(IllegalStateException.class);
            var result = db.transaction(r -> r.participants().count());
            assertThat(result).isZero();
        }
    }

    @Test
    void refusesADatabaseFromANewerProgramAndLeavesItUntouched() throws Exception {
        Path folder = TestDatabases.folder(temp);
        TestDatabases.open(temp).close();
        TestDatabases.markMadeByANewerProgram(folder, TestDatabases.KEY);
        String url = Database.url(folder);
        List<String> before = historyOf(url);
        Map<String, String> filesBefore = digests(folder);

        assertThatThrownBy(() -> TestDatabases.open(temp))
                .isInstanceOfSatisfying(StoreException.TooNew.class,
                        e -> assertThat(e.fileVersion()).isEqualTo("999"));
        assertThat(digests(folder)).as("every file of the data folder, byte for byte").isEqualTo(filesBefore);
        assertThat(historyOf(url)).isEqualTo(before);
    }

    /** Each file of {@code folder} by name, with the SHA-256 of its bytes. */
    private static Map<String, String> digests(Path folder) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                digests.put(file.getFileName().toString(), TestDatabases.digest(file));
            }
        }
        return digests;
    }

    @Test
    void backupWritesAZipOfTheOpenDatabase() {
        Path zip = temp.resolve("backups/copy.zip");
        try (Database db = TestDatabases.open(temp)) {
            db.backupTo(zip);
        }
        assertThat(zip).exists().isNotEmptyFile();
    }

    private static List<String> historyOf(String url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var c = DriverManager.getConnection(url, "lotsbok", Database.passwords(TestDatabases.KEY));
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + ":" + rs.getBoolean(2));
            }
        }
        return rows;
    }

    /** The highest version among the SQL migrations and the Java ones (named V<n>__… too). */
    private static String latestMigration() {
        try (var files = java.util.stream.Stream.concat(Files.list(Path.of("src/main/resources/db/migration")),
                Files.walk(Path.of("src/main/java/se/lotsbok/store")))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.(sql|java)"))
                    .map(n -> n.substring(1, n.indexOf("__")))
                    .max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ParticipantData data() {
        return ((ParticipantValidator.Valid) ParticipantValidator.validate(
                ParticipantInputs.valid().build(), TestDatabases.TODAY)).data();
    }
}
