package se.lotsbok.service.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.extract.ExtractFormat;
import se.lotsbok.domain.extract.ExtractScope;
import se.lotsbok.domain.extract.Redaction;
import se.lotsbok.domain.extract.Release;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.FullRecord;
import se.lotsbok.testing.PastRegister;
import se.lotsbok.testing.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A participant with every kind of entry, written through the services, extracted to a court after
 * a secrecy review: the PDF read back with PDFBox's own text extraction holds every entry in
 * order, corrections right after their originals, and no withheld word; the JSON fits its schema;
 * the release is recorded and logged; the files are the owner's only.
 */
class RegisterExtractEndToEndTest {

    private static final String COURT = "Stockholms tingsrätt";
    private static final String GROUND_MASK = "OSL 26 kap. 1 §";
    private static final String GROUND_OMIT = "OSL 26 kap. 12 §";
    private static Schema schema;

    @TempDir
    Path temp;

    private PastRegister past;
    private Session chef;
    private FullRecord record;
    private ExtractService extracts;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ExtractJsonWriter.class.getResourceAsStream("register-extract.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        }
    }

    @BeforeEach
    void write() {
        past = PastRegister.create(TestDatabases.folder(temp), LocalDate.of(2026, 1, 5));
        chef = past.chef();
        try (Session admin = past.register().login("admin")) {
            assertThat(admin.services().settings().save(admin.actor(),
                    new UnitSettings("SIG Söderort", 7, UnitSettings.DEFAULTS.youthBand(),
                            UnitSettings.DEFAULTS.youngAdultsBand()))).isEmpty();
        }
        record = FullRecord.write(past);
        extracts = chef.services().extracts();
    }

    @AfterEach
    void close() {
        chef.close();
    }

    private Redaction review() {
        int start = FullRecord.passageStart();
        return Redaction.NONE.omit(record.secret(), GROUND_OMIT)
                .mask(new Redaction.Mask(record.masked(), start, start + FullRecord.PASSAGE.length(), GROUND_MASK));
    }

    private ExtractService.Made makeForCourt(ExtractScope scope, boolean staffAsRoles) {
        ExtractService.Outcome outcome = extracts.make(chef.actor(), record.participant(),
                new ExtractRequest(false, COURT, scope, staffAsRoles, review(), Map.of(
                        ExtractFormat.PDF, temp.resolve("utdrag.pdf"), ExtractFormat.JSON, temp.resolve("utdrag.json"))),
                Texts.swedish());
        assertThat(outcome).isInstanceOf(ExtractService.Made.class);
        return (ExtractService.Made) outcome;
    }

    @Test
    void theReleaseIsInTheEnhetschefsCaseFileAndALotsSeesNoneOfIt() {
        Release release = makeForCourt(ExtractScope.RECORD, false).release();

        assertThat(chef.services().cases().caseFile(chef.actor(), record.participant()).releases())
                .containsExactly(release);
        try (Session lots = past.register().userWith("lotta", Role.NAVIGATOR)) {
            assertThat(lots.services().cases().caseFile(lots.actor(), record.participant()).releases()).isEmpty();
        }
    }

    @Test
    void everyEntryIsInThePdfInOrderWithCorrectionsRightAfterTheirOriginals() throws IOException {
        makeForCourt(ExtractScope.RECORD, false);

        String text = pdfText(temp.resolve("utdrag.pdf"));

        assertInOrder(text,
                "Registerutdrag", "Avser: Åse Öberg, 20080314-", COURT,
                "Personuppgifter", "Förnamn: Åse", "Efternamn: Öberg", "Adress: Öbergvägen 238",
                "Ärendets gång", "2026-01-12 Aktualiserad", "2026-01-20 Väntelista", "(makulerat)",
                "Makulering av steget 2026-01-20 Väntelista", "Fel steg, ska utredas först",
                "2026-01-21 Utreds", "2026-02-02 Inskriven",
                "Samtycken och vårdnadshavare", "Samtycke lämnat 2026-02-02", "Omfattar: Polis, Skola",
                "Vårdnadshavare Maria Öberg, samtycke 2026-02-02",
                "Lotsar över tid", "Från 2026-02-02: Lotta Lind", "Från 2026-05-04: Nils Ek",
                "Samverkansparter", "Polis: 2026-02-03 – 2026-05-04", "Skola: 2026-02-03 – pågår",
                "Handlingsplan", "Boende: " + FullRecord.GOAL, "2026-02-03 Pågår", "2026-04-01 Delvis uppnått",
                "2026-09-01 Uppnått",
                "Anteckningar", "2026-02-10 10:00 · Enskilt möte", "Första mötet på kontoret",
                "Rättelse, 2026-02-10 10:00", FullRecord.CORRECTION_TEXT,
                "2026-03-05 14:00", "2026-04-01 09:30 · Nätverksmöte/SIG-möte", "Vi talade om boendet.",
                "Nästa möte blir i maj.", "2026-09-01 13:15 · Telefon", FullRecord.LAST_TEXT,
                "Uppföljningar", "Kontakta skolan om närvaron (Lotta)", "klar 2026-03-10", "Boka nätverksmöte",
                "ej klar", "Tidigare utlämnanden", "Inga uppgifter.",
                "Ändamål och mottagare", "Lotsbok är Social insatsgrupps register");
        assertThat(text).contains("SIG Söderort");
    }

    @Test
    void maskedPassagesAndLeftOutNotesAreAbsentAndMarkedWithTheirGround() throws IOException {
        makeForCourt(ExtractScope.RECORD, false);

        String pdf = pdfText(temp.resolve("utdrag.pdf"));
        String json = Files.readString(temp.resolve("utdrag.json"));

        for (String document : List.of(pdf, json)) {
            assertThat(document).doesNotContain("Kalle", "Svensson", "trapphuset", "hot i familjen", "förtroende")
                    .contains(GROUND_MASK, GROUND_OMIT);
        }
        assertInOrder(pdf, "Efter sekretessprövning: 1 anteckning(ar) utelämnade och 1 stycke(n) maskerade",
                "2026-03-05 14:00", "Anteckningen är utelämnad efter sekretessprövning. Grund: " + GROUND_OMIT,
                "Vi talade om boendet. [Maskerat – grund: " + GROUND_MASK + "] Nästa möte blir i maj.");
        JsonNode masked = note(JsonMapper.builder().build().readTree(json), record.masked());
        assertThat(masked.get("text").get(0).get("shown").asString()).isEqualTo("Vi talade om boendet. ");
        assertThat(masked.get("text").get(1).get("maskedOnGround").asString()).isEqualTo(GROUND_MASK);
        JsonNode secret = note(JsonMapper.builder().build().readTree(json), record.secret());
        assertThat(secret.get("leftOut").get("ground").asString()).isEqualTo(GROUND_OMIT);
        assertThat(secret.has("text")).isFalse();
    }

    @Test
    void toThePersonThemselfNothingIsWithheldAndEveryLetterIsKeptInTheJson() throws IOException {
        Path json = temp.resolve("mina uppgifter.json");
        assertThat(extracts.make(chef.actor(), record.participant(), ExtractRequest.toSubject(ExtractFormat.JSON, json),
                Texts.swedish())).isInstanceOf(ExtractService.Made.class);

        String text = Files.readString(json);
        assertThat(text).contains(FullRecord.PASSAGE, FullRecord.SECRET_TEXT, FullRecord.FIRST_TEXT);
        assertThat(schema.validate(Files.readString(json), InputFormat.JSON)).isEmpty();
    }

    @Test
    void theJsonFitsItsSchemaInEveryScope() throws IOException {
        for (ExtractScope scope : ExtractScope.values()) {
            makeForCourt(scope, scope == ExtractScope.ACCESS_LOG);
            String json = Files.readString(temp.resolve("utdrag.json"));
            assertThat(schema.validate(json, InputFormat.JSON)).as(scope.name()).isEmpty();
            assertThat(JsonMapper.builder().build().readTree(json).has("notes")).isEqualTo(scope.record());
        }
    }

    @Test
    void theSchemaRefusesANoteThatShowsTextItLeftOut() throws IOException {
        makeForCourt(ExtractScope.RECORD, false);
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(temp.resolve("utdrag.json")));
        ((tools.jackson.databind.node.ObjectNode) note(root, record.secret())).putArray("text").addObject()
                .put("shown", FullRecord.SECRET_TEXT);

        assertThat(schema.validate(root.toString(), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void makingAnExtractIsRecordedInTheCaseAndLoggedForTheParticipant() {
        ExtractService.Made made = makeForCourt(ExtractScope.RECORD_AND_ACCESS_LOG, false);

        List<Release> releases = ((ExtractService.Prepared) extracts.prepare(chef.actor(), record.participant()))
                .extract().releases();
        assertThat(releases).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(made.release().id());
            assertThat(r.recipient()).isEqualTo(COURT);
            assertThat(r.toSubject()).isFalse();
            assertThat(r.releasedAt()).isEqualTo(past.clock().instant());
            assertThat(r.releasedBy()).isEqualTo("chef");
            assertThat(r.formats()).containsExactlyInAnyOrder(ExtractFormat.PDF, ExtractFormat.JSON);
            assertThat(r.redaction()).isEqualTo(review());
        });
        List<AccessLogEntry> log = chef.services().accessLog().review(chef.actor(),
                AccessLogQuery.forParticipant(record.participant(), 1000));
        assertThat(log).filteredOn(e -> e.event() == AccessEvent.EXTRACT_MADE).singleElement()
                .satisfies(e -> assertThat(e.detail()).doesNotContain(COURT).contains("release=" + made.release().id()));
    }

    @Test
    void whoHasLookedListsTheRowsAboutThePersonByRoleWhenChosen() throws IOException {
        assertThat(chef.services().notes().search(chef.actor(), "boendet", record.participant())).isNotEmpty();
        makeForCourt(ExtractScope.ACCESS_LOG, true);

        String text = pdfText(temp.resolve("utdrag.pdf"));

        assertThat(text).contains("Vem har tagit del av uppgifterna", "Deltagare skapad", "Anteckning signerad",
                "Sökt och visat", "Ändrat", "Öppnat", "Enhetschef").doesNotContain("Ärendets gång", "Efter sekretessprövning", FullRecord.LAST_TEXT);
        assertThat(text.replace("Lotsbok", "")).doesNotContainPattern("\\bchef\\b");
    }

    @Test
    void everyPageCarriesTheUnitTheDateAndItsNumber() throws IOException {
        makeForCourt(ExtractScope.RECORD_AND_ACCESS_LOG, false);

        try (PDDocument document = Loader.loadPDF(temp.resolve("utdrag.pdf").toFile())) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).as("page " + page)
                        .contains("SIG Söderort", "2026-11-25", "Sida " + page + " av " + pages);
            }
        }
    }

    @Test
    void theFilesAreTheOwnersOnlyAndNothingIsLeftBesideThem() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        makeForCourt(ExtractScope.RECORD, false);

        for (String name : List.of("utdrag.pdf", "utdrag.json")) {
            assertThat(Files.getPosixFilePermissions(temp.resolve(name)))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aReviewWithoutAGroundIsRefusedAndNothingIsWrittenOrRecorded() {
        ExtractService.Outcome outcome = extracts.make(chef.actor(), record.participant(),
                new ExtractRequest(false, COURT, ExtractScope.RECORD, false,
                        Redaction.NONE.omit(record.secret(), "  "), Map.of(ExtractFormat.PDF, temp.resolve("utdrag.pdf"))),
                Texts.swedish());

        assertThat(outcome).isEqualTo(new ExtractService.Refused(
                new se.lotsbok.domain.common.Refusal("extract.refused.ground")));
        assertThat(temp.resolve("utdrag.pdf")).doesNotExist();
        assertThat(((ExtractService.Prepared) extracts.prepare(chef.actor(), record.participant())).extract()
                .releases()).isEmpty();
    }

    @Test
    void aFileThatCannotBeWrittenLeavesNoReleaseBehind() {
        Path nowhere = temp.resolve("finns inte").resolve("utdrag.pdf");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> extracts.make(chef.actor(), record.participant(),
                ExtractRequest.toSubject(ExtractFormat.PDF, nowhere), Texts.swedish()))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(((ExtractService.Prepared) extracts.prepare(chef.actor(), record.participant())).extract()
                .releases()).isEmpty();
    }

    @Test
    void nothingOfAGallradPersonCanBeExtracted() {
        long gone = past.closedCase("Gustav", "Gallrad", "19990807", "111", LocalDate.of(2018, 3, 1),
                LocalDate.of(2018, 4, 1));
        // A release from back then that left a note out: gallring deletes it with the note it points to.
        past.on(LocalDate.of(2018, 4, 2));
        var signed = chef.services().notes().sign(chef.actor(), gone, null, new se.lotsbok.domain.journal.NoteContent(
                java.time.LocalDateTime.of(2018, 3, 20, 10, 0), se.lotsbok.domain.journal.MeetingType.PHONE,
                java.util.Set.of(), "", "Samtal med Gustav."), List.of());
        long note = ((se.lotsbok.service.journal.NoteService.Signed) signed).note().id();
        assertThat(extracts.make(chef.actor(), gone, new ExtractRequest(false, "Socialnämnden", ExtractScope.RECORD, false,
                Redaction.NONE.omit(note, GROUND_OMIT), Map.of(ExtractFormat.PDF, temp.resolve("2018.pdf"))),
                Texts.swedish())).isInstanceOf(ExtractService.Made.class);
        past.today();
        assertThat(chef.services().retention().delete(chef.actor(), List.of(gone)).deleted()).isEqualTo(1);

        assertThat(extracts.prepare(chef.actor(), gone)).isInstanceOf(ExtractService.Anonymised.class);
        assertThat(extracts.make(chef.actor(), gone, ExtractRequest.toSubject(ExtractFormat.PDF,
                temp.resolve("gallrad.pdf")), Texts.swedish()))
                .isEqualTo(new ExtractService.Refused(new se.lotsbok.domain.common.Refusal("extract.refused.anonymised")));
        assertThat(temp.resolve("gallrad.pdf")).doesNotExist();
    }

    private static JsonNode note(JsonNode root, long id) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode n : root.get("notes")) {
            all.add(n);
            n.get("corrections").forEach(all::add);
        }
        return all.stream().filter(n -> n.get("id").asLong() == id).findFirst().orElseThrow();
    }

    /** The PDF's text as PDFBox extracts it, with every run of white space (line breaks too) as one space. */
    static String pdfText(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** Each of {@code parts} is in {@code text}, each after the one before. */
    static void assertInOrder(String text, String... parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(part, at);
            assertThat(found).as("\"%s\" after position %d in:%n%s", part, at, text).isGreaterThanOrEqualTo(0);
            at = found + part.length();
        }
    }

}
