package se.lotsbok.service.auth;

import java.time.Instant;
import java.util.Optional;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.service.AppServices;
import se.lotsbok.store.Database;
import se.lotsbok.store.security.Vault;

/** A logged-in user with the open register. Closing it logs out and closes the database. */
public final class Session implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Session.class.getName());

    /** What came of checking the user's password again (to unlock a locked window). */
    public sealed interface PasswordCheck {
    }

    public record Right() implements PasswordCheck {
    }

    public record Wrong() implements PasswordCheck {
    }

    /** Too many wrong passwords in a row: no attempt is checked until {@code until}. */
    public record MustWait(Instant until) implements PasswordCheck {
    }

    /** Where the user's own password lives: a key pair in the data folder's key file, or the server's login. */
    interface Keys {
        void setOwnPassword(String username, char[] password);

        /** Checks the password again as a login does (a wrong one counts where failed logins are counted). */
        PasswordCheck check(String username, char[] password);

        /** At logout: makes a change of the register's key that had to wait (a data folder's register only). */
        void changeIfDue();

        /** Wipes what the session holds of the key at logout. */
        void forget();
    }

    private final Actor actor;
    private final Database database;
    private final AppServices services;
    private final Keys keys;
    /** The folder on this computer: the register's, or the user's own beside an office server. */
    private final java.nio.file.Path folder;
    private boolean mustChangePassword;
    private boolean closed;

    Session(Actor actor, Database database, AppServices services, Vault vault, SessionKey key,
            boolean mustChangePassword) {
        this(actor, database, services, database.folder(), new Keys() {
            @Override
            public void setOwnPassword(String username, char[] password) {
                key.setPassword(username, password, null);
            }

            @Override
            public PasswordCheck check(String username, char[] password) {
                Vault.Unlock unlock = vault.unlock(username, password);
                if (unlock instanceof Vault.Unlocked unlocked) {
                    Vault.forget(unlocked.key());
                    Vault.forget(unlocked.nextKey());
                }
                FailedLogins.record(vault, database, key.current());
                return switch (unlock) {
                    case Vault.Unlocked unlocked -> new Right();
                    case Vault.MustWait wait -> new MustWait(wait.until());
                    case Vault.Refused refused -> new Wrong();
                    case Vault.Expired expired -> new Wrong();
                };
            }

            @Override
            public void changeIfDue() {
                key.changeIfDue();
            }

            @Override
            public void forget() {
                key.forget();
            }
        }, mustChangePassword);
    }

    Session(Actor actor, Database database, AppServices services, java.nio.file.Path folder, Keys keys,
            boolean mustChangePassword) {
        this.actor = actor;
        this.database = database;
        this.services = services;
        this.folder = folder;
        this.keys = keys;
        this.mustChangePassword = mustChangePassword;
    }

    public Actor actor() {
        return actor;
    }

    public AppServices services() {
        return services;
    }

    /**
     * The data folder on this computer: the open register's, or, when the register is on an office
     * server, the user's own folder, which holds the log files.
     */
    public java.nio.file.Path dataFolder() {
        return folder;
    }

    /** The office server the register is on, as the user named it; empty for a register in a data folder. */
    public Optional<String> server() {
        return database.server().map(Object::toString);
    }

    /** True after an administrator set a temporary password: a new one must be chosen first. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /**
     * Sets the user's own new password after checking the current one (a wrong one counts as a failed
     * login); empty when it was accepted. The user gets a new key pair: the old password opens
     * nothing, not even in a copy of the key file taken before.
     */
    public Optional<Credentials.Problem> changePassword(char[] currentPassword, char[] password, char[] repeated) {
        Optional<Credentials.Problem> problem = Credentials.checkNewPassword(actor.username(), password, repeated);
        if (problem.isPresent()) {
            return problem;
        }
        if (!(checkPassword(currentPassword) instanceof Right)) {
            return Optional.of(Credentials.Problem.CURRENT_PASSWORD_WRONG);
        }
        keys.setOwnPassword(actor.username(), password);
        database.transaction(repos -> {
            repos.users().setMustChangePassword(actor.userId(), false);
            repos.accessLog().append(actor, AccessEvent.PASSWORD_CHANGED, null, "");
            return null;
        });
        mustChangePassword = false;
        return Optional.empty();
    }

    /**
     * Checks the user's password again, as a login does (in a data folder a wrong one counts, the
     * account waits after too many, and a wrong one is in the access log at once).
     */
    public PasswordCheck checkPassword(char[] password) {
        return keys.check(actor.username(), password);
    }

    private void compactIfDue() {
        try {
            services.maintenance().compactIfDue();
        } catch (RuntimeException e) {
            // The file stays as large as it is; the next logout tries again.
            LOG.log(System.Logger.Level.WARNING, "the register could not be compacted ({0})",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Logs out: the logout is logged, a key change that had to wait is made if the register is ours
     * alone now, the file is compacted if it has grown much, the database closed and the key wiped.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // After a restore the register this session opened is gone; the restore was logged instead.
            if (database.isOpen()) {
                database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.LOGOUT, null, ""));
                keys.changeIfDue();
                if (database.server().isEmpty()) {
                    compactIfDue();
                }
            }
        } finally {
            database.close();
            keys.forget();
        }
    }
}
