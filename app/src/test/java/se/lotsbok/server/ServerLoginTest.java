package se.lotsbok.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.Session;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.testing.TestServer;

/** Logging in to a register on a real PostgreSQL server, as a login of the server. */
class ServerLoginTest {

    @Test
    void theFirstAdministratorLogsInAndTheAccessLogIsIntact() {
        ServerAddress server = TestServer.initialisedDatabase();
        LoginResult result = AppWiring.server(server, Map.of(), TestDatabases.CLOCK)
                .login(TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray());
        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        try (Session session = ((LoginResult.LoggedIn) result).session()) {
            assertThat(session.actor().username()).isEqualTo(TestRegister.ADMIN);
            session.services().participants().create(session.actor(), ParticipantInputs.valid().build());
            assertThat(session.services().accessLog().verify(session.actor()))
                    .isInstanceOf(AccessLogChain.Intact.class);
        }
    }

    @Test
    void aWrongPasswordIsRefusedByTheServer() {
        ServerAddress server = TestServer.initialisedDatabase();
        assertThat(AppWiring.server(server, Map.of(), TestDatabases.CLOCK)
                .login(TestRegister.ADMIN, "inte rätt lösenord".toCharArray()))
                .isEqualTo(new LoginResult.Refused());
    }
}
