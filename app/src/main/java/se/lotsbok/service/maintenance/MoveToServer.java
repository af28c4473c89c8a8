package se.lotsbok.service.maintenance;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.store.security.KeyWrap;
import se.lotsbok.store.security.Vault;
import se.lotsbok.store.move.RegisterMove;
import se.lotsbok.store.server.ServerAddress;

/**
 * Moving a unit's register from its data folder to the office server ({@code move-to-server}): an
 * administrator of the register unwraps its key with their password, and the register is read
 * without being opened for writing, so the folder stays as it was (no login or log row is written
 * there). The server side is written by its installer, in one transaction ({@link RegisterMove}).
 */
public final class MoveToServer {

    /** The password does not unwrap the register's key for that user. */
    public static final class LoginRefused extends RuntimeException {
        LoginRefused() {
            super("wrong user name or password");
        }
    }

    private MoveToServer() {
    }

    /**
     * @throws LoginRefused when {@code username} and {@code password} do not open the register
     * @throws RegisterMove.Refused when the user, the register or the server is not as required
     */
    public static RegisterMove.Moved move(Path folder, String username, char[] password, ServerAddress to,
            String installer, char[] installerPassword, Map<String, String> env, Clock clock) {
        if (!KeyFile.exists(folder)) {
            throw new RegisterMove.Refused(RegisterMove.Problem.FOLDER_UNREADABLE, null);
        }
        String name = Credentials.normaliseUsername(username);
        // As a login to the folder does: a wrong password counts towards the account's wait.
        Optional<byte[]> key = new Vault(folder, new KeyWrap(KeyWrap.DEFAULT_ITERATIONS), clock).unlock(name, password)
                instanceof Vault.Unlocked unlocked ? Optional.of(unlocked.key()) : Optional.empty();
        if (key.isEmpty()) {
            throw new LoginRefused();
        }
        try {
            return RegisterMove.move(folder, key.get(), name, to, installer, installerPassword, env, clock.instant());
        } finally {
            Vault.forget(key.get());
        }
    }
}
