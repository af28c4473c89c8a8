package se.lotsbok.service.auth;

import java.time.Instant;
import java.util.List;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.store.Database;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.store.security.Vault;

/** Writes the failed logins the key file kept (the log cannot be opened without a password) to the access log. */
final class FailedLogins {

    private static final System.Logger LOG = System.getLogger(FailedLogins.class.getName());

    private FailedLogins() {
    }

    /**
     * Writes them in a transaction of their own: whatever someone typed at the prompt must never be
     * able to stop a login. If they cannot be written now they stay kept, and the next login tries again.
     */
    static void record(Vault vault, Database database, byte[] key) {
        List<KeyFile.PendingEvent> kept = vault.pending();
        if (kept.isEmpty()) {
            return;
        }
        try {
            database.transaction(repos -> {
                for (KeyFile.PendingEvent event : kept) {
                    Long userId = repos.users().findByUsername(event.username()).map(UserAccount::id).orElse(null);
                    repos.accessLog().append(Instant.parse(event.at()), userId, event.username(),
                            event.kind() == KeyFile.PendingKind.ALTERED ? AccessEvent.KEY_FILE_ALTERED
                                    : AccessEvent.LOGIN_FAILED, null, detail(event.kind()));
                }
                return null;
            });
            vault.recorded(key, kept.getLast().seq());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "earlier failed logins could not be written to the access log ({0})",
                    e.getClass().getSimpleName());
        }
    }

    private static String detail(KeyFile.PendingKind kind) {
        return switch (kind) {
            case FAILED -> "";
            case NOT_CHECKED -> "not checked";
            case EXPIRED -> "temporary password expired";
            case ALTERED -> "lockout record altered";
        };
    }
}
