package se.lotsbok.store.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.store.StoreException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file beside the database that holds, per user, the database key wrapped by that user's
 * password, the count of failed logins in a row, and failed logins not yet written to the access
 * log (which cannot be opened without a correct password). It holds no personal data of
 * participants and nothing that opens the database without a password.
 */
public final class KeyFile {

    public static final String FILE_NAME = "lotsbok.keys";
    private static final int FORMAT = 1;
    private static final int MAX_PENDING = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One user's entry. {@code waitUntil} is an ISO instant, or null when the user may try now. */
    public record UserEntry(String salt, int iterations, String sealedKey, int failures, String waitUntil) {

        public static UserEntry of(KeyWrap.Wrapped wrapped) {
            return new UserEntry(wrapped.salt(), wrapped.iterations(), wrapped.sealedKey(), 0, null);
        }

        public KeyWrap.Wrapped wrapped() {
            return new KeyWrap.Wrapped(salt, iterations, sealedKey);
        }

        public Optional<Instant> waitsUntil() {
            return Optional.ofNullable(waitUntil).map(Instant::parse);
        }

        public UserEntry withFailures(int count, Instant until) {
            return new UserEntry(salt, iterations, sealedKey, count, until == null ? null : until.toString());
        }
    }

    /** A failed login waiting to be written to the access log at the next successful one. */
    public record PendingEvent(String at, String username) {
    }

    record Content(int format, Map<String, UserEntry> users, List<PendingEvent> pending) {
    }

    private final Path file;
    private final Map<String, UserEntry> users;
    private final List<PendingEvent> pending;

    private KeyFile(Path file, Map<String, UserEntry> users, List<PendingEvent> pending) {
        this.file = file;
        this.users = users;
        this.pending = pending;
    }

    public static boolean exists(Path folder) {
        return Files.exists(folder.resolve(FILE_NAME));
    }

    /** Reads the key file of {@code folder}, or starts an empty one (written at {@link #save}). */
    public static KeyFile load(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new KeyFile(file, new TreeMap<>(), new ArrayList<>());
        }
        try {
            Content content = JSON.readValue(file.toFile(), Content.class);
            if (content.format() != FORMAT) {
                throw new StoreException("key file format " + content.format() + " is not known to this program");
            }
            return new KeyFile(file, new TreeMap<>(content.users() == null ? Map.of() : content.users()),
                    new ArrayList<>(content.pending() == null ? List.of() : content.pending()));
        } catch (JacksonException e) {
            throw new StoreException("key file " + file + " cannot be read", e);
        }
    }

    public boolean hasUsers() {
        return !users.isEmpty();
    }

    public Optional<UserEntry> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public void putUser(String username, UserEntry entry) {
        users.put(username, entry);
    }

    public void removeUser(String username) {
        users.remove(username);
    }

    public void addPending(PendingEvent event) {
        event = new PendingEvent(event.at(), AccessLogEntry.fit(event.username(), AccessLogEntry.MAX_USERNAME));
        if (pending.size() >= MAX_PENDING) {
            pending.removeFirst();
        }
        pending.add(event);
    }

    /** The failed logins not yet in the access log, oldest first. */
    public List<PendingEvent> pending() {
        return List.copyOf(pending);
    }

    /** Drops the oldest {@code count} failed logins (they have been written to the access log). */
    public void dropPending(int count) {
        pending.subList(0, Math.min(count, pending.size())).clear();
    }

    /** Writes the file whole, replacing the old one only once the new one is complete. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new Content(FORMAT, users, pending)));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | JacksonException e) {
            throw new StoreException("key file " + file + " cannot be written", e);
        }
    }
}
