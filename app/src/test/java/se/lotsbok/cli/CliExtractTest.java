package se.lotsbok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/** {@code extract --participant PNR --out FILE}: the person's own extract without a window. */
class CliExtractTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = Map.of("LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD", TestRegister.PASSWORD);
    private Path folder;
    private long participant;

    @BeforeEach
    void register() {
        folder = temp.resolve("data");
        assertThat(run("info", "--db", folder.toString())).isEqualTo(Cli.OK);
        try (Session chef = TestRegister.at(folder).login("chef")) {
            participant = ((SaveOutcome.Saved) chef.services().participants().create(chef.actor(), ParticipantInputs.valid()
                    .name("Åsa", "Ärlig").identity(Pins.dashed("20010203", "456")).build())).participant().id();
        }
        out.reset();
    }

    @Test
    void extractWritesThePersonsPdfFoundByIdentityNumberAndWarnsOfPersonalData() throws IOException {
        Path pdf = temp.resolve("utdrag.pdf");

        assertThat(run("extract", "--db", folder.toString(), "--participant", Pins.twelve("20010203", "456"),
                "--out", pdf.toString())).as(err()).isEqualTo(Cli.OK);

        assertThat(out()).isEqualTo("Utdraget är sparat: " + pdf.toAbsolutePath() + "\n");
        assertThat(err()).contains("personuppgifter");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Registerutdrag", "Åsa Ärlig",
                    "Utlämnat till: den registrerade själv");
        }
        try (Session chef = TestRegister.at(folder).login("chef")) {
            assertThat(chef.services().accessLog().review(chef.actor(), AccessLogQuery.forParticipant(participant, 100)))
                    .anyMatch(e -> e.event() == AccessEvent.EXTRACT_MADE);
        }
    }

    @Test
    void aJsonFileIsWrittenWhenTheNameSaysSo() throws IOException {
        Path json = temp.resolve("utdrag.json");

        assertThat(run("extract", "--db", folder.toString(), "--participant", Pins.dashed("20010203", "456"),
                "--out", json.toString())).as(err()).isEqualTo(Cli.OK);

        assertThat(Files.readString(json)).contains("\"format\" : \"lotsbok-register-extract/1\"", "Ärlig");
    }

    @Test
    void anIdentityNumberNotInTheRegisterFailsInOneSwedishLine() {
        String other = Pins.dashed("19990807", "111");

        assertThat(run("extract", "--db", folder.toString(), "--participant", other, "--out",
                temp.resolve("x.pdf").toString())).isEqualTo(Cli.FAILED);

        assertThat(err()).isEqualTo("lotsbok: Ingen deltagare i registret har personnumret " + other
                + ". (En gallrad deltagares uppgifter finns inte kvar.)\n");
        assertThat(temp.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void aFileOfAnotherKindIsAUsageError() {
        assertThat(run("extract", "--db", folder.toString(), "--participant", Pins.dashed("20010203", "456"),
                "--out", temp.resolve("x.docx").toString())).isEqualTo(Cli.USAGE);
        assertThat(err()).startsWith("lotsbok: Filen måste sluta på .pdf eller .json");
    }

    @Test
    void aMistypedIdentityNumberIsAUsageError() {
        assertThat(run("extract", "--db", folder.toString(), "--participant", "20010203-4567", "--out",
                temp.resolve("x.pdf").toString())).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("lotsbok: Ogiltigt personnummer: 20010203-4567\n");
    }

    private int run(String... args) {
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, null, f -> AppWiring.auth(f, TestDatabases.CLOCK, TestRegister.FAST_KEYS), TestDatabases.CLOCK)
                .run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
