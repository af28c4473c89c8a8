package se.lotsbok.domain.report;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A register's Ed25519 key pair for signing its exported tallies: the public key in its X.509
 * encoding, the private key in its PKCS #8 encoding, as the JDK writes them.
 */
public record SigningKey(byte[] publicKey, byte[] privateKey) implements TallySigner {

    public static final String ALGORITHM = "Ed25519";

    public SigningKey {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        publicKey = publicKey.clone();
        privateKey = privateKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    /** Signs with the private key, in this program. */
    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the register's signing key cannot sign", e);
        }
    }

    /** The public key's fingerprint: see {@link #fingerprintOf}. */
    public String fingerprint() {
        return fingerprintOf(publicKey);
    }

    /** SHA-256 of the public key's X.509 encoding, as 64 lower-case hexadecimal digits. */
    public static String fingerprintOf(byte[] publicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The fingerprint as a person reads it aloud or compares it: groups of four digits. */
    public static String grouped(String fingerprint) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fingerprint.length(); i += 4) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(fingerprint, i, Math.min(fingerprint.length(), i + 4));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "SigningKey[" + fingerprint() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey key && java.util.Arrays.equals(publicKey, key.publicKey)
                && java.util.Arrays.equals(privateKey, key.privateKey);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(publicKey);
    }
}
