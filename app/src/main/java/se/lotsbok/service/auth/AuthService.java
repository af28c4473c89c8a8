package se.lotsbok.service.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.service.ServicesFactory;
import se.lotsbok.store.Database;
import se.lotsbok.store.common.StoreException;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.store.security.KeyWrap;
import se.lotsbok.store.security.Vault;

/**
 * Logging in to one data folder. Nothing of the register can be read before: the database is
 * encrypted with a key that only a user's password unwraps.
 */
public final class AuthService implements Login {

    /** The first administrator was created, or a rule refused what was typed. */
    public sealed interface FirstAdministrator {
    }

    public record Created(Session session) implements FirstAdministrator {
    }

    public record Rejected(Credentials.Problem problem) implements FirstAdministrator {
    }

    private final Path folder;
    private final Clock clock;
    private final Vault vault;
    private final ServicesFactory services;

    public AuthService(Path folder, Clock clock, KeyWrap keyWrap, ServicesFactory services) {
        this.folder = folder;
        this.clock = clock;
        this.vault = new Vault(folder, keyWrap, clock);
        this.services = services;
    }

    @Override
    public Path folder() {
        return folder;
    }

    /**
     * Loads and links, in the background while the login window waits for a password, what a login
     * runs: the key derivation, opening the private key and what is sealed to it, and the database engine with every migration (on a
     * throwaway database in memory). Touches no file of the register.
     */
    @Override
    public void warmUp() {
        char[] password = "warm-up".toCharArray();
        KeyWrap.UserKeys keys = new KeyWrap(1_000).newUserKeys(password);
        KeyWrap.openPrivateKey(keys, password).ifPresent(privateKey ->
                KeyWrap.openSealed(privateKey, KeyWrap.sealTo(keys.publicKey(), KeyWrap.newDatabaseKey())));
        Database.warmUp(clock);
    }

    /**
     * False on a first start for certain (no key file); true means that users probably exist, which
     * {@link #needsFirstAdministrator()} confirms. Reads no file, so the login window can ask before
     * its first frame.
     */
    @Override
    public boolean mayHaveUsers() {
        return vault.hasKeyFile();
    }

    @Override
    public String location() {
        return folder.toAbsolutePath().toString();
    }

    /** True on first start: no user exists, and the first one to be created is the administrator. */
    @Override
    public boolean needsFirstAdministrator() {
        return vault.isNew();
    }

    /**
     * Creates the register with {@code username} as its first administrator, holding every role,
     * and logs them in. A database written before encryption existed is encrypted first.
     */
    @Override
    public FirstAdministrator createFirstAdministrator(String username, String displayName, char[] password,
            char[] repeated) {
        String name = Credentials.normaliseUsername(username);
        Optional<Credentials.Problem> problem = Credentials.checkNewAccount(name, displayName, password, repeated);
        if (problem.isPresent()) {
            return new Rejected(problem.get());
        }
        if (!vault.isNew()) {
            throw new IllegalStateException("the register already has users");
        }
        byte[] key = vault.create(name, password);
        Database database = openDatabase(key, true);
        UserAccount admin = database.transaction(repos -> {
            UserAccount created = repos.users().insert(name, TypedText.strip(displayName), Role.unitRoles(), null,
                    false, clock.instant());
            repos.accessLog().append(created.asActor(), AccessEvent.USER_CREATED, null, "first administrator");
            repos.accessLog().append(created.asActor(), AccessEvent.LOGIN, null, "");
            return created;
        });
        SessionKey sessionKey = new SessionKey(vault, database, key);
        return new Created(new Session(admin.asActor(), database, services.create(database, sessionKey), vault,
                sessionKey, false));
    }

    /**
     * Checks the password, opens the register and logs the user in. Failed attempts are counted
     * (the account waits after {@value Credentials#FREE_ATTEMPTS} in a row) and logged.
     */
    @Override
    public LoginResult login(String username, char[] password) {
        String name = Credentials.normaliseUsername(username);
        Vault.Unlock unlock = vault.unlock(name, password);
        return switch (unlock) {
            case Vault.Refused refused -> new LoginResult.Refused();
            case Vault.MustWait wait -> new LoginResult.MustWait(wait.until());
            case Vault.Expired expired -> new LoginResult.Expired();
            case Vault.Unlocked unlocked -> open(name, unlocked);
        };
    }

    /**
     * Rebuilds the register from an SQL script that {@code MaintenanceService.script} wrote (in this
     * or an older Lotsbok, under any H2 version), then logs the administrator in. The folder holds the
     * key file copied from the old folder and no register yet. Refused with nothing left behind when
     * the folder is not so, the script cannot be read, or the user is no administrator in it.
     */
    public LoginResult restoreFromScript(String username, char[] password, Path script) {
        if (Database.exists(folder)) {
            throw new ScriptRefused(ScriptRefused.Reason.REGISTER_EXISTS, null);
        }
        if (vault.isNew()) {
            throw new ScriptRefused(ScriptRefused.Reason.NO_KEY_FILE, null);
        }
        String name = Credentials.normaliseUsername(username);
        Vault.Unlock unlock = vault.unlock(name, password);
        if (!(unlock instanceof Vault.Unlocked unlocked)) {
            return unlock instanceof Vault.MustWait wait ? new LoginResult.MustWait(wait.until()) : new LoginResult.Refused();
        }
        try {
            Database.restoreFromScript(folder, unlocked.key(), script);
        } catch (StoreException e) {
            throw new ScriptRefused(ScriptRefused.Reason.UNREADABLE, e);
        }
        LoginResult result = open(name, unlocked);
        if (result instanceof LoginResult.LoggedIn loggedIn) {
            if (!loggedIn.session().actor().roles().contains(Role.ADMINISTRATOR)) {
                loggedIn.session().close();
                Database.discard(folder);
                throw new ScriptRefused(ScriptRefused.Reason.NOT_ADMINISTRATOR, null);
            }
            loggedIn.session().services().maintenance().restoredFromScript(loggedIn.session().actor());
        } else {
            Database.discard(folder);
        }
        return result;
    }

    private LoginResult open(String name, Vault.Unlocked unlocked) {
        byte[] key = keyOfTheFile(unlocked);
        Database database = openDatabase(key, false);
        FailedLogins.record(vault, database, key);
        Optional<UserAccount> user = database.transaction(repos -> {
            Optional<UserAccount> account = repos.users().findByUsername(name).filter(UserAccount::active);
            if (account.isPresent()) {
                repos.accessLog().append(account.get().asActor(), AccessEvent.LOGIN, null, "");
            } else {
                repos.accessLog().append(clock.instant(), null, name, AccessEvent.LOGIN_FAILED, null, "inactive");
            }
            return account;
        });
        if (user.isEmpty()) {
            database.close();
            Vault.forget(key);
            return new LoginResult.Refused();
        }
        SessionKey sessionKey = new SessionKey(vault, database, key);
        // A key change that had to wait (someone else had the register open) is made now, if it can be.
        sessionKey.changeIfDue();
        return new LoginResult.LoggedIn(new Session(user.get().asActor(), database,
                services.create(database, sessionKey), vault, sessionKey, user.get().mustChangePassword()));
    }

    /**
     * The key the database file is encrypted with. Normally the one key; after a key change cut short
     * by a crash, the new key if the re-encrypted file was already in place (the change is then
     * finished), else the old one (the change is then due again).
     */
    private byte[] keyOfTheFile(Vault.Unlocked unlocked) {
        if (unlocked.nextKey() == null) {
            return unlocked.key();
        }
        try {
            if (Database.exists(folder) && Database.opensWith(folder, unlocked.nextKey())) {
                Database.completeKeyChange(folder, unlocked.key(), unlocked.nextKey());
                vault.finishKeyChange(unlocked.key(), unlocked.nextKey());
                Vault.forget(unlocked.key());
                return unlocked.nextKey();
            }
            vault.keyChangeDue(unlocked.key());
            Vault.forget(unlocked.nextKey());
            return unlocked.key();
        } catch (StoreException e) {
            throw new RegisterUnavailable(RegisterUnavailable.Reason.CANNOT_OPEN, "", e);
        }
    }

    private Database openDatabase(byte[] key, boolean first) {
        try {
            if (first && Database.exists(folder)) {
                // A register from before encryption at rest: encrypted in place, never stranded.
                Database.encryptExisting(folder, key);
            }
            return Database.open(folder, key, clock);
        } catch (StoreException.InUse e) {
            throw new RegisterUnavailable(RegisterUnavailable.Reason.IN_USE, "", e);
        } catch (StoreException.TooNew e) {
            throw new RegisterUnavailable(RegisterUnavailable.Reason.TOO_NEW, e.fileVersion(), e);
        } catch (StoreException e) {
            throw new RegisterUnavailable(RegisterUnavailable.Reason.CANNOT_OPEN, "", e);
        }
    }

}
