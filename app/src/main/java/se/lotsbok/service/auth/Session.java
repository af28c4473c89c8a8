package se.lotsbok.service.auth;

import java.util.Optional;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.service.AppServices;
import se.lotsbok.store.Database;
import se.lotsbok.store.security.Vault;

/** A logged-in user with the open register. Closing it logs out and closes the database. */
public final class Session implements AutoCloseable {

    /** Where the user's own password lives: wrapping the key in the data folder, or the server's login. */
    interface Keys {
        void setOwnPassword(String username, char[] password);

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

    Session(Actor actor, Database database, AppServices services, Vault vault, byte[] key, boolean mustChangePassword) {
        this(actor, database, services, database.folder(), new Keys() {
            @Override
            public void setOwnPassword(String username, char[] password) {
                vault.setPassword(key, username, password);
            }

            @Override
            public void forget() {
                Vault.forget(key);
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

    /** Sets the user's own new password; empty when it was accepted. */
    public Optional<Credentials.Problem> changePassword(char[] password, char[] repeated) {
        Optional<Credentials.Problem> problem = Credentials.checkNewPassword(actor.username(), password, repeated);
        if (problem.isPresent()) {
            return problem;
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

    /** Logs out: the logout is logged, the database closed and the key wiped from memory. */
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
            }
        } finally {
            database.close();
            keys.forget();
        }
    }
}
