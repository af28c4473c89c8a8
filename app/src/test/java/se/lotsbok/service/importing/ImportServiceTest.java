package se.lotsbok.service.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.RegisterContents;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/** The spreadsheet import on a real register ("today" is 2026-11-25): preview, rejection, idempotence. */
class ImportServiceTest {

    private static final String ANNA = Pins.dashed("20080314", "238");
    private static final String BO = Pins.dashed("19990101", "100");
    private static final String CILLA = Pins.dashed("20100505", "422");
    private static final String HEADER = "personnummer;förnamn;efternamn;kön;program;aktualiserad;källa;samtycke;"
            + "samtycke_vårdnadshavare;inskriven;lots;avslutad;avslutsorsak;ej_inskriven_orsak";
    private static final String GOOD = HEADER + "\r\n"
            + ANNA + ";Anna;Ek;Kvinna;Unga;2026-01-05;Polis;2026-01-20;2026-01-21;2026-02-01;Sara Lind;;;\r\n"
            + BO + ";Bo;Al;man;unga vuxna;2026-02-10;skola;2026-02-12;;2026-03-01;sara lind;2026-09-30;planerat avslut;\r\n"
            + CILLA + ";Cilla;Berg;;;2026-03-03;socialtjänst;;;;;2026-04-01;;ej motiverad\r\n";

    @TempDir
    java.nio.file.Path temp;

    private TestRegister register;
    private Session chef;
    private ImportService imports;
    private java.util.Map<String, List<List<Object>>> empty;
    private final Texts texts = Texts.swedish();

    @BeforeEach
    void register() {
        register = TestRegister.create(TestDatabases.folder(temp));
        chef = register.userWith("chef", Role.UNIT_HEAD);
        imports = chef.services().imports();
        empty = RegisterContents.of(register);
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void aGoodFileWritesReferralsConsentsEnrollmentsNavigatorsAndEndings() {
        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes(GOOD));

        assertThat(result.ok()).as(describe(result)).isTrue();
        assertThat(result.written()).isTrue();
        assertThat(result.newParticipants()).isEqualTo(3);
        assertThat(participants()).hasSize(3);

        CaseFile anna = caseOf(ANNA);
        assertThat(anna.history().statusOn(LocalDate.of(2026, 1, 31))).contains(CaseStatus.REFERRED);
        assertThat(anna.history().statusOn(LocalDate.of(2026, 2, 1))).contains(CaseStatus.ENROLLED);
        assertThat(anna.consents()).singleElement().satisfies(c -> {
            assertThat(c.given()).isEqualTo(LocalDate.of(2026, 1, 20));
            assertThat(c.guardians()).singleElement().satisfies(g ->
                    assertThat(g.given()).isEqualTo(LocalDate.of(2026, 1, 21)));
        });

        CaseFile bo = caseOf(BO);
        assertThat(bo.history().current()).contains(CaseStatus.DISCHARGED);
        assertThat(bo.history().effective().getLast().dischargeReason()).isEqualTo(DischargeReason.PLANNED_GOALS_MET);

        CaseFile cilla = caseOf(CILLA);
        assertThat(cilla.history().current()).contains(CaseStatus.CONTACTED_NOT_ENROLLED);
        assertThat(cilla.history().effective().getLast().closureReason()).isEqualTo(ClosureReason.NOT_MOTIVATED);

        // "Sara Lind" and "sara lind" are one navigator, created from the earliest enrollment.
        var navigators = chef.services().navigators().navigators(chef.actor());
        assertThat(navigators).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("Sara Lind");
            assertThat(n.activeOn(LocalDate.of(2026, 2, 1))).isTrue();
        });
        long sara = navigators.getFirst().id();
        assertThat(chef.services().navigators().navigatorOn(chef.actor(), id(ANNA), LocalDate.of(2026, 2, 1)))
                .contains(sara);
        assertThat(chef.services().navigators().caseloadOn(chef.actor(), sara, LocalDate.of(2026, 11, 25)))
                .isEqualTo(1);
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        assertThat(imports.importFile(chef.actor(), bytes(GOOD)).ok()).isTrue();
        List<Object> before = state();

        ImportService.ImportResult again = imports.importFile(chef.actor(), bytes(GOOD));

        assertThat(again.ok()).as(describe(again)).isTrue();
        assertThat(again.writes()).isZero();
        assertThat(participants()).hasSize(3);
        assertThat(state()).isEqualTo(before);
        assertThat(chef.services().navigators().navigators(chef.actor())).hasSize(1);
    }

    @Test
    void thePreviewShowsWhatWouldHappenAndWritesNothing() {
        ImportService.ImportResult preview = imports.preview(chef.actor(), bytes(GOOD));

        assertThat(preview.ok()).isTrue();
        assertThat(preview.written()).isFalse();
        assertThat(preview.rows()).extracting(ImportService.RowResult::line).containsExactly(2, 3, 4);
        assertThat(preview.rows().getFirst().actions()).extracting(a -> Messages.text(texts, a)).containsExactly(
                "Ny deltagare", "Aktualiserad 2026-01-05 (Polis)", "Samtycke 2026-01-20", "Inskriven 2026-02-01",
                "Ny lots: Sara Lind", "Lots Sara Lind från 2026-02-01");
        assertThat(participants()).isEmpty();
        assertThat(chef.services().navigators().navigators(chef.actor())).isEmpty();
    }

    @Test
    void oneBadRowStopsTheWholeFileAndEveryBadRowIsNamed() {
        String file = HEADER + "\n"
                + ANNA + ";Anna;Ek;Kvinna;Unga;2026-01-05;Polis;;;;;;;\n"
                + BO + ";Bo;Al;;;2026-13-01;;;;;;;;\n"
                + wrongCheckDigit(BO) + ";Dan;Ek;;;2026-01-01;;;;;;;;\n"
                + CILLA + ";Cilla;Berg;;;2026-03-03;kompis;;;;;;;\n"
                + ANNA + ";Anna;Ek;;;2026-01-05;;;;;;;;\n";

        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes(file));

        assertThat(result.ok()).isFalse();
        assertThat(result.written()).isFalse();
        assertThat(lines(result)).containsExactly(
                "rad 3: aktualiserad: ”2026-13-01” är inget datum. Skriv ÅÅÅÅ-MM-DD.",
                "rad 4: personnummer: Kontrollsiffran stämmer inte. Kontrollera att alla siffror är rätt.",
                "rad 5: källa: ”kompis” känns inte igen.",
                "rad 6: Personnumret finns redan på rad 2.");
        assertThat(participants()).isEmpty();
    }

    @Test
    void aRefusalByTheCaseRulesIsARowErrorAndNothingIsWritten() {
        // Enrolling a 15-year-old needs the guardians' consent too.
        String file = HEADER + "\n"
                + BO + ";Bo;Al;;;2026-02-10;;2026-02-12;;2026-03-01;;;;\n"
                + ANNA + ";Anna;Ek;;;2026-01-05;;2026-01-20;;2026-02-01;;;;\n";

        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes(file));

        assertThat(result.ok()).isFalse();
        assertThat(result.rows().get(0).ok()).isTrue();
        assertThat(lines(result)).singleElement().asString().startsWith("rad 3: ");
        assertThat(participants()).isEmpty();
    }

    @Test
    void theHeaderDecidesTheSeparatorAndAccentsAndCaseInHeadersDoNotMatter() {
        String file = "\uFEFFPersonnummer,FORNAMN,Efternamn,Kon,Aktualiserad,Kalla\n"
                + BO + ",Bo,\"Al, d.y.\",Man,2026-02-10,Skola\n";

        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes(file));

        assertThat(result.ok()).as(describe(result)).isTrue();
        assertThat(participants()).singleElement().satisfies(p -> assertThat(p.lastName()).isEqualTo("Al, d.y."));
    }

    @Test
    void anAgeOutsideTheProgrammesBandIsAWarningNotAnError() {
        String file = HEADER + "\n" + BO + ";Bo;Al;;Unga;2026-02-10;;;;;;;;\n";

        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes(file));

        assertThat(result.ok()).isTrue();
        assertThat(result.rows().getFirst().warnings()).extracting(w -> Messages.text(texts, w))
                .containsExactly("Deltagaren var 27 år vid aktualiseringen, utanför åldersgruppen för Unga (12–20 år).");
        assertThat(participants()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"planerat avslut", "Planerat avslut/mål uppnått", "MÅL UPPNÅTT", "mal uppnatt"})
    void aDischargeReasonIsReadFromEitherHalfOfItsLabel(String reason) {
        String file = HEADER + "\n" + BO + ";Bo;Al;;;2026-02-10;;2026-02-12;;2026-03-01;;2026-09-30;" + reason + ";\n";

        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes(file));

        assertThat(result.ok()).as(describe(result)).isTrue();
        assertThat(caseOf(BO).history().effective().getLast().dischargeReason())
                .isEqualTo(DischargeReason.PLANNED_GOALS_MET);
    }

    @Test
    void aFileThatIsNotUtf8OrLacksARequiredColumnIsRefusedAsAWhole() {
        byte[] latin1 = (HEADER + "\n" + BO + ";Bo;Åberg;;;2026-02-10;;;;;;;;\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(imports.importFile(chef.actor(), latin1).fileErrors())
                .extracting(Refusal::reason).containsExactly("import.error.notUtf8");

        ImportService.ImportResult missing = imports.importFile(chef.actor(), bytes("personnummer;förnamn;efternamn;skostorlek\n"
                + BO + ";Bo;Al;44\n"));
        assertThat(missing.fileErrors()).extracting(e -> Messages.text(texts, e)).containsExactly(
                "Kolumnen ”skostorlek” känns inte igen. Byt namn på den eller ta bort den.",
                "Kolumnen ”aktualiserad” saknas; den måste finnas.");
        assertThat(participants()).isEmpty();
    }

    @Test
    void aWindows1252FileIsRefusedAsAWhole() {
        byte[] excel = (HEADER + "\r\n" + BO + ";Bo;Öberg;;;2026-02-10;;;;;;;;\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        assertThat(fileErrors(imports.preview(chef.actor(), excel))).containsExactly("Filen är inte sparad som UTF-8"
                + " (första tecknet som inte går att läsa står på rad 1). Spara den i Excel som ”CSV UTF-8"
                + " (kommaavgränsad)” och försök igen.");
        assertNothingWritten(imports.importFile(chef.actor(), excel));
    }

    @Test
    void aLineInAnotherEncodingIsNamed() {
        byte[] utf8 = bytes(HEADER + "\r\n" + ANNA + ";Anna;Ek;;;2026-01-05;;;;;;;;\r\n");
        byte[] pasted = (BO + ";Bo;Öberg;;;2026-02-10;;;;;;;;\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        byte[] mixed = java.util.Arrays.copyOf(utf8, utf8.length + pasted.length);
        System.arraycopy(pasted, 0, mixed, utf8.length, pasted.length);

        assertThat(fileErrors(imports.preview(chef.actor(), mixed))).singleElement().asString()
                .startsWith("Filen är inte sparad som UTF-8 (första tecknet som inte går att läsa står på rad 3).");
        assertNothingWritten(imports.importFile(chef.actor(), mixed));
    }

    @Test
    void anUnclosedQuotationMarkIsNamedByTheLineWhereItOpens() {
        String file = HEADER + "\n" + ANNA + ";Anna;Ek;;;2026-01-05;;;;;;;;\n" + BO + ";\"Bo;Al;;;2026-02-10;;;;;;;;\n"
                + CILLA + ";Cilla;Berg;;;2026-03-03;;;;;;;;\n";

        assertThat(fileErrors(imports.preview(chef.actor(), bytes(file)))).containsExactly("Citattecknet i början av"
                + " ett fält på rad 3 avslutas aldrig, så resten av filen kan inte läsas. Lägg till det avslutande"
                + " citattecknet eller ta bort det inledande.");
        assertNothingWritten(imports.importFile(chef.actor(), bytes(file)));
    }

    @Test
    void aMissingRequiredColumnIsNamedAndNothingIsRead() {
        String file = "personnummer;förnamn;efternamn\n" + BO + ";Bo;Al\n";

        assertThat(fileErrors(imports.preview(chef.actor(), bytes(file))))
                .containsExactly("Kolumnen ”aktualiserad” saknas; den måste finnas.");
        assertNothingWritten(imports.importFile(chef.actor(), bytes(file)));
    }

    @Test
    void aWorkbookGivenInsteadOfACsvFileIsRecognised() {
        byte[] workbook = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};

        assertThat(fileErrors(imports.preview(chef.actor(), workbook))).containsExactly("Filen är en Excel-arbetsbok,"
                + " inte en CSV-fil. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.");
        assertNothingWritten(imports.importFile(chef.actor(), workbook));
    }

    @Test
    void aFileOfOnlyBlankLinesIsEmpty() {
        assertThat(fileErrors(imports.preview(chef.actor(), bytes(" \u00A0\r\n\t\r\n")))).containsExactly("Filen är tom.");
    }

    @Test
    void cellsBeyondTheHeaderMeanAShiftedRowAndAreARowError() {
        String file = HEADER + "\n" + BO + ";Bo;Al;;;2026-02-10;;;;;;;;;Storgatan 1; Stockholm\n";

        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes(file));

        assertThat(lines(result)).containsExactly("rad 2: Raden har 16 fält men rubrikraden bara 14. Troligen står en"
                + " avgränsare (; eller ,) i ett värde utan citattecken runt.");
        assertNothingWritten(result);
    }

    @Test
    void aHundredThousandCharacterCellIsRefusedAndQuotedShortened() {
        String file = HEADER + "\n" + BO + ";" + "Bo".repeat(50_000) + ";Al;;;" + "2".repeat(100_000) + ";;;;;;;;\n";

        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes(file));

        assertThat(lines(result)).containsExactly("rad 2: aktualiserad: ”" + "2".repeat(40) + "…” är inget datum."
                + " Skriv ÅÅÅÅ-MM-DD.");
        assertNothingWritten(result);
        ImportService.ImportResult longName = imports.importFile(chef.actor(), bytes(HEADER + "\n" + BO + ";"
                + "Bo".repeat(50_000) + ";Al;;;2026-02-10;;;;;;;;\n"));
        assertThat(lines(longName)).containsExactly("rad 2: förnamn: Högst 100 tecken.");
        assertNothingWritten(longName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "1899-12-31"})
    void aDateFarInThePastIsARowErrorAndNothingIsWritten(String date) {
        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes(HEADER + "\n" + BO
                + ";Bo;Al;;;" + date + ";;;;;;;;\n"));

        assertThat(lines(result)).containsExactly("rad 2: Datumet " + date + " är orimligt tidigt. Skriv ett datum"
                + " från 1900-01-01 och framåt.");
        assertNothingWritten(result);
    }

    @Test
    void namesWithEmojiAndSwedishLettersAreImportedExactly() {
        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes("\uFEFF" + HEADER + "\n" + BO
                + ";\"Åsa-Märta 🙂\";Öberg-Ängström é 👍🏽;;;2026-02-10;;;;;;;;\n"));

        assertThat(result.written()).as(describe(result)).isTrue();
        assertThat(participants()).extracting(ParticipantSummary::firstName, ParticipantSummary::lastName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Åsa-Märta 🙂", "Öberg-Ängström é 👍🏽"));
    }

    @Test
    void aNavigatorMayNotImport() {
        try (Session lots = register.userWith("lots", Role.NAVIGATOR)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lots.services().imports()
                    .importFile(lots.actor(), bytes(GOOD))).isInstanceOf(se.lotsbok.domain.access.AccessDenied.class);
        }
    }

    @Test
    void theSituationColumnsAreReadAsTheWindowLabelsThemAndAnEmptyCellIsUnknown() {
        String file = HEADER + ";Sysselsättning_inskrivning;BOENDE_INSKRIVNING;missbruk_inskrivning;"
                + "sysselsattning_utskrivning;boende_utskrivning;missbruk_utskrivning\n"
                + BO + ";Bo;Al;;;2026-02-10;;2026-02-12;;2026-03-01;;2026-09-30;flyttat;;ingen sysselsättning;"
                + "Bor hos föräldrar;JA;arbete;eget boende;nej\n"
                + ANNA + ";Anna;Ek;;;2026-01-05;;2026-01-20;2026-01-21;2026-02-01;;;;;studies;;;;;\n";

        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes(file));

        assertThat(result.ok()).as(describe(result)).isTrue();
        List<se.lotsbok.domain.casepath.CaseEvent> bo = caseOf(BO).history().effective();
        assertThat(bo.get(1).situation()).isEqualTo(new Situation(Situation.Occupation.NONE, Situation.Housing.PARENTS,
                Situation.SubstanceUse.YES));
        assertThat(bo.get(2).situation()).isEqualTo(new Situation(Situation.Occupation.WORK, Situation.Housing.OWN,
                Situation.SubstanceUse.NO));
        assertThat(caseOf(ANNA).history().effective().get(1).situation()).isEqualTo(new Situation(
                Situation.Occupation.STUDIES, Situation.Housing.UNKNOWN, Situation.SubstanceUse.UNKNOWN));
    }

    @Test
    void aSituationWithoutItsStepOrWithAnUnknownWordIsARowError() {
        String file = HEADER + ";sysselsättning_inskrivning;boende_utskrivning;missbruk_utskrivning\n"
                + CILLA + ";Cilla;Berg;;;2026-03-03;;;;;;;;;Arbete;;\n"
                + BO + ";Bo;Al;;;2026-02-10;;2026-02-12;;2026-03-01;;;;;;Eget boende;\n"
                + ANNA + ";Anna;Ek;;;2026-01-05;;2026-01-20;2026-01-21;2026-02-01;;2026-05-01;flyttat;;;;kanske\n";

        ImportService.ImportResult result = imports.importFile(chef.actor(), bytes(file));

        assertThat(lines(result)).containsExactly(
                "rad 2: sysselsättning_inskrivning är angiven men inte inskriven.",
                "rad 3: boende_utskrivning är angiven, men deltagaren är inte både inskriven och avslutad.",
                "rad 4: missbruk_utskrivning: ”kanske” känns inte igen.");
        assertThat(participants()).isEmpty();
    }

    private List<String> fileErrors(ImportService.ImportResult result) {
        return result.fileErrors().stream().map(e -> Messages.text(texts, e)).toList();
    }

    /** The import was refused and the register holds what it held before: the one participant-free register. */
    private void assertNothingWritten(ImportService.ImportResult result) {
        assertThat(result.written()).isFalse();
        assertThat(RegisterContents.of(register)).isEqualTo(empty);
    }

    /** The case rows, consents and assignments of the three participants. */
    private List<Object> state() {
        return List.of(ANNA, BO, CILLA).stream().<Object>flatMap(pin -> java.util.stream.Stream.of(
                caseOf(pin).history().all(), caseOf(pin).consents(),
                chef.services().navigators().history(chef.actor(), id(pin)))).toList();
    }

    private List<String> lines(ImportService.ImportResult result) {
        return result.rows().stream().flatMap(r -> r.errors().stream()
                .map(e -> texts.format("import.line", r.line(), Messages.text(texts, e)))).toList();
    }

    private String describe(ImportService.ImportResult result) {
        return result.fileErrors().stream().map(e -> Messages.text(texts, e)).toList() + " " + lines(result);
    }

    private List<ParticipantSummary> participants() {
        return chef.services().participants().list(chef.actor());
    }

    private long id(String pin) {
        return participants().stream().filter(p -> p.identityNumber() != null
                && p.identityNumber().formatted().equals(pin)).findFirst().orElseThrow().id();
    }

    private CaseFile caseOf(String pin) {
        return chef.services().cases().caseFile(chef.actor(), id(pin));
    }

    private static String wrongCheckDigit(String pin) {
        int last = pin.charAt(pin.length() - 1) - '0';
        return pin.substring(0, pin.length() - 1) + (last + 1) % 10;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
