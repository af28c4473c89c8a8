package se.lotsbok.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.AppWiring;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.maintenance.ServerMove;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.testing.TestServer;

/**
 * The move as the window makes it: from the session of the folder's administrator, with the register
 * open, and every refusal as one {@link ServerMove.Refused}.
 */
class ServerMoveTest {

    @TempDir
    Path temp;

    @Test
    void theOpenRegisterOfTheLoggedInAdministratorMovesToTheServer() {
        TestRegister register = TestRegister.inFolder(TestDatabases.folder(temp), TestDatabases.CLOCK);
        ServerAddress server = TestServer.initialisedDatabase();
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().participants().create(admin.actor(), ParticipantInputs.valid().build());
            assertThat(admin.services().move().possible()).isTrue();

            ServerMove.Moved moved = admin.services().move().move(admin.actor(), server.toString(),
                    TestRegister.PASSWORD.toCharArray(), TestServer.INSTALLER, null);

            assertThat(moved.participants()).isEqualTo(1);
            assertThat(moved.server()).isEqualTo(server.toString());
            assertThat(moved.fingerprint()).hasSize(64);
        }
        LoginResult onServer = AppWiring.server(server, Map.of(), TestDatabases.CLOCK)
                .login(TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray());
        assertThat(onServer).isInstanceOf(LoginResult.LoggedIn.class);
        try (Session session = ((LoginResult.LoggedIn) onServer).session()) {
            assertThat(session.services().participants().list(session.actor())).hasSize(1);
            assertThat(session.services().move().possible()).as("a register on a server moves no further").isFalse();
        }
    }

    @Test
    void aDatabaseThatWasNotSetUpIsRefused() {
        assertRefused(TestServer.newDatabase().toString(), TestRegister.PASSWORD,
                ServerMove.Problem.SERVER_NOT_READY);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertRefused(TestServer.initialisedDatabase().toString(), "inte mitt lösenord",
                ServerMove.Problem.WRONG_PASSWORD);
    }

    @Test
    void aServerThatDoesNotAnswerIsRefused() {
        assertRefused(TestServer.address("finns_inte").toString(), TestRegister.PASSWORD,
                ServerMove.Problem.UNREACHABLE);
    }

    @Test
    void onlyAServerAddressIsAnAddress() {
        assertThat(ServerMove.address(" postgresql://db.kommun.se:5432/sig_norr ")).contains("postgresql://db.kommun.se/sig_norr");
        assertThat(ServerMove.address("postgresql://db.kommun.se")).isEmpty();
        assertThat(ServerMove.address("db.kommun.se/sig_norr")).isEmpty();
    }

    private void assertRefused(String address, String password, ServerMove.Problem problem) {
        TestRegister register = TestRegister.inFolder(TestDatabases.folder(temp), TestDatabases.CLOCK);
        try (Session admin = register.login(TestRegister.ADMIN)) {
            assertThatThrownBy(() -> admin.services().move().move(admin.actor(), address, password.toCharArray(),
                    TestServer.INSTALLER, null))
                    .isInstanceOfSatisfying(ServerMove.Refused.class, e -> assertThat(e.problem()).isEqualTo(problem));
        }
    }
}
