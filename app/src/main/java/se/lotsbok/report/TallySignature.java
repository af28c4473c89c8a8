package se.lotsbok.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.TreeSet;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.domain.report.TallySigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signature an exported tally carries, so that whoever compiles several units' files can tell
 * that the numbers and the unit's name came unchanged from the unit's register.
 *
 * <p>The signed bytes are the document's canonical form without its {@code signature} member:
 * object members sorted by name (UTF-16 code units), no whitespace between tokens, strings as JSON
 * with only the escapes it requires, integers in plain decimal, UTF-8. For what Lotsbok writes (no
 * fractional numbers, no control characters) that is RFC 8785's canonical form, so re-indenting or
 * reordering a file does not break its signature, while any changed value does. The
 * {@code signature} member holds the algorithm (Ed25519), the unit's public key (X.509, base64),
 * its fingerprint (SHA-256 of that key, hex) and the signature (base64).
 */
public final class TallySignature {

    public static final String MEMBER = "signature";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a document's signature says about it. */
    public sealed interface Seal {
    }

    /** Signed by the key with this fingerprint, and unchanged since. */
    public record Signed(String fingerprint) implements Seal {
    }

    /** Carries no signature (written before exports were signed, or the signature was taken off). */
    public record Unsigned() implements Seal {
    }

    /** Carries a signature that does not hold: the content or the signature was changed afterwards. */
    public record Altered() implements Seal {
    }

    private TallySignature() {
    }

    /** Adds the {@code signature} member to {@code document}, signing everything else in it. */
    static void sign(ObjectNode document, TallySigner signer) {
        document.remove(MEMBER);
        byte[] value = signer.sign(canonical(document));
        byte[] publicKey = signer.publicKey();
        ObjectNode signature = document.putObject(MEMBER);
        signature.put("algorithm", SigningKey.ALGORITHM);
        signature.put("publicKey", Base64.getEncoder().encodeToString(publicKey));
        signature.put("fingerprint", SigningKey.fingerprintOf(publicKey));
        signature.put("value", Base64.getEncoder().encodeToString(value));
    }

    /** Checks the signature of a document as read from a file. */
    public static Seal check(JsonNode document) {
        JsonNode signature = document.get(MEMBER);
        if (signature == null) {
            return new Unsigned();
        }
        if (!signature.isObject() || !SigningKey.ALGORITHM.equals(text(signature, "algorithm"))) {
            return new Altered();
        }
        try {
            byte[] publicKey = Base64.getDecoder().decode(text(signature, "publicKey"));
            String fingerprint = SigningKey.fingerprintOf(publicKey);
            if (!fingerprint.equals(text(signature, "fingerprint"))) {
                return new Altered();
            }
            PublicKey key = KeyFactory.getInstance(SigningKey.ALGORITHM).generatePublic(new X509EncodedKeySpec(publicKey));
            Signature verifier = Signature.getInstance(SigningKey.ALGORITHM);
            verifier.initVerify(key);
            ObjectNode content = ((ObjectNode) document).deepCopy();
            content.remove(MEMBER);
            verifier.update(canonical(content));
            return verifier.verify(Base64.getDecoder().decode(text(signature, "value"))) ? new Signed(fingerprint)
                    : new Altered();
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // Not base64, not an Ed25519 key, not a signature of the right length: not what was signed.
            return new Altered();
        }
    }

    /** The canonical form (see the class comment) of {@code document} as it stands. */
    static byte[] canonical(JsonNode document) {
        return JSON.writeValueAsString(sorted(document)).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (String name : new TreeSet<>(node.propertyNames())) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() ? value.stringValue() : "";
    }
}
