package se.lotsbok.service.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/** The journal on a real register: signing locks, corrections stay beside the original, search, drafts. */
class NoteServiceTest {

    private static final LocalDateTime MEETING = LocalDateTime.of(2026, 11, 24, 14, 30);

    @TempDir
    Path temp;

    private TestRegister register;
    private Session chef;
    private NoteService notes;
    private long anna;
    private long bo;

    @BeforeEach
    void register() {
        register = TestRegister.create(TestDatabases.folder(temp));
        chef = register.userWith("chef", Role.UNIT_HEAD);
        notes = chef.services().notes();
        anna = participant("Anna", "111");
        bo = participant("Bo", "222");
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void aSignedNoteRecordsAuthorAndTime() {
        JournalNote note = sign(anna, null, "Träffades på fritidsgården.");
        assertThat(note.signedBy()).isEqualTo("chef");
        assertThat(note.signedAt()).isEqualTo(TestDatabases.CLOCK.instant());
        assertThat(notes.journal(chef.actor(), anna).entries()).singleElement()
                .satisfies(e -> assertThat(e.note().content().text()).isEqualTo("Träffades på fritidsgården."));
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrDeleteASignedNote() throws Exception {
        JournalNote note = sign(anna, null, "Ursprunglig text");
        chef.close();
        try (var c = register.rawConnection(); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE journal_note SET note_text = 'ändrad' WHERE id = " + note.id()))
                    .hasMessageContaining("cannot be changed or deleted");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM journal_note WHERE id = " + note.id()))
                    .hasMessageContaining("cannot be changed or deleted");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM note_partner")).isInstanceOf(java.sql.SQLException.class);
        }
        chef = register.login("chef");
        assertThat(chef.services().notes().journal(chef.actor(), anna).entries().getFirst().note().content().text())
                .isEqualTo("Ursprunglig text");
    }

    @Test
    void aCorrectionIsANewNoteAndTheOriginalStaysBesideIt() {
        JournalNote original = sign(anna, null, "Mötet var på tisdag.");
        JournalNote first = sign(anna, original.id(), "Rättelse: mötet var på onsdag.");
        JournalNote second = sign(anna, first.id(), "Rättelse: tiden var 15.00.");
        NoteService.Journal journal = notes.journal(chef.actor(), anna);
        assertThat(journal.entries()).singleElement().satisfies(e -> {
            assertThat(e.note()).isEqualTo(original);
            assertThat(e.amendments()).extracting(JournalNote::id).containsExactly(first.id(), second.id());
            assertThat(e.amendments().getFirst().amends()).isEqualTo(original.id());
        });
    }

    @Test
    void aNoteNeedsTextAPastTimeAndATypeAndMayNotBeTooLong() {
        assertThat(notes.sign(chef.actor(), anna, null, content(" "), List.of()))
                .isEqualTo(new NoteService.Refused(new Refusal("note.refused.empty")));
        assertThat(notes.sign(chef.actor(), anna, null, new NoteContent(LocalDateTime.of(2026, 11, 26, 9, 0),
                MeetingType.PHONE, Set.of(), "", "text"), List.of()))
                .isEqualTo(new NoteService.Refused(new Refusal("note.refused.future")));
        String tooLong = "x".repeat(100_000);
        assertThat(notes.sign(chef.actor(), anna, null, content(tooLong), List.of()))
                .isEqualTo(new NoteService.Refused(new Refusal("note.refused.tooLong", 20_000, 100_000)));
        assertThat(notes.saveDraft(chef.actor(), anna, null, content(tooLong)))
                .contains(new Refusal("note.refused.tooLong", 20_000, 100_000));
        assertThat(notes.journal(chef.actor(), anna).entries()).isEmpty();
    }

    @Test
    void aDraftIsKeptWordForWordUntilSignedAndThenGone() {
        NoteContent typed = new NoteContent(MEETING, MeetingType.HOME_VISIT, EnumSet.of(Partner.FAMILY),
                "mamma", "Halvfärdig mening med åäö och 😊");
        assertThat(notes.saveDraft(chef.actor(), anna, null, typed)).isEmpty();
        assertThat(notes.draft(chef.actor(), anna, null)).hasValueSatisfying(d -> assertThat(d.content()).isEqualTo(typed));
        notes.sign(chef.actor(), anna, null, typed, List.of());
        assertThat(notes.draft(chef.actor(), anna, null)).isEmpty();
    }

    @Test
    void searchIgnoresCaseAndAccentsAndFindsWithinAParticipantOrAcrossTheRegister() {
        sign(anna, null, "Pratade om självkänsla och skolan.");
        sign(bo, null, "Självkänslan var bättre. Skolan ringde.");
        sign(bo, null, "Fotboll på lördag.");

        assertThat(notes.search(chef.actor(), "SJALVKANSLA", null)).extracting(h -> h.participant())
                .containsExactly("Test, Anna");
        assertThat(notes.search(chef.actor(), "skolan", null)).hasSize(2);
        assertThat(notes.search(chef.actor(), "skolan", bo)).extracting(h -> h.note().participantId()).containsExactly(bo);
        assertThat(notes.search(chef.actor(), "skolan självkänsla", null)).hasSize(1);
        assertThat(notes.search(chef.actor(), "tennis", null)).isEmpty();
        assertThat(notes.search(chef.actor(), "  ", null)).isEmpty();
    }

    @Test
    void theNewestNotesComeFirstInASearch() {
        JournalNote older = sign(anna, null, "samtal ett");
        JournalNote newer = sign(anna, null, "samtal två");
        assertThat(notes.search(chef.actor(), "samtal", null)).extracting(h -> h.note().id())
                .containsExactly(newer.id(), older.id());
    }

    @Test
    void followUpsFromANoteLandInAttGoraByDate() {
        notes.sign(chef.actor(), anna, null, content("Möte med skolan"), List.of(
                new NoteService.NewFollowUp("Ringa kuratorn", "chef", LocalDate.of(2026, 11, 20)),
                new NoteService.NewFollowUp("Boka nytt möte", "", LocalDate.of(2026, 11, 27)),
                new NoteService.NewFollowUp("Följa upp betyg", "skolan", LocalDate.of(2027, 1, 15))));
        notes.saveDraft(chef.actor(), bo, null, content("utkast"));
        NoteService.Todo todo = notes.todo(chef.actor());
        assertThat(todo.overdue()).extracting(NoteService.TodoItem::what).containsExactly("Ringa kuratorn (chef)");
        assertThat(todo.thisWeek()).extracting(NoteService.TodoItem::what).containsExactly("Boka nytt möte");
        assertThat(todo.later()).extracting(NoteService.TodoItem::what).containsExactly("Följa upp betyg (skolan)");
        assertThat(todo.drafts()).extracting(NoteService.DraftLine::participant).containsExactly("Test, Bo");

        notes.followUpDone(chef.actor(), todo.overdue().getFirst().refId());
        assertThat(notes.todo(chef.actor()).overdue()).isEmpty();
    }

    @Test
    void aSearchLogsOneRowPerParticipantWhoseNotesItShowedAndNeverTheWords() {
        sign(anna, null, "Samtal med skolan.");
        sign(bo, null, "Skolan ringde.");
        sign(bo, null, "Skolan igen.");

        assertThat(notes.search(chef.actor(), "skolan", null)).hasSize(3);

        List<AccessLogEntry> searches = log(AccessEvent.NOTE_SEARCH);
        assertThat(searches).extracting(AccessLogEntry::participantId, AccessLogEntry::detail)
                .containsExactlyInAnyOrder(tuple(anna, "rows=1"), tuple(bo, "rows=2"));
        assertThat(searches).allSatisfy(e -> assertThat(e.detail()).doesNotContainIgnoringCase("skolan"));
    }

    @Test
    void attGoraLogsOneRowPerParticipantWhoseFollowUpsGoalsOrDraftsItShowed() {
        notes.sign(chef.actor(), anna, null, content("Möte"), List.of(
                new NoteService.NewFollowUp("Ringa kuratorn", "", LocalDate.of(2026, 11, 20))));
        notes.saveDraft(chef.actor(), bo, null, content("utkast"));

        notes.todo(chef.actor());

        assertThat(log(AccessEvent.TODO_READ)).extracting(AccessLogEntry::participantId).containsExactlyInAnyOrder(anna, bo);
    }

    @Test
    void aFollowUpIsMarkedDoneOnlyByWhoMayWriteInTheCaseOwnOrCovered() {
        notes.sign(chef.actor(), anna, null, content("Möte"), List.of(
                new NoteService.NewFollowUp("Ringa kuratorn", "", LocalDate.of(2026, 11, 20))));
        long followUp = notes.todo(chef.actor()).overdue().getFirst().refId();
        try (Session lotta = register.userWith("lotta", Role.NAVIGATOR)) {
            NoteService hers = lotta.services().notes();
            assertThatThrownBy(() -> hers.followUpDone(lotta.actor(), followUp)).isInstanceOf(AccessDenied.class);
            assertThat(notes.todo(chef.actor()).overdue()).hasSize(1);
            assertThat(log(AccessEvent.ACCESS_REFUSED)).extracting(AccessLogEntry::participantId).containsExactly(anna);

            lotta.services().participants().coverFor(lotta.actor(), anna);
            hers.followUpDone(lotta.actor(), followUp);
        }
        assertThat(notes.todo(chef.actor()).overdue()).isEmpty();
    }

    private List<AccessLogEntry> log(AccessEvent event) {
        return chef.services().accessLog().review(chef.actor(), AccessLogQuery.all()).stream()
                .filter(e -> e.event() == event).toList();
    }

    private JournalNote sign(long participant, Long amends, String text) {
        NoteService.SignResult result = notes.sign(chef.actor(), participant, amends, content(text), List.of());
        assertThat(result).isInstanceOf(NoteService.Signed.class);
        return ((NoteService.Signed) result).note();
    }

    private static NoteContent content(String text) {
        return new NoteContent(MEETING, MeetingType.INDIVIDUAL, EnumSet.of(Partner.SCHOOL), "", text);
    }

    private long participant(String name, String serial) {
        return ((SaveOutcome.Saved) chef.services().participants().create(chef.actor(),
                ParticipantInputs.valid().name(name, "Test").identity(Pins.dashed("20000101", serial)).build()))
                .participant().id();
    }
}
