package se.lotsbok.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.AuthService;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.user.UserService;
import se.lotsbok.store.Database;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.store.security.KeyWrap;

/**
 * A register made the way the product makes one (first administrator, encrypted database), with a
 * low PBKDF2 iteration count so that tests stay fast. Logs users in through the real login.
 */
public final class TestRegister {

    /** Few iterations for tests only; the product uses {@link KeyWrap#DEFAULT_ITERATIONS}. */
    public static final KeyWrap FAST_KEYS = new KeyWrap(1_000);
    public static final String ADMIN = "admin";
    public static final String PASSWORD = "ett långt lösenord";

    private final Path folder;
    private final Clock clock;

    private TestRegister(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** The register already in {@code folder}. */
    public static TestRegister at(Path folder) {
        return new TestRegister(folder, TestDatabases.CLOCK);
    }

    /** Creates the register in {@code folder} with {@value #ADMIN} as first administrator. */
    public static TestRegister create(Path folder) {
        return create(folder, TestDatabases.CLOCK);
    }

    /**
     * As {@link #create(Path)}, with sessions living on {@code clock} (a {@link MutableClock} lets a
     * test write a register over years and then look at it from later).
     */
    public static TestRegister create(Path folder, Clock clock) {
        TestRegister register = new TestRegister(folder, clock);
        AuthService.FirstAdministrator created = register.auth().createFirstAdministrator(ADMIN, "Adam Admin",
                PASSWORD.toCharArray(), PASSWORD.toCharArray());
        ((AuthService.Created) created).session().close();
        return register;
    }

    public Path folder() {
        return folder;
    }

    public AuthService auth() {
        return AppWiring.auth(folder, clock, FAST_KEYS);
    }

    /**
     * Opens the database directly with the key the administrator's password unwraps, bypassing the
     * login and its log rows: for generating large test registers quickly.
     */
    public Database openDirectly() {
        return Database.open(folder, key(), TestDatabases.CLOCK);
    }

    /** The register's database key, as the administrator's password unwraps it. */
    public byte[] key() {
        return keyOf(ADMIN);
    }

    /** The database key as {@code username}'s password ({@link #PASSWORD}) unwraps it. */
    public byte[] keyOf(String username) {
        KeyFile.UserEntry entry = KeyFile.load(folder).user(username).orElseThrow();
        var privateKey = KeyWrap.openPrivateKey(entry.keys(), PASSWORD.toCharArray()).orElseThrow();
        return KeyWrap.openSealed(privateKey, entry.sealedKey()).orElseThrow();
    }

    /** Logs {@code username} in with {@link #PASSWORD}. */
    public Session login(String username) {
        LoginResult result = auth().login(username, PASSWORD.toCharArray());
        if (!(result instanceof LoginResult.LoggedIn loggedIn)) {
            throw new AssertionError("login of " + username + " failed: " + result);
        }
        return loggedIn.session();
    }

    /** Logs {@code username} in, first adding them with {@code roles} if they do not exist yet. */
    public Session userOrLogin(String username, Role... roles) {
        LoginResult result = auth().login(username, PASSWORD.toCharArray());
        return result instanceof LoginResult.LoggedIn loggedIn ? loggedIn.session() : userWith(username, roles);
    }

    /** Adds a user with {@code roles} (password {@link #PASSWORD}, already chosen) and logs them in. */
    public Session userWith(String username, Role... roles) {
        try (Session admin = login(ADMIN)) {
            UserService.Outcome outcome = admin.services().users().create(admin.actor(), username,
                    username.substring(0, 1).toUpperCase() + username.substring(1), Set.of(roles), null,
                    PASSWORD.toCharArray(), PASSWORD.toCharArray());
            if (!(outcome instanceof UserService.Done)) {
                throw new AssertionError("cannot create " + username + ": " + outcome);
            }
        }
        Session session = login(username);
        session.changePassword(PASSWORD.toCharArray(), PASSWORD.toCharArray(), PASSWORD.toCharArray());
        return session;
    }
}
