package se.lotsbok.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.domain.user.Role;
import se.lotsbok.testing.MutableClock;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

class AuthServiceTest {

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"), TestDatabases.STOCKHOLM);
    private Path folder;

    @BeforeEach
    void register() {
        folder = TestDatabases.folder(temp);
        TestRegister.create(folder);
    }

    @Test
    void aNewFolderAsksForTheFirstAdministratorWhoGetsEveryRole() {
        AuthService fresh = auth(temp.resolve("ny"));
        assertThat(fresh.needsFirstAdministrator()).isTrue();
        AuthService.FirstAdministrator result = fresh.createFirstAdministrator("Anna", "Anna Berg",
                "ett långt lösenord".toCharArray(), "ett långt lösenord".toCharArray());
        assertThat(result).isInstanceOfSatisfying(AuthService.Created.class, created -> {
            try (Session session = created.session()) {
                assertThat(session.actor().username()).isEqualTo("anna");
                assertThat(session.actor().roles()).isEqualTo(Role.unitRoles());
            }
        });
        assertThat(fresh.needsFirstAdministrator()).isFalse();
    }

    @Test
    void theFirstAdministratorsPasswordMustFollowTheRules() {
        AuthService fresh = auth(temp.resolve("ny"));
        assertThat(fresh.createFirstAdministrator("anna", "Anna", "kort".toCharArray(), "kort".toCharArray()))
                .isEqualTo(new AuthService.Rejected(Credentials.Problem.PASSWORD_TOO_SHORT));
        assertThat(fresh.needsFirstAdministrator()).isTrue();
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefusedAlike() {
        assertThat(auth(folder).login(TestRegister.ADMIN, "fel lösenord!".toCharArray())).isEqualTo(new LoginResult.Refused());
        assertThat(auth(folder).login("okand", TestRegister.PASSWORD.toCharArray())).isEqualTo(new LoginResult.Refused());
    }

    @Test
    void afterFiveFailuresInARowTheAccountWaitsEvenForTheRightPassword() {
        AuthService auth = auth(folder);
        for (int i = 0; i < 4; i++) {
            assertThat(auth.login(TestRegister.ADMIN, "fel lösenord!".toCharArray())).isEqualTo(new LoginResult.Refused());
        }
        assertThat(auth.login(TestRegister.ADMIN, "fel lösenord!".toCharArray()))
                .isEqualTo(new LoginResult.MustWait(clock.instant().plusSeconds(30)));
        // a restart does not reset the count: a new service reads the same key file
        assertThat(auth(folder).login(TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray()))
                .isInstanceOf(LoginResult.MustWait.class);

        clock.advance(Duration.ofSeconds(31));
        LoginResult result = auth(folder).login(TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray());
        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        ((LoginResult.LoggedIn) result).session().close();
    }

    @Test
    void failedLoginsAreWrittenToTheAccessLogAtTheNextSuccessfulOne() {
        auth(folder).login(TestRegister.ADMIN, "fel lösenord!".toCharArray());
        auth(folder).login("inkraktare", "vad som helst!!".toCharArray());
        try (Session chef = TestRegister.at(folder).userWith("chef", Role.UNIT_HEAD)) {
            List<AccessLogEntry> failed = chef.services().accessLog().review(chef.actor(), AccessLogQuery.all())
                    .stream().filter(e -> e.event() == AccessEvent.LOGIN_FAILED).toList();
            assertThat(failed).extracting(AccessLogEntry::username).containsExactlyInAnyOrder("admin", "inkraktare");
            assertThat(failed).filteredOn(e -> e.username().equals("admin")).singleElement()
                    .satisfies(e -> assertThat(e.userId()).isNotNull());
        }
    }

    @Test
    void aDeactivatedUserCannotLogIn() {
        TestRegister register = TestRegister.at(folder);
        register.userWith("lotta", Role.NAVIGATOR).close();
        try (Session admin = register.login(TestRegister.ADMIN)) {
            long id = admin.services().users().list(admin.actor()).stream()
                    .filter(u -> u.username().equals("lotta")).findFirst().orElseThrow().id();
            admin.services().users().deactivate(admin.actor(), id);
        }
        assertThat(auth(folder).login("lotta", TestRegister.PASSWORD.toCharArray())).isEqualTo(new LoginResult.Refused());
    }

    @Test
    void theProductHashesPasswordsAsOwaspRecommends() {
        assertThat(se.lotsbok.store.security.KeyWrap.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(600_000);
        AuthService product = AppWiring.auth(temp.resolve("produkt"), clock);
        var created = (AuthService.Created) product.createFirstAdministrator("anna", "Anna",
                "ett långt lösenord".toCharArray(), "ett långt lösenord".toCharArray());
        created.session().close();
        var entry = se.lotsbok.store.security.KeyFile.load(temp.resolve("produkt")).user("anna").orElseThrow();
        assertThat(entry.iterations()).isEqualTo(600_000);
        assertThat(java.util.Base64.getDecoder().decode(entry.salt())).hasSize(16);
    }

    private AuthService auth(Path where) {
        return AppWiring.auth(where, clock, TestRegister.FAST_KEYS);
    }
}
