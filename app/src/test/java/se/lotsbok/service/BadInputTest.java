package se.lotsbok.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.participant.FieldProblem;
import se.lotsbok.domain.participant.ParticipantData;
import se.lotsbok.domain.participant.ParticipantField;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.participant.ParticipantSearch;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.RegisterContents;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * Bad input on a real register ("today" is 2026-11-25): very long text, far dates, blank fields. Each
 * is refused with a message that says what is wrong, and nothing is written. Emoji and every Swedish
 * letter are kept exactly as typed and found by search.
 */
class BadInputTest {

    /** 100 000 characters, as pasted by mistake (a whole document, or a key held down). */
    private static final String HUGE = "Lång text åäö ".repeat(100_000 / 14 + 1).substring(0, 100_000);
    /** Every Swedish letter, accents Swedish names carry, and emoji (with a skin tone and a family of several code points). */
    private static final String LETTERS = "åäöÅÄÖ éÉ üÜ ñ 🙂👍🏽 👨‍👩‍👧";
    /** Looks empty, but for {@link String#strip()}: a no-break space, a zero-width space, a tab. */
    private static final String BLANK = " \u00A0\u200B\t ";
    private static final LocalDate YEAR_1 = LocalDate.of(1, 1, 1);
    private static final LocalDate YEAR_9999 = LocalDate.of(9999, 12, 31);
    /** The last day a planned date may fall on, ten years after the tests' "today". */
    private static final LocalDate LATEST = LocalDate.of(2036, 11, 25);
    private static final LocalDateTime MEETING = LocalDateTime.of(2026, 11, 24, 14, 30);

    @TempDir
    Path temp;

    private final Texts texts = Texts.swedish();
    private TestRegister register;
    private Session admin;
    private Actor actor;
    private AppServices services;
    private long participant;
    private Map<String, List<List<Object>>> before;

    @BeforeEach
    void register() {
        register = TestRegister.create(TestDatabases.folder(temp));
        admin = register.login(TestRegister.ADMIN);
        actor = admin.actor();
        services = admin.services();
        participant = ((SaveOutcome.Saved) services.participants().create(actor, ParticipantInputs.valid().build()))
                .participant().id();
        done(services.cases().move(actor, participant, Move.referral(LocalDate.of(2026, 10, 1), ReferralSource.SCHOOL)));
        before = contents();
    }

    @AfterEach
    void close() {
        admin.close();
    }

    // ---- participants

    @ParameterizedTest
    @EnumSource(value = ParticipantField.class, names = {"FIRST_NAME", "LAST_NAME", "PHONE", "ADDRESS", "COMMENT"})
    void aHundredThousandCharactersInAParticipantFieldAreRefusedAtThatField(ParticipantField field) {
        ParticipantInputs input = ParticipantInputs.valid().identity("").withoutIdentity("2001-02-03");
        String digits = "0".repeat(100_000);
        switch (field) {
            case FIRST_NAME -> input.name(HUGE, "Berg");
            case LAST_NAME -> input.name("Anna", HUGE);
            case PHONE -> input.phone(digits);
            case ADDRESS -> input.address(HUGE);
            default -> input.comment(HUGE);
        }

        SaveOutcome outcome = services.participants().create(actor, input.build());

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Invalid.class,
                invalid -> assertThat(invalid.problems()).isEqualTo(Map.of(field, FieldProblem.TOO_LONG)));
        assertThat(texts.format("validation.TOO_LONG", ParticipantField.FIRST_NAME.maxLength()))
                .isEqualTo("Högst 100 tecken.");
        assertNothingWritten();
    }

    @Test
    void namesOfOnlyBlankCharactersAreMissingNames() {
        SaveOutcome outcome = services.participants().create(actor, ParticipantInputs.valid().name(BLANK, BLANK)
                .identity("").withoutIdentity("2001-02-03").build());

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Invalid.class, invalid -> assertThat(invalid.problems())
                .isEqualTo(Map.of(ParticipantField.FIRST_NAME, FieldProblem.REQUIRED,
                        ParticipantField.LAST_NAME, FieldProblem.REQUIRED)));
        assertThat(texts.get("validation.REQUIRED")).isEqualTo("Fältet måste fyllas i.");
        assertNothingWritten();
    }

    @ParameterizedTest
    @CsvSource({"0001-01-01, DATE_TOO_EARLY", "0000-01-01, DATE_TOO_EARLY", "1899-12-31, DATE_TOO_EARLY",
        "9999-12-31, DATE_FUTURE", "+10000-01-01, DATE_FUTURE", "1999-02-29, DATE_FORMAT"})
    void aBirthDateFarInThePastOrFutureIsRefusedAtThatField(String typed, FieldProblem problem) {
        SaveOutcome outcome = services.participants().create(actor, ParticipantInputs.valid().identity("")
                .withoutIdentity(typed).build());

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Invalid.class, invalid -> assertThat(invalid.problems())
                .isEqualTo(Map.of(ParticipantField.BIRTH_DATE, problem)));
        assertNothingWritten();
    }

    @Test
    void emojiAndEverySwedishLetterAreKeptExactlyAndFoundBySearch() {
        ParticipantInput input = ParticipantInputs.valid().name("Åsa-Märta " + LETTERS, "Öberg-Ängström")
                .identity("").withoutIdentity("2001-02-03").address("Älvsjövägen 1\nÖrebro " + LETTERS)
                .comment("Första raden " + LETTERS + "\nAndra raden: ÅÄÖ åäö").build();
        long id = ((SaveOutcome.Saved) services.participants().create(actor, input)).participant().id();

        ParticipantData read = services.participants().open(actor, id).orElseThrow().data();
        assertThat(read.firstName()).isEqualTo("Åsa-Märta " + LETTERS);
        assertThat(read.lastName()).isEqualTo("Öberg-Ängström");
        assertThat(read.address()).isEqualTo("Älvsjövägen 1\nÖrebro " + LETTERS);
        assertThat(read.comment()).isEqualTo("Första raden " + LETTERS + "\nAndra raden: ÅÄÖ åäö");
        ParticipantSummary summary = services.participants().list(actor).stream().filter(p -> p.id() == id)
                .findFirst().orElseThrow();
        for (String query : List.of("åsa-märta", "ASA MARTA", "oberg angstrom", "ÖBERG", "🙂", "👍🏽")) {
            assertThat(ParticipantSearch.matcher(query).test(ParticipantSearch.searchKey(summary))).as(query).isTrue();
        }
    }

    // ---- notes

    @Test
    void aNoteOfAHundredThousandCharactersIsRefusedAsADraftAndWhenSigned() {
        NoteContent content = new NoteContent(MEETING, MeetingType.INDIVIDUAL, Set.of(), "", HUGE);

        Optional<Refusal> draft = services.notes().saveDraft(actor, participant, null, content);
        NoteService.SignResult signed = services.notes().sign(actor, participant, null, content, List.of());

        String expected = "Anteckningen får vara högst " + number(20_000)
                + " tecken (nu " + number(100_000) + "). Dela upp den i flera.";
        assertThat(draft.map(this::message)).contains(expected);
        assertThat(signed).isEqualTo(new NoteService.Refused(draft.orElseThrow()));
        assertNothingWritten();
    }

    @Test
    void aHundredThousandCharactersOfAttendeesOrFollowUpAreRefused() {
        NoteContent longAttendees = new NoteContent(MEETING, MeetingType.NETWORK, Set.of(), HUGE, "Möte om skolan.");
        NoteContent fine = new NoteContent(MEETING, MeetingType.NETWORK, Set.of(), "Mamma", "Möte om skolan.");

        assertThat(refusal(services.notes().sign(actor, participant, null, longAttendees, List.of())))
                .isEqualTo("Övriga deltagare får vara högst 500 tecken.");
        assertThat(refusal(services.notes().sign(actor, participant, null, fine,
                List.of(new NoteService.NewFollowUp(HUGE, "Lotsen", LocalDate.of(2026, 12, 1))))))
                .isEqualTo("En uppföljning får vara högst " + number(1000)
                        + " tecken, och vem som gör den högst 200.");
        assertThat(refusal(services.notes().sign(actor, participant, null, fine,
                List.of(new NoteService.NewFollowUp("Ring skolan", HUGE, LocalDate.of(2026, 12, 1))))))
                .startsWith("En uppföljning får vara högst");
        assertNothingWritten();
    }

    @Test
    void aNoteOfOnlyBlankCharactersIsEmpty() {
        NoteContent blank = new NoteContent(MEETING, MeetingType.PHONE, Set.of(), BLANK, BLANK + "\n\n" + BLANK);

        assertThat(refusal(services.notes().sign(actor, participant, null, blank, List.of())))
                .isEqualTo("Anteckningen är tom.");
        assertThat(refusal(services.notes().sign(actor, participant, null,
                new NoteContent(MEETING, MeetingType.PHONE, Set.of(), "", "Samtal."),
                List.of(new NoteService.NewFollowUp(BLANK, "", LocalDate.of(2026, 12, 1))))))
                .isEqualTo("Varje uppföljning behöver vad som ska göras och ett datum.");
        assertNothingWritten();
    }

    @Test
    void aMeetingInYearOneOrAFollowUpInYear9999IsRefusedWithTheLimitNamed() {
        assertThat(refusal(services.notes().sign(actor, participant, null,
                new NoteContent(LocalDateTime.of(1, 1, 1, 10, 0), MeetingType.PHONE, Set.of(), "", "Samtal."), List.of())))
                .isEqualTo("Datumet 0001-01-01 är orimligt tidigt. Skriv ett datum från 1900-01-01 och framåt.");
        assertThat(refusal(services.notes().sign(actor, participant, null,
                new NoteContent(MEETING, MeetingType.PHONE, Set.of(), "", "Samtal."),
                List.of(new NoteService.NewFollowUp("Ring skolan", "", YEAR_9999)))))
                .isEqualTo("Datumet 9999-12-31 ligger orimligt långt fram. Skriv ett datum senast 2036-11-25.");
        assertNothingWritten();
    }

    @Test
    void aNoteWithEmojiAndSwedishLettersReadsBackExactlyAndIsFoundWithoutAccents() {
        NoteContent content = new NoteContent(MEETING, MeetingType.HOME_VISIT, EnumSet.of(Partner.SCHOOL),
                "Mamma Åsa " + LETTERS, "Överenskommelse om närvaro " + LETTERS + "\nNästa möte på fritidsgården.");
        NoteService.SignResult signed = services.notes().sign(actor, participant, null, content,
                List.of(new NoteService.NewFollowUp("Ring kuratorn " + LETTERS, null, LocalDate.of(2026, 12, 1))));
        assertThat(signed).isInstanceOf(NoteService.Signed.class);

        NoteService.Journal journal = services.notes().journal(actor, participant);
        assertThat(journal.entries().getFirst().note().content()).isEqualTo(content);
        assertThat(journal.followUps().getFirst().what()).isEqualTo("Ring kuratorn " + LETTERS);
        assertThat(journal.followUps().getFirst().who()).isEmpty();
        assertThat(services.notes().search(actor, "OVERENSKOMMELSE narvaro", null)).hasSize(1);
        assertThat(services.notes().search(actor, "åsa", participant)).hasSize(1);
        assertThat(services.notes().search(actor, "🙂", null)).isEmpty();
    }

    // ---- case path, consent, partners, plan

    @Test
    void aCaseStepDatedYearOneIsRefused() {
        long other = ((SaveOutcome.Saved) services.participants().create(actor, ParticipantInputs.valid()
                .identity("").withoutIdentity("2001-02-03").build())).participant().id();
        before = contents();

        assertThat(refusal(services.cases().move(actor, other, Move.referral(YEAR_1, ReferralSource.POLICE))))
                .isEqualTo("Datumet 0001-01-01 är orimligt tidigt. Skriv ett datum från 1900-01-01 och framåt.");
        assertNothingWritten();
    }

    @Test
    void aHundredThousandCharactersInACaseNoteOrGuardianNameAreRefused() {
        Move assessment = new Move(CaseStatus.ASSESSMENT, LocalDate.of(2026, 11, 1), null, null, null, null, HUGE);
        assertThat(refusal(services.cases().move(actor, participant, assessment)))
                .isEqualTo("Texten får vara högst " + number(1000) + " tecken.");
        assertThat(refusal(services.cases().recordConsent(actor, participant, LocalDate.of(2026, 11, 1), null,
                EnumSet.of(Partner.POLICE), List.of(new Consent.GuardianConsent(HUGE, LocalDate.of(2026, 11, 1))))))
                .isEqualTo("Skriv vårdnadshavarens namn (högst 200 tecken).");
        assertThat(refusal(services.cases().recordConsent(actor, participant, LocalDate.of(2026, 11, 1), null,
                EnumSet.of(Partner.POLICE), List.of(new Consent.GuardianConsent(BLANK, LocalDate.of(2026, 11, 1))))))
                .isEqualTo("Skriv vårdnadshavarens namn (högst 200 tecken).");
        assertNothingWritten();
    }

    @ParameterizedTest
    @CsvSource({"0001-01-01,", "2026-11-01, 9999-12-31", "1899-12-31, 2027-01-01"})
    void aConsentGivenOrEndingAtAnImplausibleDateIsRefused(LocalDate given, LocalDate until) {
        CaseResult result = services.cases().recordConsent(actor, participant, given, until,
                EnumSet.of(Partner.POLICE), List.of());

        assertThat(refusal(result)).startsWith("Datumet ").contains("orimligt");
        assertNothingWritten();
    }

    @Test
    void aPartnerFromYearOneIsRefused() {
        assertThat(refusal(services.cases().addPartner(actor, participant, Partner.POLICE, YEAR_1)))
                .startsWith("Datumet 0001-01-01 är orimligt tidigt.");
        assertNothingWritten();
    }

    @Test
    void aGoalOfAHundredThousandCharactersOrOnlyBlanksIsRefused() {
        LocalDate followUp = LocalDate.of(2027, 3, 1);
        assertThat(refusal(services.cases().addGoal(actor, participant, Goal.LifeArea.HOUSING, HUGE, Partner.SCHOOL,
                followUp))).isEqualTo("Texten får vara högst " + number(1000) + " tecken.");
        assertThat(refusal(services.cases().addGoal(actor, participant, Goal.LifeArea.HOUSING, BLANK, Partner.SCHOOL,
                followUp))).isEqualTo("Fyll i livsområde, mål, ansvarig och uppföljningsdag.");
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "1899-12-31", "2036-11-26", "9999-12-31"})
    void aGoalFollowedUpAtAnImplausibleDateIsRefusedWhenAddedAndWhenMoved(LocalDate date) {
        assertThat(refusal(services.cases().addGoal(actor, participant, Goal.LifeArea.HOUSING, "Eget boende",
                Partner.SOCIAL_SERVICES, date))).startsWith("Datumet " + date).contains("orimligt");
        assertNothingWritten();

        done(services.cases().addGoal(actor, participant, Goal.LifeArea.HOUSING, "Eget boende", Partner.SOCIAL_SERVICES,
                LocalDate.of(2027, 1, 15)));
        before = contents();
        long goal = services.cases().caseFile(actor, participant).goals().getFirst().id();
        assertThat(refusal(services.cases().setFollowUp(actor, participant, goal, date))).startsWith("Datumet " + date);
        assertNothingWritten();
    }

    @Test
    void aGoalWithEmojiAndSwedishLettersReadsBackExactly() {
        done(services.cases().addGoal(actor, participant, Goal.LifeArea.LEISURE, "Börja på fritidsgården " + LETTERS,
                Partner.CIVIL_SOCIETY, LATEST));

        Goal goal = services.cases().caseFile(actor, participant).goals().getFirst();
        assertThat(goal.description()).isEqualTo("Börja på fritidsgården " + LETTERS);
        assertThat(goal.followUp()).isEqualTo(LATEST);
    }

    // ---- navigators and assignments

    @Test
    void aNavigatorNamedWithAHundredThousandCharactersOrOnlyBlanksIsRefused() {
        assertThat(services.navigators().createNavigator(actor, HUGE, null, LocalDate.of(2026, 1, 1)).map(this::message))
                .contains("Skriv lotsens namn (högst 200 tecken).");
        assertThat(services.navigators().createNavigator(actor, BLANK, null, LocalDate.of(2026, 1, 1)).map(this::message))
                .contains("Skriv lotsens namn (högst 200 tecken).");
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "9999-12-31"})
    void aNavigatorActiveFromAnImplausibleDateIsRefused(LocalDate date) {
        assertThat(services.navigators().createNavigator(actor, "Sara Lind", null, date).map(this::message))
                .hasValueSatisfying(m -> assertThat(m).startsWith("Datumet " + date).contains("orimligt"));
        assertNothingWritten();
    }

    @Test
    void aNavigatorWithSwedishLettersAndEmojiIsKeptAndAnAssignmentInYearOneIsRefused() {
        assertThat(services.navigators().createNavigator(actor, "Åke Öst " + LETTERS, null, LocalDate.of(2026, 1, 1)))
                .isEmpty();
        Navigator navigator = services.navigators().navigators(actor).getFirst();
        assertThat(navigator.name()).isEqualTo("Åke Öst " + LETTERS);
        assertThat(services.navigators().setActive(actor, navigator.id(), false, YEAR_9999).map(this::message))
                .contains("Datumet 9999-12-31 ligger orimligt långt fram. Skriv ett datum senast 2036-11-25.");
        before = contents();

        NavigatorService.AssignResult result = services.navigators().assign(actor, participant, navigator.id(), YEAR_1, true);

        assertThat(result).isInstanceOfSatisfying(NavigatorService.Refused.class, r -> assertThat(message(r.refusal()))
                .startsWith("Datumet 0001-01-01 är orimligt tidigt."));
        assertNothingWritten();
    }

    // ---- the unit's settings

    @Test
    void aUnitNameOfAHundredThousandCharactersIsRefusedWithAMessageNotADatabaseError() {
        UnitSettings settings = new UnitSettings(HUGE, 7, UnitSettings.DEFAULTS.youthBand(),
                UnitSettings.DEFAULTS.youngAdultsBand());

        assertThat(services.settings().save(actor, settings).map(this::message)).contains("Högst 200 tecken.");
        assertNothingWritten();
    }

    @Test
    void aUnitNameWithSwedishLettersAndEmojiIsKeptExactly() {
        UnitSettings settings = new UnitSettings("SIG Södermalm–Årsta " + LETTERS, 6,
                UnitSettings.DEFAULTS.youthBand(), UnitSettings.DEFAULTS.youngAdultsBand());

        assertThat(services.settings().save(actor, settings)).isEmpty();
        assertThat(services.settings().load()).isEqualTo(settings);
    }

    // ----

    private void assertNothingWritten() {
        assertThat(contents()).as("every table but the access log").isEqualTo(before);
    }

    private Map<String, List<List<Object>>> contents() {
        return RegisterContents.of(register);
    }

    /** A number as the Swedish messages write it (10 000 with a no-break space). */
    private String number(int value) {
        return new java.text.MessageFormat("{0,number,integer}", texts.locale()).format(new Object[] {value});
    }

    private String message(Refusal refusal) {
        return Messages.text(texts, refusal);
    }

    private String refusal(CaseResult result) {
        assertThat(result).isInstanceOf(CaseResult.Refused.class);
        return message(((CaseResult.Refused) result).refusal());
    }

    private String refusal(NoteService.SignResult result) {
        assertThat(result).isInstanceOf(NoteService.Refused.class);
        return message(((NoteService.Refused) result).refusal());
    }

    private static void done(CaseResult result) {
        assertThat(result).isInstanceOf(CaseResult.Done.class);
    }
}
