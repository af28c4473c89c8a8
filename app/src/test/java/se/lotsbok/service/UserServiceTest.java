package se.lotsbok.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.user.UserService;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

class UserServiceTest {

    private static final char[] TEMPORARY = "tillfälligt lösen".toCharArray();

    @TempDir
    Path temp;

    private TestRegister register;

    @BeforeEach
    void register() {
        register = TestRegister.create(TestDatabases.folder(temp));
    }

    @Test
    void aNewUserLogsInWithTheTemporaryPasswordAndMustChooseTheirOwn() {
        try (Session admin = register.login(TestRegister.ADMIN)) {
            assertThat(admin.services().users().create(admin.actor(), "Lotta", "Lotta Lind", Set.of(Role.NAVIGATOR),
                    null, TEMPORARY, TEMPORARY)).isInstanceOf(UserService.Done.class);
        }
        LoginResult first = register.loginService().login("lotta", TEMPORARY);
        assertThat(first).isInstanceOfSatisfying(LoginResult.LoggedIn.class, in -> {
            try (Session session = in.session()) {
                assertThat(session.mustChangePassword()).isTrue();
                assertThat(session.changePassword(TEMPORARY, "kort".toCharArray(), "kort".toCharArray()))
                        .contains(Credentials.Problem.PASSWORD_TOO_SHORT);
                assertThat(session.changePassword(TEMPORARY, "mitt eget lösenord".toCharArray(),
                        "mitt eget lösenord".toCharArray()))
                        .isEmpty();
            }
        });
        assertThat(register.loginService().login("lotta", TEMPORARY)).isEqualTo(new LoginResult.Refused());
        LoginResult own = register.loginService().login("lotta", "mitt eget lösenord".toCharArray());
        assertThat(own).isInstanceOfSatisfying(LoginResult.LoggedIn.class, in -> {
            assertThat(in.session().mustChangePassword()).isFalse();
            in.session().close();
        });
    }

    @Test
    void aTakenUserNameIsRefused() {
        try (Session admin = register.login(TestRegister.ADMIN)) {
            assertThat(admin.services().users().create(admin.actor(), "ADMIN", "Another", Set.of(Role.NAVIGATOR), null,
                    TEMPORARY, TEMPORARY)).isEqualTo(new UserService.Rejected(Credentials.Problem.USERNAME_TAKEN));
        }
    }

    @Test
    void theLastAdministratorCanNeitherBeDeactivatedNorLoseTheRole() {
        try (Session admin = register.login(TestRegister.ADMIN)) {
            long id = admin.actor().userId();
            assertThat(admin.services().users().deactivate(admin.actor(), id))
                    .isEqualTo(new UserService.NotPossible("users.error.lastAdministrator"));
            assertThat(admin.services().users().update(admin.actor(), id, "Adam", Set.of(Role.UNIT_HEAD), null))
                    .isEqualTo(new UserService.NotPossible("users.error.lastAdministrator"));
        }
    }

    @Test
    void aResetPasswordReplacesTheOldOne() {
        register.userWith("lotta", Role.NAVIGATOR).close();
        try (Session admin = register.login(TestRegister.ADMIN)) {
            UserAccount lotta = admin.services().users().list(admin.actor()).stream()
                    .filter(u -> u.username().equals("lotta")).findFirst().orElseThrow();
            assertThat(admin.services().users().resetPassword(admin.actor(), lotta.id(), TEMPORARY, TEMPORARY))
                    .isInstanceOf(UserService.Done.class);
        }
        assertThat(register.loginService().login("lotta", TestRegister.PASSWORD.toCharArray())).isEqualTo(new LoginResult.Refused());
        LoginResult withTemporary = register.loginService().login("lotta", TEMPORARY);
        assertThat(withTemporary).isInstanceOfSatisfying(LoginResult.LoggedIn.class, in -> {
            assertThat(in.session().mustChangePassword()).isTrue();
            in.session().close();
        });
    }

    @Test
    void aUserCanBeLinkedToOneNavigatorRecord() {
        try (var db = register.openDirectly()) {
            db.transaction(r -> r.navigators().insert("Lotta Lind", TestDatabases.CLOCK.instant()));
        }
        try (Session admin = register.login(TestRegister.ADMIN)) {
            long navigator = admin.services().users().navigators(admin.actor()).getFirst().id();
            var first = admin.services().users().create(admin.actor(), "lotta", "Lotta", Set.of(Role.NAVIGATOR),
                    navigator, TEMPORARY, TEMPORARY);
            assertThat(((UserService.Done) first).user().navigatorId()).isEqualTo(navigator);
            assertThat(admin.services().users().create(admin.actor(), "lisa", "Lisa", Set.of(Role.NAVIGATOR),
                    navigator, TEMPORARY, TEMPORARY)).isEqualTo(new UserService.NotPossible("users.error.navigatorTaken"));
        }
    }

    @Test
    void aChangeOfRolesIsLoggedWithTheRolesGrantedAndRemoved() {
        register.userWith("lotta", Role.NAVIGATOR).close();
        try (Session admin = register.login(TestRegister.ADMIN)) {
            var lotta = admin.services().users().list(admin.actor()).stream()
                    .filter(u -> u.username().equals("lotta")).findFirst().orElseThrow();
            admin.services().users().update(admin.actor(), lotta.id(), "Lotta", Set.of(Role.UNIT_HEAD, Role.ADMINISTRATOR),
                    null);
            assertThat(admin.services().accessLog().review(admin.actor(), se.lotsbok.domain.access.AccessLogQuery.all()))
                    .filteredOn(e -> e.event() == se.lotsbok.domain.access.AccessEvent.USER_CHANGED)
                    .extracting(se.lotsbok.domain.access.AccessLogEntry::detail)
                    .containsExactly("user=" + lotta.id() + " granted=UNIT_HEAD,ADMINISTRATOR removed=NAVIGATOR");
        }
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOneAndAWrongOneCountsAsAFailedLogin() {
        try (Session lotta = register.userWith("lotta", Role.NAVIGATOR)) {
            char[] fresh = "ett helt nytt lösenord".toCharArray();
            assertThat(lotta.changePassword("inte det nuvarande".toCharArray(), fresh, fresh))
                    .contains(Credentials.Problem.CURRENT_PASSWORD_WRONG);
            assertThat(lotta.changePassword(TestRegister.PASSWORD.toCharArray(), fresh, fresh)).isEmpty();
        }
        assertThat(register.loginService().login("lotta", TestRegister.PASSWORD.toCharArray()))
                .isEqualTo(new LoginResult.Refused());
        if (TestRegister.onServer()) {
            return; // failed logins on an office server are the server's to count and log
        }
        try (Session admin = register.login(TestRegister.ADMIN)) {
            assertThat(admin.services().accessLog().review(admin.actor(), se.lotsbok.domain.access.AccessLogQuery.all()))
                    .filteredOn(e -> e.event() == se.lotsbok.domain.access.AccessEvent.LOGIN_FAILED)
                    .extracting(se.lotsbok.domain.access.AccessLogEntry::username).containsExactly("lotta", "lotta");
        }
    }
}
