package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.UnitRegister;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.ParticipantChanges;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.journal.TodoViewModel;

/** "Att göra" without a window: what is due, marking a follow-up done, and the search of every note. */
class TodoViewModelTest {

    @TempDir
    Path temp;

    private UnitRegister unit;
    private Session chef;
    private TodoViewModel todo;
    private final ParticipantChanges changes = new ParticipantChanges();
    private final List<Long> changed = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        unit = UnitRegister.create(TestDatabases.folder(temp));
        chef = unit.session();
        changes.listen(this, changed::add);
        todo = new TodoViewModel(chef.services().notes(), chef.actor(), Tasks.immediate(), Texts.swedish(), changes,
                errors::add);
        todo.load();
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void theFollowUpsAreSortedIntoOverdueThisWeekAndLater() {
        assertThat(todo.thisWeek()).extracting(NoteService.TodoItem::what).contains("Kontakta Komvux om ansökan (Anna)");
        assertThat(todo.overdue()).extracting(NoteService.TodoItem::what)
                .contains("Eget förstahandskontrakt");
        assertThat(errors).isEmpty();
    }

    @Test
    void aFollowUpMarkedDoneLeavesTheListAndTheOpenCaseFileIsTold() {
        NoteService.TodoItem item = todo.thisWeek().stream().filter(i -> i.kind() == NoteService.TodoItem.Kind.FOLLOW_UP)
                .findFirst().orElseThrow();
        todo.done(item);

        assertThat(todo.thisWeek()).doesNotContain(item);
        assertThat(todo.feedbackProperty().get().kind()).isEqualTo(Feedback.Kind.DONE);
        assertThat(todo.feedbackProperty().get().text()).contains("Kontakta Komvux om ansökan");
        assertThat(changed).containsExactly(unit.enrolled);
    }

    @Test
    void theSearchFindsWordsWhateverTheirCaseAndAccents() {
        todo.search("FOTBOLLSTRANINGEN");
        assertThat(todo.hits()).extracting(NoteService.Hit::participant).containsExactly("Åkesson, Elin");
        assertThat(todo.messageProperty().get()).isEqualTo("1 träffar, nyaste först.");
    }
}
