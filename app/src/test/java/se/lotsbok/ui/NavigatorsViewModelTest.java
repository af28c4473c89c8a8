package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.AnsweringDialogs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.UnitRegister;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.ParticipantChanges;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.navigator.NavigatorsViewModel;

/** "Lotsar" without a window: the register's form, the same name twice, and the over-cap question. */
class NavigatorsViewModelTest {

    @TempDir
    Path temp;

    private UnitRegister unit;
    private Session chef;
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private final ParticipantChanges changes = new ParticipantChanges();
    private final List<Long> changed = new ArrayList<>();
    private NavigatorsViewModel navigators;

    @BeforeEach
    void open() {
        unit = UnitRegister.create(TestDatabases.folder(temp));
        chef = unit.session();
        changes.listen(this, changed::add);
        navigators = new NavigatorsViewModel(chef.services().navigators(), chef.actor(), Tasks.immediate(),
                Texts.swedish(), TestDatabases.CLOCK, dialogs, changes, e -> {
                    throw new AssertionError(e);
                });
        navigators.load();
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void aCapThatIsNoNumberIsRefusedBesideItsFieldAndNothingIsAdded() {
        navigators.register().nameProperty().set("Ny Lots");
        navigators.register().capProperty().set("sju");
        navigators.save();
        assertThat(navigators.register().capErrorProperty().get()).startsWith("Taket ska vara ett heltal");
        assertThat(navigators.register().nameProperty().get()).isEqualTo("Ny Lots");
        assertThat(navigators.navigators()).hasSize(3);
    }

    @Test
    void theSameNameAsAnActiveNavigatorIsAddedOnlyWhenTheUserSaysSo() {
        navigators.register().nameProperty().set(" anna LINDQVIST ");
        dialogs.answer(false);
        navigators.save();
        assertThat(dialogs.lastAsked().text()).contains("Anna Lindqvist".toLowerCase().substring(0, 4));
        assertThat(navigators.navigators()).hasSize(3);

        dialogs.answer(true);
        navigators.save();
        assertThat(navigators.navigators()).hasSize(4);
        assertThat(navigators.register().nameProperty().get()).isEmpty();
        assertThat(navigators.feedbackProperty().get()).isEqualTo(Feedback.done("Lotsen är tillagd."));
    }

    @Test
    void theStatusSaysWhereEachNavigatorStandsToday() {
        Navigator birgitta = navigators.navigators().get(2);
        assertThat(navigators.status(birgitta)).isEqualTo("Aktiv sedan " + TestDatabases.TODAY.minusMonths(3));
        navigators.register().selectedProperty().set(birgitta);
        navigators.register().fromProperty().set(TestDatabases.TODAY.plusDays(10));
        navigators.setActive(false);
        assertThat(navigators.status(navigators.navigators().get(2))).isEqualTo("Aktiv sedan "
                + TestDatabases.TODAY.minusMonths(3) + ", inaktiv från " + TestDatabases.TODAY.plusDays(10));
    }

    @Test
    void movingBeyondTheCapAsksAndNoMeansNoChange() {
        chef.services().navigators().updateNavigator(chef.actor(), unit.omar, "Omar Haddad", 1);
        navigators.load();
        dialogs.answer(false);
        navigators.assign(unit.enrolled, unit.omar);
        assertThat(dialogs.lastAsked().header()).isEqualTo("Över taket för arbetsbelastning");
        assertThat(navigators.feedbackProperty().get().kind()).isEqualTo(Feedback.Kind.NOTE);
        assertThat(changed).isEmpty();

        dialogs.answer(true);
        navigators.assign(unit.enrolled, unit.omar);
        assertThat(navigators.feedbackProperty().get()).isEqualTo(Feedback.done("Lotsen är tilldelad."));
        assertThat(changed).containsExactly(unit.enrolled);
    }
}
