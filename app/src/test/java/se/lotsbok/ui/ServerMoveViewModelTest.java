package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.Session;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.testing.AnsweringDialogs;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.testing.TestServer;
import se.lotsbok.ui.backup.ServerMoveViewModel;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Question;
import se.lotsbok.ui.common.Tasks;

/** "Flytta registret till kontorsservern" without a window: a folder register, a real test PostgreSQL. */
class ServerMoveViewModelTest {

    @TempDir
    Path temp;

    private final Texts texts = Texts.swedish();
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private final List<String> ended = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private Session admin;
    private ServerMoveViewModel model;

    @BeforeEach
    void logIn() {
        TestRegister register = TestRegister.inFolder(TestDatabases.folder(temp), TestDatabases.CLOCK);
        admin = register.login(TestRegister.ADMIN);
        admin.services().participants().create(admin.actor(), ParticipantInputs.valid().build());
        model = new ServerMoveViewModel(admin.services().move(), admin.actor(), Tasks.immediate(), texts, dialogs,
                errors::add, ended::add);
    }

    @AfterEach
    void logOut() {
        admin.close();
    }

    @Test
    void aMalformedAddressIsShownBesideTheFieldAndNothingIsAskedOrLost() {
        fill("postgresql://server.kommun.se", "lotsbok_installer", "pg-lösen", TestRegister.PASSWORD);

        model.move();

        assertThat(model.addressErrorProperty().get()).isEqualTo(texts.get("move.address.invalid"));
        assertThat(model.messageProperty().get().kind()).isEqualTo(Feedback.Kind.REFUSED);
        assertThat(dialogs.asked()).isEmpty();
        assertThat(model.addressProperty().get()).isEqualTo("postgresql://server.kommun.se");
        assertThat(model.installerPasswordProperty().get()).isEqualTo("pg-lösen");
        assertThat(model.passwordProperty().get()).isEqualTo(TestRegister.PASSWORD);
    }

    @Test
    void emptyFieldsAreNamedOneByOne() {
        model.move();

        assertThat(model.addressErrorProperty().get()).isEqualTo(texts.get("move.address.missing"));
        assertThat(model.installerErrorProperty().get()).isEqualTo(texts.get("move.installer.missing"));
        assertThat(model.passwordErrorProperty().get()).isEqualTo(texts.get("move.password.missing"));
        assertThat(dialogs.asked()).isEmpty();
    }

    @Test
    void afterTheQuestionTheRegisterMovesAndTheSessionEndsWithTheServersFingerprint() {
        ServerAddress server = TestServer.initialisedDatabase();
        fill(server.toString(), TestServer.INSTALLER, "", TestRegister.PASSWORD);
        dialogs.answer(true);

        model.move();

        assertThat(errors).isEmpty();
        Question asked = dialogs.lastAsked();
        assertThat(asked.kind()).isEqualTo(Question.Kind.WARNING);
        assertThat(asked.text()).contains(server.toString(), "en enda transaktion", "orörd", "tillfälliga lösenord",
                "fingeravtryck");
        assertThat(ended).hasSize(1);
        String fingerprint;
        try (Session onServer = loginTo(server)) {
            assertThat(onServer.services().participants().list(onServer.actor())).hasSize(1);
            fingerprint = onServer.services().settings().signingFingerprint();
        }
        assertThat(ended.getFirst()).contains("Registret är flyttat till " + server, "1 deltagare",
                SigningKey.grouped(fingerprint), "starta Lotsbok med serverns adress");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aServerThatIsNotEmptyIsRefusedBesideTheAddressKeepingAllButThePasswords() {
        ServerAddress server = TestServer.initialisedDatabase();
        try (Session onServer = loginTo(server)) {
            onServer.services().navigators().createNavigator(onServer.actor(), "Redan här", null, TestDatabases.TODAY);
        }
        fill(server.toString(), TestServer.INSTALLER, "", TestRegister.PASSWORD);
        dialogs.answer(true);

        model.move();

        assertThat(ended).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(model.addressErrorProperty().get()).startsWith("Databasen på servern har redan ett registers uppgifter.");
        assertThat(model.messageProperty().get()).isEqualTo(Feedback.refused(texts.get("move.refusedAtField")));
        assertThat(model.addressProperty().get()).isEqualTo(server.toString());
        assertThat(model.installerProperty().get()).isEqualTo(TestServer.INSTALLER);
        assertThat(model.passwordProperty().get()).as("passwords are not kept").isEmpty();
    }

    @Test
    void aWrongPasswordIsShownBesideThePasswordField() {
        ServerAddress server = TestServer.initialisedDatabase();
        fill(server.toString(), TestServer.INSTALLER, "", "inte mitt lösenord");
        dialogs.answer(true);

        model.move();

        assertThat(ended).isEmpty();
        assertThat(model.passwordErrorProperty().get()).isEqualTo(texts.get("move.refused.WRONG_PASSWORD"));
        try (Session onServer = loginTo(server)) {
            assertThat(onServer.services().participants().list(onServer.actor())).isEmpty();
        }
    }

    @Test
    void goingBackAtTheQuestionMovesNothingAndKeepsTheForm() {
        ServerAddress server = TestServer.initialisedDatabase();
        fill(server.toString(), TestServer.INSTALLER, "", TestRegister.PASSWORD);
        dialogs.answer(false);

        model.move();

        assertThat(ended).isEmpty();
        assertThat(model.passwordProperty().get()).isEqualTo(TestRegister.PASSWORD);
        try (Session onServer = loginTo(server)) {
            assertThat(onServer.services().participants().list(onServer.actor())).isEmpty();
        }
    }

    private void fill(String address, String installer, String installerPassword, String password) {
        model.addressProperty().set(address);
        model.installerProperty().set(installer);
        model.installerPasswordProperty().set(installerPassword);
        model.passwordProperty().set(password);
    }

    private static Session loginTo(ServerAddress server) {
        LoginResult result = AppWiring.server(server, Map.of(), TestDatabases.CLOCK)
                .login(TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray());
        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        return ((LoginResult.LoggedIn) result).session();
    }
}
