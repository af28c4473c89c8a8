package se.lotsbok.store.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.store.security.FileAccess;
import se.lotsbok.store.security.KeyWrap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A copy of the access log's head in a file beside the database, sealed with a key derived from
 * the database key: rows removed from the end of the log, together with the head row inside the
 * database, still disagree with this copy.
 */
public final class LogHeadFile {

    public static final String FILE_NAME = "lotsbok.loghead";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the file says: nothing, a head with a valid seal, or something not sealed with our key. */
    public sealed interface State {
    }

    public record Missing() implements State {
    }

    public record Sealed(AccessLogChain.Head head) implements State {
    }

    public record Forged() implements State {
    }

    record Content(long count, String lastHash, String seal) {
    }

    private final Path file;
    private final byte[] sealKey;

    public LogHeadFile(Path folder, byte[] databaseKey) {
        this.file = folder.resolve(FILE_NAME);
        this.sealKey = KeyWrap.deriveSubkey(databaseKey, "lotsbok access log head v1");
    }

    public State read() {
        if (!Files.exists(file)) {
            return new Missing();
        }
        try {
            Content content = JSON.readValue(file.toFile(), Content.class);
            String expected = seal(content.count(), content.lastHash());
            if (content.seal() == null || !MessageDigest.isEqual(expected.getBytes(), content.seal().getBytes())) {
                return new Forged();
            }
            return new Sealed(new AccessLogChain.Head(content.count(), content.lastHash()));
        } catch (JacksonException e) {
            return new Forged();
        }
    }

    /** Replaces the copy; a failure leaves the old copy, which may then lag behind (tolerated). */
    public void write(AccessLogChain.Head head) throws IOException {
        // A temporary file of its own: two programs on one register each mirror the heads they write.
        Path temp = FileAccess.newTempFile(file.getParent(), FILE_NAME);
        try {
            FileAccess.writeDurably(temp, JSON.writeValueAsBytes(new Content(head.count(), head.lastHash(),
                    seal(head.count(), head.lastHash()))));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private String seal(long count, String lastHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sealKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((count + "|" + lastHash).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
