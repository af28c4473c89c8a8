package se.lotsbok.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.AppWiring;
import se.lotsbok.cli.Cli;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.store.common.StoreException;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The log file says what happened to the program (start, version, migrations, backups, errors with
 * their stack traces) and never to whom: a known name, identity number, note text and search words go
 * through every kind of action, in the services and on the command line, and no log file holds them.
 */
class LogFileTest {

    private static final String NAME = "Quirinella";
    private static final String SURNAME = "Xylofonsdotter";
    private static final String PIN = Pins.twelve("20080314", "238");
    private static final String NOTE = "Bytte skola efter bråket på fritidsgården";
    private static final String SEARCH = "fritidsgården";
    private static final String IMPORTED = "Ysoldebertha";

    @TempDir
    Path temp;
    private Path folder;

    @BeforeEach
    void logToTheDataFolder() {
        folder = TestDatabases.folder(temp);
        AppLog.start(folder, TestDatabases.STOCKHOLM, "9.8.7-test", "window");
    }

    @AfterEach
    void closeTheLog() {
        AppLog.stop();
    }

    @Test
    void everyActionLeavesItsTraceAndNoPersonalData() throws Exception {
        TestRegister register = TestRegister.create(folder);
        long participant;
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD, Role.ADMINISTRATOR)) {
            var participants = chef.services().participants();
            participant = ((SaveOutcome.Saved) participants.create(chef.actor(), ParticipantInputs.valid()
                    .name(NAME, SURNAME).identity(PIN).comment("Träffade " + NAME).build())).participant().id();
            // The same identity number again is refused, by the database's unique index among others.
            participants.create(chef.actor(), ParticipantInputs.valid().name(SURNAME, NAME).identity(PIN).build());
            participants.list(chef.actor());
            var notes = chef.services().notes();
            assertThat(notes.sign(chef.actor(), participant, null, new NoteContent(LocalDateTime.of(2026, 11, 20, 10, 0),
                    MeetingType.INDIVIDUAL, EnumSet.of(Partner.SCHOOL), NAME, NOTE), List.of()))
                    .isInstanceOf(NoteService.Signed.class);
            assertThat(notes.search(chef.actor(), SEARCH, null)).hasSize(1);
            chef.services().maintenance().backup(chef.actor(), temp.resolve("kopia.zip"));
        }
        Path csv = temp.resolve("kalkylark.csv");
        Files.writeString(csv, "personnummer;förnamn;efternamn;aktualiserad\n"
                + Pins.twelve("19990101", "100") + ";" + IMPORTED + ";" + SURNAME + ";2026-10-01\n"
                + "bad" + PIN + ";" + IMPORTED + ";" + NAME + ";2026-10-01\n", StandardCharsets.UTF_8);
        for (String[] command : List.of(
                new String[] {"info"},
                new String[] {"import", csv.toString()},
                new String[] {"participants", "--out", temp.resolve("lista.csv").toString()},
                new String[] {"report", "--month", "2026-10", "--format", "json", "--out", temp.resolve("r.json").toString()},
                new String[] {"summary", "--year", "2026", "--out", temp.resolve("s.csv").toString()},
                new String[] {"backup", "--out", temp.resolve("kopia2.zip").toString()},
                new String[] {"script", "--out", temp.resolve("skript.bin").toString()},
                new String[] {"verify-log"},
                // Fails: the file is no backup; the failure is logged.
                new String[] {"restore", csv.toString()})) {
            cli(command);
        }
        // An error whose message quotes the row, as H2's do, logged as the window logs errors.
        SQLException quoting = duplicateRowError();
        assertThat(quoting.getMessage()).contains(PIN);
        System.getLogger("se.lotsbok.ui.common.ErrorReporter").log(System.Logger.Level.ERROR,
                "unexpected error in the window", new StoreException("database operation failed", quoting));
        AppLog.stop();

        String log = allLogFiles();
        assertThat(log).contains("Lotsbok 9.8.7-test (window)", "schema migrated from version none to",
                "backup written to", "ERROR se.lotsbok.ui.common.ErrorReporter", StoreException.class.getName(),
                "caused by " + quoting.getClass().getName(), "at org.h2.");
        for (String secret : List.of(NAME, SURNAME, PIN, PIN.substring(2), Pins.dashed("20080314", "238"), NOTE, SEARCH,
                IMPORTED)) {
            assertThat(log).as("the log names %s", secret).doesNotContain(secret);
        }
    }

    @Test
    void theLogRotatesOverAFewFilesOfAMegabyte() throws IOException {
        System.Logger logger = System.getLogger("se.lotsbok.test");
        String line = "x".repeat(1_000);
        for (int i = 0; i < 6_000; i++) {
            logger.log(System.Logger.Level.INFO, line);
        }
        AppLog.stop();
        List<Path> files = logFiles();
        assertThat(files).hasSize(AppLog.FILES);
        for (Path file : files) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(AppLog.FILE_BYTES + 2_000);
        }
    }

    @Test
    void lotsboksLogLinesGoToTheFileOnlyAndOtherLibrariesStayOut() throws IOException {
        System.getLogger("org.flywaydb.test").log(System.Logger.Level.WARNING, "from a library");
        System.getLogger("se.lotsbok.test").log(System.Logger.Level.INFO, "from Lotsbok");
        AppLog.stop();
        assertThat(allLogFiles()).contains("INFO  se.lotsbok.test: from Lotsbok").doesNotContain("from a library");
    }

    private void cli(String... command) {
        String[] args = Stream.concat(Stream.of(command[0], "--db", folder.toString()),
                Stream.of(command).skip(1)).toArray(String[]::new);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        new Cli(new PrintStream(sink, true, StandardCharsets.UTF_8), new PrintStream(sink, true, StandardCharsets.UTF_8),
                Map.of("LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD", TestRegister.PASSWORD), null,
                f -> AppWiring.auth(f, TestDatabases.CLOCK, TestRegister.FAST_KEYS), TestDatabases.CLOCK).run(args);
    }

    private static SQLException duplicateRowError() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:log-test"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE person (name VARCHAR(100), pin CHAR(12) UNIQUE)");
            s.execute("INSERT INTO person VALUES ('" + NAME + "', '" + PIN + "')");
            s.execute("INSERT INTO person VALUES ('" + NAME + "', '" + PIN + "')");
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("the duplicate was accepted");
    }

    private List<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.list(AppLog.folder(folder))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }

    private String allLogFiles() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : logFiles()) {
            all.append(Files.readString(file, StandardCharsets.UTF_8));
        }
        return all.toString();
    }
}
