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

    private final Actor actor;
    private final Database database;
    private final AppServices services;
    private final Vault vault;
    private final byte[] key;
    private boolean mustChangePassword;
    private boolean closed;

    Session(Actor actor, Database database, AppServices services, Vault vault, byte[] key, boolean mustChangePassword) {
        this.actor = actor;
        this.database = database;
        this.services = services;
        this.vault = vault;
        this.key = key;
        this.mustChangePassword = mustChangePassword;
    }

    public Actor actor() {
        return actor;
    }

    public AppServices services() {
        return services;
    }

    /** The data folder of the open register. */
    public java.nio.file.Path dataFolder() {
        return database.folder();
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
        vault.setPassword(key, actor.username(), password);
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
            Vault.forget(key);
        }
    }
}
