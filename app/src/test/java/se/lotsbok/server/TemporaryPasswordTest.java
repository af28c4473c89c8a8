package se.lotsbok.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.settings.SecuritySettings;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.user.UserService;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.store.server.ServerSetup;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.testing.TestServer;

/**
 * On an office server a password an administrator gives is temporary, as in a data folder: the
 * server's login accepts it for the unit's number of days, counted by the server's clock, which is
 * the one that checks it. A password a user chooses for themselves does not expire.
 */
class TemporaryPasswordTest {

    private static final long DAY = 86_400;
    private static final String TEMPORARY = "ett tillfälligt lösenord";

    @TempDir
    Path temp;

    private TestRegister register;
    private ServerAddress server;

    @BeforeEach
    void register() {
        register = TestRegister.onServer(TestDatabases.folder(temp), TestDatabases.CLOCK);
        server = register.server().orElseThrow();
    }

    @Test
    void theInstallersFirstAdministratorKeepsTheirPassword() throws SQLException {
        assertThat(secondsValid(TestRegister.ADMIN)).isNull();
    }

    @Test
    void aNewAccountsPasswordIsValidForTheUnitsDaysAndTheOneTheUserChoosesForEver() throws SQLException {
        create("chef");
        assertThat(secondsValid("chef")).isBetween(7 * DAY - 300, 7 * DAY);

        LoginResult first = register.loginService().login("chef", TEMPORARY.toCharArray());
        assertThat(first).isInstanceOf(LoginResult.LoggedIn.class);
        try (Session chef = ((LoginResult.LoggedIn) first).session()) {
            assertThat(chef.mustChangePassword()).isTrue();
            assertThat(chef.changePassword(TEMPORARY.toCharArray(), TestRegister.PASSWORD.toCharArray(),
                    TestRegister.PASSWORD.toCharArray())).isEmpty();
        }
        assertThat(secondsValid("chef")).isNull();
        assertThat(register.loginService().login("chef", TestRegister.PASSWORD.toCharArray()))
                .isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void aResetFollowsTheUnitsSettingOfDays() throws SQLException {
        create("chef");
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().settings().saveSecurity(admin.actor(), new SecuritySettings(15, 2));
            long id = admin.services().users().list(admin.actor()).stream().filter(u -> u.username().equals("chef"))
                    .findFirst().orElseThrow().id();
            assertThat(admin.services().users().resetPassword(admin.actor(), id, TEMPORARY.toCharArray(),
                    TEMPORARY.toCharArray())).isInstanceOf(UserService.Done.class);
        }
        assertThat(secondsValid("chef")).isBetween(2 * DAY - 300, 2 * DAY);
    }

    @Test
    void anExpiredTemporaryPasswordIsRefusedByTheServer() throws SQLException {
        create("chef");
        try (Connection installer = TestServer.installer(server); Statement s = installer.createStatement()) {
            s.execute("ALTER ROLE \"" + server.loginOf("chef") + "\" VALID UNTIL '2000-01-01 00:00:00+00'");
        }
        assertThat(register.loginService().login("chef", TEMPORARY.toCharArray())).isEqualTo(new LoginResult.Refused());
    }

    @Test
    void anUpgradeGivesThePasswordsAlreadyGivenButNotYetReplacedTheUnitsDays() throws SQLException {
        create("chef");
        create("lotta");
        LoginResult first = register.loginService().login("lotta", TEMPORARY.toCharArray());
        assertThat(first).isInstanceOf(LoginResult.LoggedIn.class);
        try (Session lotta = ((LoginResult.LoggedIn) first).session()) {
            assertThat(lotta.changePassword(TEMPORARY.toCharArray(), TestRegister.PASSWORD.toCharArray(),
                    TestRegister.PASSWORD.toCharArray())).isEmpty();
        }
        // As a server before migration 26 left them: no password expires, and 26 still to run.
        try (Connection installer = TestServer.installer(server); Statement s = installer.createStatement()) {
            for (String user : new String[] {"chef", "lotta", TestRegister.ADMIN}) {
                s.execute("ALTER ROLE \"" + server.loginOf(user) + "\" VALID UNTIL 'infinity'");
            }
            s.execute("DELETE FROM flyway_schema_history WHERE version = '26'");
        }
        assertThat(ServerSetup.upgrade(server, TestServer.INSTALLER, null, Map.of())).isEqualTo(1);

        assertThat(secondsValid("chef")).as("still the temporary password").isBetween(7 * DAY - 300, 7 * DAY);
        assertThat(secondsValid("lotta")).as("her own password").isNull();
        assertThat(secondsValid(TestRegister.ADMIN)).isNull();
    }

    private void create(String username) {
        try (Session admin = register.login(TestRegister.ADMIN)) {
            assertThat(admin.services().users().create(admin.actor(), username, "Chef", Set.of(Role.UNIT_HEAD), null,
                    TEMPORARY.toCharArray(), TEMPORARY.toCharArray())).isInstanceOf(UserService.Done.class);
        }
    }

    /** Seconds the login's password is still valid by the server's clock, or null when it never expires. */
    private Long secondsValid(String username) throws SQLException {
        try (Connection installer = TestServer.installer(server); Statement s = installer.createStatement();
                ResultSet row = s.executeQuery("SELECT CASE WHEN rolvaliduntil IS NULL OR rolvaliduntil = 'infinity'"
                        + " THEN NULL ELSE extract(epoch FROM rolvaliduntil - now())::bigint END FROM pg_roles"
                        + " WHERE rolname = '" + server.loginOf(username) + "'")) {
            assertThat(row.next()).as("a login for " + username).isTrue();
            long seconds = row.getLong(1);
            return row.wasNull() ? null : seconds;
        }
    }
}
