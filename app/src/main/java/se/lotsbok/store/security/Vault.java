package se.lotsbok.store.security;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.lotsbok.domain.user.Credentials;

/**
 * The key file of one data folder: unlocks the database key with a user's password, counts failed
 * attempts in a row and makes the account wait after too many (the count survives a restart), keeps
 * failed logins until the access log can be opened to record them, and carries a change of the
 * database key through to its end, even across a crash.
 */
public final class Vault {

    /** Failed attempts that make any account wait the longest time; a broken seal counts as this many. */
    private static final int LOCKED = Credentials.FREE_ATTEMPTS + 10;

    /** The outcome of an attempt to unlock. */
    public sealed interface Unlock {
    }

    /**
     * The password was right. {@code nextKey} is set while a change of the database key is under way
     * (after a crash): the database file is encrypted with one of the two. {@code keyChange} says
     * whether a change is due or under way.
     */
    public record Unlocked(byte[] key, byte[] nextKey, Optional<KeyFile.KeyChangeState> keyChange)
            implements Unlock {
    }

    /** Wrong user name or password; the two are never told apart. */
    public record Refused() implements Unlock {
    }

    /** Too many failures in a row (or an altered key file): no attempt is checked until {@code until}. */
    public record MustWait(Instant until) implements Unlock {
    }

    /** The right temporary password, but it has expired: an administrator must set a new one. */
    public record Expired() implements Unlock {
    }

    /** What a completed change of the key did: the users whose entries could not carry the new key. */
    public record KeyChanged(List<String> leftOut) {
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

    /** Makes a new database key and gives {@code username} the first key pair, holding it. */
    public byte[] create(String username, char[] password) {
        KeyWrap.UserKeys keys = keyWrap.newUserKeys(password);
        return KeyFile.update(folder, file -> {
            if (file.hasUsers()) {
                throw new IllegalStateException("the key file already has users");
            }
            byte[] key = KeyWrap.newDatabaseKey();
            file.putUser(username, KeyFile.UserEntry.of(keys, KeyWrap.sealTo(keys.publicKey(), key), null));
            file.seal(key);
            return key;
        });
    }

    /**
     * Checks {@code password} for {@code username}. The slow part (PBKDF2) runs without the file's
     * lock; what it found is then applied to the file as it is by then, so a user removed or given a
     * new password meanwhile is refused, and no other program's change is lost.
     */
    public Unlock unlock(String username, char[] password) {
        Instant now = clock.instant();
        record Attempt(KeyFile.UserEntry entry, Instant waitUntil) {
        }
        Attempt attempt = KeyFile.update(folder, file -> {
            Optional<KeyFile.UserEntry> entry = file.user(username);
            if (entry.isEmpty()) {
                return null;
            }
            Optional<Instant> until = waitUntil(file, username, entry.get()).filter(now::isBefore);
            if (until.isPresent()) {
                file.addPending(now, username, KeyFile.PendingKind.NOT_CHECKED);
            }
            return new Attempt(entry.get(), until.orElse(null));
        });
        if (attempt == null) {
            keyWrap.spendEquivalentTime(password);
            KeyFile.update(folder, file -> {
                file.addPending(now, username, KeyFile.PendingKind.NOT_CHECKED);
                return null;
            });
            return new Refused();
        }
        if (attempt.waitUntil() != null) {
            return new MustWait(attempt.waitUntil());
        }
        Opened opened = open(attempt.entry(), password);
        // A first-release entry gets a key pair now, while the password is at hand (outside the lock).
        KeyWrap.UserKeys upgrade = opened != null && attempt.entry().firstFormat() ? keyWrap.newUserKeys(password) : null;
        return KeyFile.update(folder, file -> {
            Optional<KeyFile.UserEntry> current = file.user(username)
                    .filter(e -> samePassword(e, attempt.entry()));
            if (opened == null || current.isEmpty()) {
                file.addPending(now, username, current.isPresent() ? KeyFile.PendingKind.FAILED
                        : KeyFile.PendingKind.NOT_CHECKED);
                Optional<Instant> until = file.user(username).flatMap(e -> waitUntil(file, username, e))
                        .filter(now::isBefore);
                return until.isPresent() ? new MustWait(until.get()) : new Refused();
            }
            KeyFile.UserEntry entry = current.get();
            Keys keys = opened.keysFor(entry);
            if (keys == null) {
                file.addPending(now, username, KeyFile.PendingKind.NOT_CHECKED);
                return new Refused();
            }
            if (!file.sealValid(keys.key())) {
                lockEveryone(file, now);
                file.addPending(now, username, KeyFile.PendingKind.ALTERED);
                file.seal(keys.key());
                forget(keys.key());
                return new MustWait(now.plus(Credentials.waitAfter(LOCKED)));
            }
            if (entry.temporaryPasswordExpires().filter(now::isAfter).isPresent()) {
                file.addPending(now, username, KeyFile.PendingKind.EXPIRED);
                file.seal(keys.key());
                forget(keys.key());
                return new Expired();
            }
            KeyFile.UserEntry cleared = entry.withCounts(0, null, file.lastSeq());
            if (upgrade != null) {
                cleared = cleared.withKeys(upgrade, KeyWrap.sealTo(upgrade.publicKey(), keys.key()), null);
            }
            file.putUser(username, cleared);
            file.seal(keys.key());
            return new Unlocked(keys.key(), keys.next(), file.keyChange().map(KeyFile.KeyChange::state));
        });
    }

    /**
     * The kept events up to number {@code upToSeq} are in the access log: they are dropped, and the
     * failed logins among them are folded into the sealed counts.
     */
    public void recorded(byte[] key, long upToSeq) {
        KeyFile.update(folder, file -> {
            boolean sealed = file.sealValid(key);
            if (sealed) {
                for (KeyFile.PendingEvent event : file.pending()) {
                    if (event.seq() > upToSeq || event.kind() != KeyFile.PendingKind.FAILED) {
                        continue;
                    }
                    file.user(event.username()).filter(e -> event.seq() > e.clearedSeq()).ifPresent(e -> {
                        String last = e.lastFailure() == null || Instant.parse(e.lastFailure()).isBefore(Instant.parse(event.at()))
                                ? event.at() : e.lastFailure();
                        file.putUser(event.username(), e.withCounts(e.failures() + 1, last, e.clearedSeq()));
                    });
                }
            }
            file.dropPendingUpTo(upToSeq);
            if (sealed) {
                file.seal(key);
            } else {
                // An altered file is left for the next login to find; only what is logged goes.
                file.changedWithoutKey();
            }
            return null;
        });
    }

    /**
     * Gives {@code username} a new key pair under {@code password}, holding {@code key}: any password
     * they had before opens nothing from now on. With {@code temporaryUntil}, the password opens
     * nothing after that moment.
     */
    public void setPassword(byte[] key, String username, char[] password, Instant temporaryUntil) {
        KeyWrap.UserKeys keys = keyWrap.newUserKeys(password);
        KeyFile.update(folder, file -> {
            String sealed = KeyWrap.sealTo(keys.publicKey(), key);
            file.putUser(username, file.user(username)
                    .map(e -> e.withKeys(keys, sealed, temporaryUntil))
                    .orElseGet(() -> KeyFile.UserEntry.of(keys, sealed, temporaryUntil)));
            file.seal(key);
            return null;
        });
    }

    /** Takes away {@code username}'s entry: that password no longer opens anything in this file. */
    public void removeUser(byte[] key, String username) {
        KeyFile.update(folder, file -> {
            file.removeUser(username);
            file.seal(key);
            return null;
        });
    }

    /** The failed logins (and findings) kept for the access log, oldest first. */
    public List<KeyFile.PendingEvent> pending() {
        return KeyFile.load(folder).pending();
    }

    /** Whether a change of the database key is due or under way. */
    public Optional<KeyFile.KeyChangeState> keyChange() {
        return KeyFile.load(folder).keyChange().map(KeyFile.KeyChange::state);
    }

    /** Notes that the key must be changed as soon as no other program has the register open. */
    public void keyChangeDue(byte[] key) {
        KeyFile.update(folder, file -> {
            for (Map.Entry<String, KeyFile.UserEntry> user : file.users().entrySet()) {
                file.putUser(user.getKey(), user.getValue().withSealed(user.getValue().sealedKey(), null));
            }
            file.setKeyChange(new KeyFile.KeyChange(KeyFile.KeyChangeState.DUE, null));
            file.seal(key);
            return null;
        });
    }

    /**
     * First step of a change of the database key from {@code key} to {@code next}: every user with a
     * key pair gets {@code next} sealed beside the current key, and the earlier keys are sealed under
     * {@code next}. Until {@link #finishKeyChange} both keys open, so that a crash in between leaves a
     * register that opens with whichever key its file has.
     */
    public void beginKeyChange(byte[] key, byte[] next) {
        KeyFile.update(folder, file -> {
            List<String> nextHistory = new ArrayList<>();
            nextHistory.add(KeyWrap.sealEarlierKey(next, key));
            for (byte[] earlier : earlierKeys(file, key)) {
                nextHistory.add(KeyWrap.sealEarlierKey(next, earlier));
                forget(earlier);
            }
            for (Map.Entry<String, KeyFile.UserEntry> user : file.users().entrySet()) {
                KeyFile.UserEntry entry = user.getValue();
                file.putUser(user.getKey(), entry.withSealed(entry.sealedKey(),
                        entry.firstFormat() ? null : KeyWrap.sealTo(entry.publicKey(), next)));
            }
            file.setKeyChange(new KeyFile.KeyChange(KeyFile.KeyChangeState.IN_PROGRESS, nextHistory));
            file.seal(key);
            return null;
        });
    }

    /**
     * Last step: the database file is encrypted with {@code next}, which becomes the one key. Entries
     * of the first release (no key pair) cannot be given it and are removed: those users need a new
     * password from an administrator.
     */
    public KeyChanged finishKeyChange(byte[] key, byte[] next) {
        return KeyFile.update(folder, file -> {
            List<String> leftOut = new ArrayList<>();
            for (Map.Entry<String, KeyFile.UserEntry> user : Map.copyOf(file.users()).entrySet()) {
                KeyFile.UserEntry entry = user.getValue();
                if (entry.firstFormat()) {
                    file.removeUser(user.getKey());
                    leftOut.add(user.getKey());
                } else {
                    file.putUser(user.getKey(), entry.withSealed(entry.nextSealedKey() != null ? entry.nextSealedKey()
                            : KeyWrap.sealTo(entry.publicKey(), next), null));
                }
            }
            List<String> history = file.keyChange().map(KeyFile.KeyChange::nextHistory).orElse(null);
            if (history == null) {
                history = new ArrayList<>(List.of(KeyWrap.sealEarlierKey(next, key)));
                for (byte[] earlier : earlierKeys(file, key)) {
                    history.add(KeyWrap.sealEarlierKey(next, earlier));
                }
            }
            file.setHistory(history);
            file.setKeyChange(null);
            file.seal(next);
            return new KeyChanged(List.copyOf(leftOut.stream().sorted().toList()));
        });
    }

    /** The register's earlier database keys, newest first: what older backups are encrypted with. */
    public List<byte[]> earlierKeys(byte[] key) {
        return earlierKeys(KeyFile.load(folder), key);
    }

    /** The users that have an entry, i.e. a password that opens the register. */
    public List<String> usernames() {
        return List.copyOf(KeyFile.load(folder).users().keySet());
    }

    /** Wipes a key from memory once it is no longer needed. */
    public static void forget(byte[] key) {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static List<byte[]> earlierKeys(KeyFile file, byte[] key) {
        List<byte[]> keys = new ArrayList<>();
        for (String sealed : file.history()) {
            KeyWrap.openEarlierKey(key, sealed).ifPresent(keys::add);
        }
        return keys;
    }

    /** When the account may try again, if it must wait: the folded count plus the failures kept since. */
    private static Optional<Instant> waitUntil(KeyFile file, String username, KeyFile.UserEntry entry) {
        int count = entry.failures();
        Instant last = entry.lastFailure() == null ? null : Instant.parse(entry.lastFailure());
        for (KeyFile.PendingEvent event : file.pending()) {
            if (event.username().equals(username) && event.kind() == KeyFile.PendingKind.FAILED
                    && event.seq() > entry.clearedSeq()) {
                count++;
                Instant at = Instant.parse(event.at());
                last = last == null || at.isAfter(last) ? at : last;
            }
        }
        if (entry.waitUntil() != null) {
            // An entry of the first release kept its own wait.
            Instant firstRelease = Instant.parse(entry.waitUntil());
            Duration more = Credentials.waitAfter(count);
            Instant until = last == null ? firstRelease : last.plus(more);
            return Optional.of(until.isAfter(firstRelease) ? until : firstRelease);
        }
        Duration wait = Credentials.waitAfter(count);
        return wait.isZero() || last == null ? Optional.empty() : Optional.of(last.plus(wait));
    }

    /** After a broken seal nobody's count can be trusted: every account waits the longest time from now. */
    private static void lockEveryone(KeyFile file, Instant now) {
        for (Map.Entry<String, KeyFile.UserEntry> user : Map.copyOf(file.users()).entrySet()) {
            file.putUser(user.getKey(), user.getValue().withCounts(LOCKED, now.toString(), file.lastSeq()));
        }
    }

    private static boolean samePassword(KeyFile.UserEntry now, KeyFile.UserEntry tried) {
        return now.firstFormat() == tried.firstFormat()
                && (now.firstFormat() ? now.sealedKey().equals(tried.sealedKey())
                        : now.sealedPrivateKey().equals(tried.sealedPrivateKey()) && now.salt().equals(tried.salt()));
    }

    /** The database key and, during a key change, the next one. */
    private record Keys(byte[] key, byte[] next) {
    }

    /** What the password opened: the private key, or (first release) the database key itself. */
    private record Opened(PrivateKey privateKey, byte[] firstFormatKey) {

        /** The keys in {@code entry} as the file holds it now. */
        Keys keysFor(KeyFile.UserEntry entry) {
            if (firstFormatKey != null) {
                return new Keys(firstFormatKey.clone(), null);
            }
            Optional<byte[]> key = KeyWrap.openSealed(privateKey, entry.sealedKey());
            if (key.isEmpty()) {
                return null;
            }
            byte[] next = entry.nextSealedKey() == null ? null
                    : KeyWrap.openSealed(privateKey, entry.nextSealedKey()).orElse(null);
            return new Keys(key.get(), next);
        }
    }

    private static Opened open(KeyFile.UserEntry entry, char[] password) {
        if (entry.firstFormat()) {
            return KeyWrap.unwrap(entry.firstFormatWrapping(), password).map(k -> new Opened(null, k)).orElse(null);
        }
        return KeyWrap.openPrivateKey(entry.keys(), password).map(p -> new Opened(p, null)).orElse(null);
    }
}
