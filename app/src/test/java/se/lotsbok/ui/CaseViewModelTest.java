package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.AnsweringDialogs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.UnitRegister;
import se.lotsbok.ui.casepath.CaseForms;
import se.lotsbok.ui.casepath.CaseViewModel;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Tasks;

/** The case file's view model on its own: its forms, its questions (answered here) and its feedback. */
class CaseViewModelTest {

    @TempDir
    Path temp;

    private UnitRegister unit;
    private Session chef;
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private final List<Long> changed = new ArrayList<>();
    private CaseViewModel caseFile;

    @BeforeEach
    void open() {
        unit = UnitRegister.create(TestDatabases.folder(temp));
        chef = unit.session();
        caseFile = new CaseViewModel(chef.services().cases(), chef.services().navigators(), chef.actor(),
                Tasks.immediate(), Texts.swedish(), TestDatabases.CLOCK, dialogs, e -> {
                    throw new AssertionError(e);
                });
        caseFile.setOnChanged(changed::add);
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void theAnnulmentQuestionNamesTheStepAndCancellingChangesNothing() {
        caseFile.load(unit.enrolled);
        dialogs.answerText(null);
        caseFile.annulLatest();

        assertThat(dialogs.lastAsked().header())
                .isEqualTo("Makulera det senaste steget: Inskriven " + TestDatabases.TODAY.minusDays(40));
        assertThat(caseFile.fileProperty().get().history().current()).contains(CaseStatus.ENROLLED);
        assertThat(changed).isEmpty();

        dialogs.answerText("Fel deltagare");
        caseFile.annulLatest();
        assertThat(caseFile.fileProperty().get().history().current()).contains(CaseStatus.ASSESSMENT);
        assertThat(caseFile.feedbackProperty().get().kind()).isEqualTo(Feedback.Kind.DONE);
        assertThat(changed).containsExactly(unit.enrolled);
    }

    @Test
    void theNextStepFormRecordsOnlyWhatItsStepShows() {
        caseFile.load(unit.referred);
        CaseForms.MoveForm form = caseFile.forms().move();
        form.nextProperty().set(CaseStatus.CONTACTED_NOT_ENROLLED);
        form.closureReasonProperty().set(ClosureReason.MOVED);
        assertThat(form.closureReasonShownProperty().get()).isTrue();
        form.nextProperty().set(CaseStatus.ENROLLED);
        assertThat(form.closureReasonProperty().get()).isNull();
        assertThat(form.situationShownProperty().get()).isTrue();
        form.situation().occupationProperty().set(Situation.Occupation.WORK);
        form.nextProperty().set(CaseStatus.ASSESSMENT);
        assertThat(form.situation().occupationProperty().get()).isNull();

        caseFile.recordMove();
        var event = caseFile.fileProperty().get().history().latest().orElseThrow();
        assertThat(event.status()).isEqualTo(CaseStatus.ASSESSMENT);
        assertThat(event.closureReason()).isNull();
        assertThat(event.situation()).isNull();
        assertThat(form.nextProperty().get()).isNull();
    }

    @Test
    void everyFormIsEmptiedForTheNextParticipant() {
        caseFile.load(unit.enrolled);
        CaseForms forms = caseFile.forms();
        forms.move().dateProperty().set(TestDatabases.TODAY.minusDays(3));
        forms.consent().guardian1Property().set("Gunilla");
        forms.consent().partners().remove(Partner.POLICE);
        forms.partner().partnerProperty().set(Partner.SCHOOL);
        forms.goal().descriptionProperty().set("Halvskrivet");

        caseFile.load(unit.referred);
        assertThat(forms.move().dateProperty().get()).isEqualTo(TestDatabases.TODAY);
        assertThat(forms.consent().guardian1Property().get()).isEmpty();
        assertThat(forms.consent().partners()).contains(Partner.POLICE);
        assertThat(forms.partner().partnerProperty().get()).isNull();
        assertThat(forms.goal().descriptionProperty().get()).isEmpty();
        assertThat(forms.move().choices()).contains(CaseStatus.ASSESSMENT, CaseStatus.CONTACTED_NOT_ENROLLED);
    }

    @Test
    void aRefusalIsFeedbackOfItsOwnKind() {
        caseFile.load(unit.referred);
        caseFile.forms().move().nextProperty().set(CaseStatus.ENROLLED);
        caseFile.forms().move().situation().occupationProperty().set(Situation.Occupation.WORK);
        caseFile.forms().move().situation().housingProperty().set(Situation.Housing.OWN);
        caseFile.forms().move().situation().substanceUseProperty().set(Situation.SubstanceUse.NO);
        caseFile.recordMove();
        assertThat(caseFile.feedbackProperty().get().kind()).isEqualTo(Feedback.Kind.REFUSED);
        assertThat(caseFile.forms().move().situation().occupationProperty().get()).isEqualTo(Situation.Occupation.WORK);
    }
}
