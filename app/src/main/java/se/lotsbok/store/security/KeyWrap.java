package se.lotsbok.store.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The database key, wrapped by a key derived from a user's password: PBKDF2-HMAC-SHA256 (OWASP's
 * recommendation, at least 600 000 iterations) gives a 256-bit key that seals the database key
 * with AES-GCM. Only a correct password unwraps it; the GCM tag is the password check.
 */
public final class KeyWrap {

    /** OWASP Password Storage Cheat Sheet (2023 onwards) for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int KEY_BYTES = 32;

    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "lotsbok database key v1".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One user's wrapping of the database key; what the key file stores. */
    public record Wrapped(String salt, int iterations, String sealedKey) {
    }

    private final int iterations;

    /** @param iterations PBKDF2 iterations for keys wrapped from now on (unwrapping uses the stored count) */
    public KeyWrap(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations");
        }
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }

    public static byte[] newDatabaseKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public Wrapped wrap(byte[] databaseKey, char[] password) {
        byte[] salt = random(SALT_BYTES);
        byte[] iv = random(IV_BYTES);
        byte[] kek = derive(password, salt, iterations);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(databaseKey);
            byte[] ivAndSealed = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, ivAndSealed, 0, IV_BYTES);
            System.arraycopy(sealed, 0, ivAndSealed, IV_BYTES, sealed.length);
            return new Wrapped(base64(salt), iterations, base64(ivAndSealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The database key, or empty when the password is wrong (or the entry was altered). */
    public static Optional<byte[]> unwrap(Wrapped wrapped, char[] password) {
        byte[] kek = derive(password, Base64.getDecoder().decode(wrapped.salt()), wrapped.iterations());
        byte[] ivAndSealed = Base64.getDecoder().decode(wrapped.sealedKey());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"),
                    new GCMParameterSpec(TAG_BITS, ivAndSealed, 0, IV_BYTES));
            cipher.updateAAD(CONTEXT);
            return Optional.of(cipher.doFinal(ivAndSealed, IV_BYTES, ivAndSealed.length - IV_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** Spends the same time as a real unwrap, so a wrong user name answers as slowly as a wrong password. */
    public void spendEquivalentTime(char[] password) {
        derive(password, random(SALT_BYTES), iterations);
    }

    /** A key for another purpose, derived from the database key (HMAC-SHA256 as a one-step KDF). */
    public static byte[] deriveSubkey(byte[] databaseKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(databaseKey, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
