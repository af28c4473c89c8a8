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
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.user.UsersViewModel;

/** "Användare" without a window: creating, a refusal in red, editing, and the form for the next one. */
class UsersViewModelTest {

    @TempDir
    Path temp;

    private Session admin;
    private UsersViewModel users;
    private final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        admin = TestRegister.create(TestDatabases.folder(temp)).login(TestRegister.ADMIN);
        users = new UsersViewModel(admin.services().users(), admin.actor(), Tasks.immediate(), Texts.swedish(),
                errors::add);
        users.load();
        users.newUser();
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void aNewUserIsCreatedWithATemporaryPasswordAndShownAsChosen() {
        createLotta();

        assertThat(users.messageProperty().get()).isEqualTo(Feedback.done(
                "Användaren lotta är skapad. Lämna det tillfälliga lösenordet personligen."));
        assertThat(users.users()).extracting(UserAccount::username).contains("lotta");
        assertThat(users.creatingProperty().get()).isFalse();
        assertThat(users.passwordProperty().get()).isEmpty();
        assertThat(users.selectedProperty().get().roles()).containsExactly(Role.NAVIGATOR);
        assertThat(errors).isEmpty();
    }

    @Test
    void theListSaysWhoseTemporaryPasswordIsNotYetReplacedAndWhoIsDeactivated() {
        createLotta();

        assertThat(users.status(listed("lotta"))).isEqualTo("Aktiv, tillfälligt lösenord");
        assertThat(users.status(listed(TestRegister.ADMIN))).isEqualTo("Aktiv");
        users.selectedProperty().set(listed("lotta"));
        users.deactivate();
        assertThat(users.status(listed("lotta"))).isEqualTo("Avaktiverad");
    }

    /** Lotta Ek, a lots, through the form with a temporary password. */
    private void createLotta() {
        users.usernameProperty().set("lotta");
        users.displayNameProperty().set("Lotta Ek");
        users.passwordProperty().set("ett tillfälligt lösenord");
        users.repeatedProperty().set("ett tillfälligt lösenord");
        users.save();
    }

    /** {@code username} as the list shows it now. */
    private UserAccount listed(String username) {
        return users.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void aShortPasswordIsRefusedInRedAndWhatWasTypedStays() {
        users.usernameProperty().set("lotta");
        users.displayNameProperty().set("Lotta Ek");
        users.passwordProperty().set("kort");
        users.repeatedProperty().set("kort");
        users.save();

        assertThat(users.messageProperty().get().kind()).isEqualTo(Feedback.Kind.REFUSED);
        assertThat(users.messageProperty().get().text()).isEqualTo("Lösenordet måste ha minst 12 tecken.");
        assertThat(users.usernameProperty().get()).isEqualTo("lotta");
        assertThat(users.users()).extracting(UserAccount::username).containsExactly(TestRegister.ADMIN);
    }

    @Test
    void theLastAdministratorCannotBeTakenAwayAndTheFormEmptiesForANewUser() {
        users.selectedProperty().set(users.users().getFirst());
        users.roleProperty(Role.ADMINISTRATOR).set(false);
        users.save();
        assertThat(users.messageProperty().get()).isEqualTo(Feedback.refused(
                "Det måste finnas minst en aktiv administratör."));

        users.newUser();
        assertThat(users.usernameProperty().get()).isEmpty();
        assertThat(users.roleProperty(Role.NAVIGATOR).get()).isTrue();
        assertThat(users.messageProperty().get()).isEqualTo(Feedback.NONE);
    }
}
