package se.lotsbok.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.user.Role;
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
    void aStadssamordnareLogsInAndSeesTheUnitAndItsKeyButTheDatabaseGivesThemNothingOfItsPeople(@TempDir Path temp)
            throws SQLException {
        TestRegister register = TestRegister.onServer(TestDatabases.folder(temp), TestDatabases.CLOCK);
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            chef.services().participants().create(chef.actor(), ParticipantInputs.valid().build());
        }
        try (Session admin = register.login(TestRegister.ADMIN)) {
            assertThat(admin.services().settings().rename(admin.actor(), "Norr")).isEmpty();
        }
        try (Session city = register.userWith("stad", Role.CITY_COORDINATOR)) {
            assertThat(city.services().settings().load().unitName()).isEqualTo("Norr");
            assertThat(city.services().settings().signingFingerprint()).isNotBlank();
        }
        ServerAddress server = register.server().orElseThrow();
        Properties login = new Properties();
        login.setProperty("user", server.loginOf("stad"));
        login.setProperty("password", TestRegister.PASSWORD);
        login.setProperty("currentSchema", ServerAddress.SCHEMA);
        List<String> read = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), login); Statement s = c.createStatement()) {
            for (String table : List.of("participant", "case_event", "journal_note", "discharge_follow_up",
                    "extract_release", "access_log", "report_change", "tally_export")) {
                try {
                    s.executeQuery("SELECT * FROM " + table).close();
                    read.add(table);
                } catch (SQLException e) {
                    assertThat(e.getSQLState()).as(table).isEqualTo("42501");
                }
            }
            assertThatThrownBy(() -> s.executeQuery("SELECT private_key FROM signing_key"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
        assertThat(read).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedByTheServer() {
        ServerAddress server = TestServer.initialisedDatabase();
        assertThat(AppWiring.server(server, Map.of(), TestDatabases.CLOCK)
                .login(TestRegister.ADMIN, "inte rätt lösenord".toCharArray()))
                .isEqualTo(new LoginResult.Refused());
    }
}
