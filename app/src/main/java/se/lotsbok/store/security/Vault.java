package se.lotsbok.store.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import se.lotsbok.domain.user.Credentials;

/**
 * The key file of one data folder: unlocks the database key with a user's password, counts failed
 * attempts in a row and makes the account wait after too many (the count survives a restart),
 * and keeps failed logins until the access log can be opened to record them.
 */
public final class Vault {

    /** The outcome of an attempt to unlock. */
    public sealed interface Unlock {
    }

    public record Unlocked(byte[] key, List<KeyFile.PendingEvent> failedSinceLastLogin) implements Unlock {
    }

    /** Wrong user name or password; the two are never told apart. */
    public record Refused() implements Unlock {
    }

    /** Too many failures in a row: no attempt is checked until {@code until}. */
    public record MustWait(Instant until) implements Unlock {
    }

    private final Path folder;
    private final KeyWrap keyWrap;
    private final Clock clock;

    public Vault(Path folder, KeyWrap keyWrap, Clock clock) {
        this.folder = folder;
        this.keyWrap = keyWrap;
        this.clock = clock;
    }

    /**
     * Whether the key file exists, without reading it: the login window decides with this before its
     * first frame and confirms with {@link #isNew()} (which loads the JSON library) after it.
     * {@code KeyFile.FILE_NAME} is a constant, so the check does not load the key file's class either.
     */
    public boolean hasKeyFile() {
        return java.nio.file.Files.exists(folder.resolve(KeyFile.FILE_NAME));
    }

    /** True until the first user has been created. */
    public boolean isNew() {
        return !KeyFile.exists(folder) || !KeyFile.load(folder).hasUsers();
    }

    /** Makes a new database key and gives {@code username} the first wrapping of it. */
    public byte[] create(String username, char[] password) {
        KeyFile file = KeyFile.load(folder);
        if (file.hasUsers()) {
            throw new IllegalStateException("the key file already has users");
        }
        byte[] key = KeyWrap.newDatabaseKey();
        file.putUser(username, KeyFile.UserEntry.of(keyWrap.wrap(key, password)));
        file.save();
        return key;
    }

    public Unlock unlock(String username, char[] password) {
        KeyFile file = KeyFile.load(folder);
        Instant now = clock.instant();
        Optional<KeyFile.UserEntry> entry = file.user(username);
        if (entry.isEmpty()) {
            keyWrap.spendEquivalentTime(password);
            file.addPending(new KeyFile.PendingEvent(now.toString(), username));
            file.save();
            return new Refused();
        }
        KeyFile.UserEntry user = entry.get();
        Optional<Instant> waitUntil = user.waitsUntil().filter(now::isBefore);
        if (waitUntil.isPresent()) {
            file.addPending(new KeyFile.PendingEvent(now.toString(), username));
            file.save();
            return new MustWait(waitUntil.get());
        }
        Optional<byte[]> key = KeyWrap.unwrap(user.wrapped(), password);
        if (key.isEmpty()) {
            int failures = user.failures() + 1;
            Duration wait = Credentials.waitAfter(failures);
            file.putUser(username, user.withFailures(failures, wait.isZero() ? null : now.plus(wait)));
            file.addPending(new KeyFile.PendingEvent(now.toString(), username));
            file.save();
            return wait.isZero() ? new Refused() : new MustWait(now.plus(wait));
        }
        file.putUser(username, user.withFailures(0, null));
        file.save();
        return new Unlocked(key.get(), file.pending());
    }

    /** Forgets the first {@code count} failed logins, once they are in the access log. */
    public void clearPending(int count) {
        KeyFile file = KeyFile.load(folder);
        file.dropPending(count);
        file.save();
    }

    /** Gives {@code username} a (new) wrapping of the key, replacing any old password. */
    public void setPassword(byte[] key, String username, char[] password) {
        KeyFile file = KeyFile.load(folder);
        file.putUser(username, KeyFile.UserEntry.of(keyWrap.wrap(key, password)));
        file.save();
    }

    /** Takes away {@code username}'s wrapping: that password no longer opens anything. */
    public void removeUser(String username) {
        KeyFile file = KeyFile.load(folder);
        file.removeUser(username);
        file.save();
    }

    /** Wipes a key from memory once it is no longer needed. */
    public static void forget(byte[] key) {
        Arrays.fill(key, (byte) 0);
    }
}
