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
import se.lotsbok.domain.casepath.Refusal;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.testing.Pins;
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
    private final Texts texts = Texts.swedish();

    @BeforeEach
    void register() {
        register = TestRegister.create(TestDatabases.folder(temp));
        chef = register.userWith("chef", Role.UNIT_HEAD);
        imports = chef.services().imports();
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
    void aNavigatorMayNotImport() {
        try (Session lots = register.userWith("lots", Role.NAVIGATOR)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lots.services().imports()
                    .importFile(lots.actor(), bytes(GOOD))).isInstanceOf(se.lotsbok.service.AccessDenied.class);
        }
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
