package se.lotsbok.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.user.Role;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import se.lotsbok.service.auth.AuthService;
import se.lotsbok.service.auth.Login;
import se.lotsbok.store.server.ServerAddress;
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

    /**
     * Whether the registers that tests create are on the test PostgreSQL server rather than in H2
     * files: {@code -Dlotsbok.test.engine=postgresql}, as the build's second test run sets it, so that
     * the same store, service and report tests run on both engines.
     */
    private static volatile boolean onServer = "postgresql".equals(System.getProperty("lotsbok.test.engine"));
    /** The server database standing for each folder a test named, when {@link #onServer()}. */
    private static final Map<Path, ServerAddress> SERVERS = new ConcurrentHashMap<>();

    private final Path folder;
    private final Clock clock;

    /** Whether registers are created on the test server in this run (see above). */
    public static boolean onServer() {
        return onServer;
    }

    /** Makes the registers created from now on be on the test server, or H2 files: for benchmarks that compare. */
    public static void useServer(boolean server) {
        onServer = server;
    }

    private TestRegister(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** The register already in {@code folder} (or the server database standing for it). */
    public static TestRegister at(Path folder) {
        return new TestRegister(folder, TestDatabases.CLOCK);
    }

    /**
     * The register at {@code location}: a folder, or a server address that a test in another JVM was
     * given by {@link #location()}.
     */
    public static TestRegister at(String location) {
        Optional<ServerAddress> address = ServerAddress.parse(location);
        if (address.isEmpty()) {
            return at(Path.of(location));
        }
        Path standIn = Path.of("server-" + address.get().database()).toAbsolutePath();
        SERVERS.put(standIn, address.get());
        return new TestRegister(standIn, TestDatabases.CLOCK);
    }

    /** Where the register is, for a program in another JVM: the folder, or the server's address. */
    public String location() {
        return server().map(ServerAddress::toString).orElse(folder.toString());
    }

    /** The register on the server that stands for this folder, when tests run on the server. */
    public Optional<ServerAddress> server() {
        return Optional.ofNullable(SERVERS.get(folder.toAbsolutePath()));
    }

    /** The server database standing for {@code folder}, set up at first use. */
    static ServerAddress serverFor(Path folder) {
        return SERVERS.computeIfAbsent(folder.toAbsolutePath(), f -> TestServer.initialisedDatabase());
    }

    /** Creates a register on the test server with {@value #ADMIN} as first administrator, whatever the engine of the run. */
    public static TestRegister onServer(Path folder, Clock clock) {
        SERVERS.put(folder.toAbsolutePath(), TestServer.initialisedDatabase());
        return new TestRegister(folder, clock);
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
        return onServer ? onServer(folder, clock) : inFolder(folder, clock);
    }

    /** Creates the register as an H2 file in {@code folder}, whatever the engine of the run. */
    public static TestRegister inFolder(Path folder, Clock clock) {
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

    /** Logging in to this register: its data folder, or its database on the test server. */
    public Login loginService() {
        return server().<Login>map(address -> AppWiring.server(address, Map.of(), clock)).orElseGet(this::auth);
    }

    /**
     * Opens the database directly with the key the administrator's password unwraps, bypassing the
     * login and its log rows: for generating large test registers quickly.
     */
    public Database openDirectly() {
        // On the server as its installer, past row-level security, as the file's own user is on H2.
        return server().map(address -> Database.connect(address, TestServer.INSTALLER, null, Map.of(),
                TestDatabases.CLOCK)).orElseGet(() -> Database.open(folder, key(), TestDatabases.CLOCK));
    }

    /**
     * A plain JDBC connection past Lotsbok, with the most rights there are: the file's own user, or on
     * the server the installer (a superuser), so that what is refused there is refused by the database.
     */
    public java.sql.Connection rawConnection() throws java.sql.SQLException {
        return server().isPresent() ? TestServer.installer(server().get()) : se.lotsbok.store.RawConnection.open(folder, key());
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
        LoginResult result = loginService().login(username, PASSWORD.toCharArray());
        if (!(result instanceof LoginResult.LoggedIn loggedIn)) {
            throw new AssertionError("login of " + username + " failed: " + result);
        }
        return loggedIn.session();
    }

    /** Logs {@code username} in, first adding them with {@code roles} if they do not exist yet. */
    public Session userOrLogin(String username, Role... roles) {
        LoginResult result = loginService().login(username, PASSWORD.toCharArray());
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
