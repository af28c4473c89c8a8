package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.participant.ParticipantField;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.i18n.Texts;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.participant.ParticipantFormViewModel;

/** The form's view model on its own: no window, a real database. */
class ParticipantFormViewModelTest {

    @TempDir
    Path temp;

    private Session session;
    private ParticipantFormViewModel form;
    private final List<Participant> saved = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        session = TestRegister.create(TestDatabases.folder(temp)).userWith("chef", Role.UNIT_HEAD);
        form = new ParticipantFormViewModel(session.services().participants(), session.actor(), Tasks.immediate(),
                Texts.swedish(), () -> UnitSettings.DEFAULTS, saved::add, errors::add);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aNewFormIsCleanAndTypingMakesItDirty() {
        assertThat(form.dirtyProperty().get()).isFalse();
        form.firstNameProperty().set("A");
        assertThat(form.dirtyProperty().get()).isTrue();
        form.revert();
        assertThat(form.firstNameProperty().get()).isEmpty();
        assertThat(form.dirtyProperty().get()).isFalse();
    }

    @Test
    void aRefusedSaveKeepsEverythingTypedAndNamesEachProblem() {
        form.firstNameProperty().set("Åse");
        form.identityNumberProperty().set("811218-9875");
        form.commentProperty().set("Viktigt att komma ihåg");
        form.save();

        assertThat(saved).isEmpty();
        assertThat(form.firstNameProperty().get()).isEqualTo("Åse");
        assertThat(form.commentProperty().get()).isEqualTo("Viktigt att komma ihåg");
        assertThat(form.errorProperty(ParticipantField.LAST_NAME).get()).isEqualTo("Fältet måste fyllas i.");
        assertThat(form.errorProperty(ParticipantField.IDENTITY_NUMBER).get()).startsWith("Kontrollsiffran");
        assertThat(form.errorProperty(ParticipantField.FIRST_NAME).get()).isEmpty();
        assertThat(session.services().maintenance().info(session.actor()).participants()).isZero();
    }

    @Test
    void aSuccessfulSaveTurnsTheFormIntoAnEditOfTheSavedParticipant() {
        fillValid();
        form.save();

        assertThat(errors).isEmpty();
        assertThat(saved).singleElement().satisfies(p -> assertThat(p.data().lastName()).isEqualTo("Öberg"));
        assertThat(form.participantIdProperty().get()).isEqualTo(saved.getFirst().id());
        assertThat(form.titleProperty().get()).isEqualTo("Åse Öberg");
        assertThat(form.dirtyProperty().get()).isFalse();
    }

    @Test
    void theAgeWarningFollowsTheTypingAndNeverBlocks() {
        fillValid();
        form.programmeProperty().set(Programme.YOUNG_ADULTS);
        assertThat(form.ageWarningProperty().get()).contains("18 år", "Unga vuxna", "19–29");
        form.programmeProperty().set(Programme.YOUTH);
        assertThat(form.ageWarningProperty().get()).isEmpty();
        form.programmeProperty().set(Programme.YOUNG_ADULTS);
        form.save();
        assertThat(saved).hasSize(1);
    }

    @Test
    void aDuplicateIsNamedAndClearedWhenTheNumberChanges() {
        fillValid();
        form.save();
        form.startNew();
        fillValid();
        form.save();
        assertThat(form.duplicateOfProperty().get()).isNotNull();
        assertThat(form.errorProperty(ParticipantField.IDENTITY_NUMBER).get()).contains("Åse Öberg");

        form.identityNumberProperty().set(Pins.dashed("20080315", "238"));
        assertThat(form.duplicateOfProperty().get()).isNull();
        assertThat(form.errorProperty(ParticipantField.IDENTITY_NUMBER).get()).isEmpty();
    }

    @Test
    void aSaveOverAnotherUsersChangeNamesWhatChangedAndKeepsWhatWasTyped() {
        fillValid();
        form.save();
        Participant mine = saved.getFirst();
        // Someone else, in another window, moves her to the other programme and adds a phone number.
        session.services().participants().update(session.actor(), mine.id(), mine.version(),
                se.lotsbok.domain.participant.ParticipantInput.of(new se.lotsbok.domain.participant.ParticipantData(
                        "Åse", "Öberg", mine.data().identityNumber(), mine.data().birthDate(), Gender.WOMAN,
                        Programme.YOUNG_ADULTS, "070-765 43 21", "", "")));

        form.addressProperty().set("Storgatan 1, 123 45 Staden");
        form.save();

        assertThat(saved).hasSize(1);
        assertThat(form.formMessageProperty().get()).contains("Åse Öberg", "Program: Unga vuxna (var Unga)",
                "Telefon: 070-765 43 21 (var –)");
        assertThat(form.addressProperty().get()).isEqualTo("Storgatan 1, 123 45 Staden");
        assertThat(form.dirtyProperty().get()).isTrue();

        form.save();
        assertThat(saved).hasSize(2);
        assertThat(saved.getLast().data().address()).isEqualTo("Storgatan 1, 123 45 Staden");
    }

    private void fillValid() {
        form.firstNameProperty().set("Åse");
        form.lastNameProperty().set("Öberg");
        form.identityNumberProperty().set(Pins.dashed("20080314", "238"));
        form.genderProperty().set(Gender.WOMAN);
        form.programmeProperty().set(Programme.YOUTH);
    }
}
