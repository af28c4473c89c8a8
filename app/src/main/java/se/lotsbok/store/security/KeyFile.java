package se.lotsbok.store.security;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.store.common.StoreException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file beside the database that holds, per user, the database key sealed for that user (see
 * {@link KeyWrap}), the count of failed logins in a row, and the failed logins not yet written to the
 * access log (which cannot be opened without a correct password). It holds no personal data of
 * participants and nothing that opens the database without a password.
 *
 * <p>Every change is a read-modify-write under an operating-system lock on {@code lotsbok.keys.lock}
 * (and a lock inside this program), written to a temporary file of its own and moved into place, so
 * that two programs on one PC never lose each other's changes: a login spends half a second in
 * PBKDF2 between reading and writing.
 *
 * <p>What a program writes with the database key at hand (users, counts folded in at a login, the key
 * change in progress, earlier keys) is sealed with a MAC under a key derived from the database key,
 * as the access log head's copy is. Failed logins arrive without any key, so they are kept unsealed
 * until the next login writes them to the access log and folds them into the sealed counts.
 */
public final class KeyFile {

    public static final String FILE_NAME = "lotsbok.keys";
    /** An empty file whose operating-system lock guards every change of the key file. */
    public static final String LOCK_NAME = "lotsbok.keys.lock";
    /** The first release: the key wrapped directly per user, nothing sealed. */
    static final int FIRST_FORMAT = 1;
    static final int FORMAT = 2;
    private static final int MAX_PENDING = 1_000;
    /** Reads files of the first release too, which lack the newer fields (they read as 0 or null). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    /** One byte sequence per content, for the seal: properties and map keys in a fixed order. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final Map<Path, ReentrantLock> IN_PROGRAM = new ConcurrentHashMap<>();

    /**
     * One user's entry. From the second format on: the key pair ({@code salt}, {@code iterations},
     * {@code sealedPrivateKey}, {@code publicKey}), the database key sealed to the public key, and
     * while a key change is under way the new key sealed likewise ({@code nextSealedKey}). A first-format
     * entry has no key pair and {@code sealedKey} is the key wrapped by the password.
     *
     * @param temporaryUntil ISO instant after which a temporary password no longer opens anything, or null
     * @param failures failed logins in a row, as folded in at the last login
     * @param lastFailure ISO instant of the newest of those, or null
     * @param clearedSeq failed logins kept with a number up to this one came before the user's last login
     * @param waitUntil first format only: when the account could try again
     */
    public record UserEntry(String salt, int iterations, String sealedPrivateKey, String publicKey,
            String sealedKey, String nextSealedKey, String temporaryUntil, int failures, String lastFailure,
            long clearedSeq, String waitUntil) {

        static UserEntry of(KeyWrap.UserKeys keys, String sealedKey, Instant temporaryUntil) {
            return new UserEntry(keys.salt(), keys.iterations(), keys.sealedPrivateKey(), keys.publicKey(), sealedKey,
                    null, temporaryUntil == null ? null : temporaryUntil.toString(), 0, null, 0, null);
        }

        /** An entry from the first release, before key pairs. */
        public boolean firstFormat() {
            return publicKey == null;
        }

        public KeyWrap.UserKeys keys() {
            return new KeyWrap.UserKeys(salt, iterations, sealedPrivateKey, publicKey);
        }

        KeyWrap.Wrapped firstFormatWrapping() {
            return new KeyWrap.Wrapped(salt, iterations, sealedKey);
        }

        Optional<Instant> temporaryPasswordExpires() {
            return Optional.ofNullable(temporaryUntil).map(Instant::parse);
        }

        UserEntry withKeys(KeyWrap.UserKeys keys, String sealed, Instant temporary) {
            return new UserEntry(keys.salt(), keys.iterations(), keys.sealedPrivateKey(), keys.publicKey(), sealed,
                    null, temporary == null ? null : temporary.toString(), failures, lastFailure, clearedSeq, null);
        }

        UserEntry withSealed(String sealed, String next) {
            return new UserEntry(salt, iterations, sealedPrivateKey, publicKey, sealed, next, temporaryUntil, failures,
                    lastFailure, clearedSeq, waitUntil);
        }

        UserEntry withCounts(int count, String last, long cleared) {
            return new UserEntry(salt, iterations, sealedPrivateKey, publicKey, sealedKey, nextSealedKey,
                    temporaryUntil, count, last, cleared, null);
        }
    }

    /** What kind of event a kept entry is. */
    public enum PendingKind {
        /** A wrong password for a known user: counts towards the wait. */
        FAILED,
        /** The right temporary password after it expired. */
        EXPIRED,
        /** An attempt not checked: an unknown user name, or one made while the account waited. */
        NOT_CHECKED,
        /** The sealed part of this file did not match its seal at a login. */
        ALTERED
    }

    /** A failed login (or a finding) waiting to be written to the access log at the next successful login. */
    public record PendingEvent(long seq, String at, String username, PendingKind kind) {
    }

    /** A change of the database key under way ({@code IN_PROGRESS}) or still to be made ({@code DUE}). */
    public record KeyChange(KeyChangeState state, List<String> nextHistory) {
    }

    public enum KeyChangeState {
        DUE,
        IN_PROGRESS
    }

    record Content(int format, Map<String, UserEntry> users, List<PendingEvent> pending, long nextSeq,
            List<String> history, KeyChange keyChange, String seal) {
    }

    /** The part of the file a seal covers. */
    record SealedPart(int format, Map<String, UserEntry> users, List<String> history, KeyChange keyChange) {
    }

    private final Map<String, UserEntry> users;
    private final List<PendingEvent> pending;
    private final List<String> history;
    private final int readFormat;
    private final String seal;
    private long nextSeq;
    private KeyChange keyChange;
    private boolean sealedNow;
    private byte[] sealWith;

    private KeyFile(int readFormat, Map<String, UserEntry> users, List<PendingEvent> pending, long nextSeq,
            List<String> history, KeyChange keyChange, String seal) {
        this.readFormat = readFormat;
        this.users = users;
        this.pending = pending;
        this.nextSeq = nextSeq;
        this.history = history;
        this.keyChange = keyChange;
        this.seal = seal;
    }

    public static boolean exists(Path folder) {
        return Files.exists(folder.resolve(FILE_NAME));
    }

    /** Reads the key file of {@code folder} as it is now, or an empty one when there is none. */
    public static KeyFile load(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        Content content;
        try {
            content = JSON.readValue(Files.readAllBytes(file), Content.class);
        } catch (NoSuchFileException e) {
            return new KeyFile(FORMAT, new TreeMap<>(), new ArrayList<>(), 1, new ArrayList<>(), null, null);
        } catch (IOException | JacksonException e) {
            throw new StoreException("key file " + file + " cannot be read", e);
        }
        if (content.format() != FORMAT && content.format() != FIRST_FORMAT) {
            throw new StoreException("key file format " + content.format() + " is not known to this program");
        }
        List<PendingEvent> pending = new ArrayList<>();
        long seq = Math.max(1, content.nextSeq());
        for (PendingEvent event : content.pending() == null ? List.<PendingEvent>of() : content.pending()) {
            // The first release kept failed logins without a number or kind; they all counted.
            pending.add(event.kind() == null ? new PendingEvent(seq++, event.at(), event.username(), PendingKind.FAILED)
                    : event);
        }
        return new KeyFile(content.format(), new TreeMap<>(content.users() == null ? Map.of() : content.users()),
                pending, seq, new ArrayList<>(content.history() == null ? List.of() : content.history()),
                content.keyChange(), content.seal());
    }

    /**
     * Runs {@code change} on the file as it is now, under the file's lock, and writes the result if
     * {@code change} marked it changed ({@link #seal} or {@link #changedWithoutKey}). Every change
     * goes through here.
     */
    public static <R> R update(Path folder, Function<KeyFile, R> change) {
        Path absolute = folder.toAbsolutePath().normalize();
        ReentrantLock inProgram = IN_PROGRAM.computeIfAbsent(absolute, p -> new ReentrantLock());
        inProgram.lock();
        try {
            FileAccess.createFolder(absolute);
            try (FileChannel channel = FileAccess.openLockFile(absolute.resolve(LOCK_NAME));
                    FileLock lock = channel.lock()) {
                KeyFile file = load(absolute);
                R result = change.apply(file);
                file.writeIfChanged(absolute);
                return result;
            }
        } catch (IOException e) {
            throw new StoreException("key file in " + folder + " cannot be locked", e);
        } finally {
            inProgram.unlock();
        }
    }

    public boolean hasUsers() {
        return !users.isEmpty();
    }

    public Optional<UserEntry> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public Map<String, UserEntry> users() {
        return java.util.Collections.unmodifiableMap(users);
    }

    void putUser(String username, UserEntry entry) {
        users.put(username, entry);
    }

    void removeUser(String username) {
        users.remove(username);
    }

    /** The failed logins not yet in the access log, oldest first. */
    public List<PendingEvent> pending() {
        return List.copyOf(pending);
    }

    /** Keeps an event for the access log; needs no key, and is not sealed. */
    void addPending(Instant at, String username, PendingKind kind) {
        if (pending.size() >= MAX_PENDING) {
            pending.removeFirst();
        }
        pending.add(new PendingEvent(nextSeq++, at.toString(),
                AccessLogEntry.fit(username, AccessLogEntry.MAX_USERNAME), kind));
        changedWithoutKey();
    }

    /** Drops the kept events up to and including number {@code seq} (they are in the access log). */
    void dropPendingUpTo(long seq) {
        pending.removeIf(e -> e.seq() <= seq);
    }

    long lastSeq() {
        return nextSeq - 1;
    }

    List<String> history() {
        return List.copyOf(history);
    }

    void setHistory(List<String> sealed) {
        history.clear();
        history.addAll(sealed);
    }

    Optional<KeyChange> keyChange() {
        return Optional.ofNullable(keyChange);
    }

    void setKeyChange(KeyChange change) {
        keyChange = change;
    }

    /** Whether the sealed part is as a program with {@code databaseKey} last wrote it. */
    boolean sealValid(byte[] databaseKey) {
        if (readFormat == FIRST_FORMAT) {
            // Written before seals existed; sealed at the first write with the key.
            return true;
        }
        return seal != null && java.security.MessageDigest.isEqual(
                seal.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                sealOf(databaseKey).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Marks the file to be written, sealed with {@code databaseKey}. */
    void seal(byte[] databaseKey) {
        sealedNow = true;
        sealWith = databaseKey.clone();
    }

    /** Marks the file to be written with its seal as it was (only unsealed parts changed). */
    void changedWithoutKey() {
        sealedNow = true;
    }

    private String sealOf(byte[] databaseKey) {
        byte[] subkey = KeyWrap.deriveSubkey(databaseKey, "lotsbok key file v2");
        try {
            byte[] bytes = CANONICAL.writeValueAsBytes(new SealedPart(FORMAT, new TreeMap<>(users), history, keyChange));
            return java.util.HexFormat.of().formatHex(KeyWrap.hmac(subkey, bytes));
        } finally {
            java.util.Arrays.fill(subkey, (byte) 0);
        }
    }

    private void writeIfChanged(Path folder) throws IOException {
        if (!sealedNow) {
            return;
        }
        String newSeal = sealWith != null ? sealOf(sealWith) : seal;
        // A file of the first release stays of that (unsealed) format until a write with the key seals it.
        int format = sealWith != null ? FORMAT : readFormat;
        if (sealWith != null) {
            java.util.Arrays.fill(sealWith, (byte) 0);
        }
        byte[] bytes;
        try {
            bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    new Content(format, users, pending, nextSeq, history, keyChange, newSeal));
        } catch (JacksonException e) {
            throw new StoreException("key file cannot be written", e);
        }
        Path file = folder.resolve(FILE_NAME);
        Path temp = FileAccess.newTempFile(folder, FILE_NAME);
        try {
            FileAccess.writeDurably(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
