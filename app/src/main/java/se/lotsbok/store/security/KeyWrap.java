package se.lotsbok.store.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a user's password reaches the database key. PBKDF2-HMAC-SHA256 (OWASP's recommendation, at
 * least 600 000 iterations) turns the password into a 256-bit key that seals, with AES-GCM, the
 * user's own X25519 private key; the database key is sealed to the user's public key (DHKEM, then
 * AES-GCM). Only a correct password opens the private key; the GCM tag is the password check.
 *
 * <p>Because the database key is sealed to public keys, any logged-in user can seal a new database
 * key for every other user without knowing their passwords: that is what lets the register change
 * its key when someone leaves, so that their old password and an old copy of the key file open
 * nothing current.
 *
 * <p>The first version wrapped the database key directly with the password's key ({@link #unwrap});
 * such an entry is replaced by a key pair at its user's next login.
 */
public final class KeyWrap {

    /** OWASP Password Storage Cheat Sheet (2023 onwards) for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int KEY_BYTES = 32;

    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "lotsbok database key v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PRIVATE_KEY_CONTEXT = "lotsbok user private key v2".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEALED_KEY_CONTEXT = "lotsbok database key sealed to a user v2".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HISTORY_CONTEXT = "lotsbok earlier database key v2".getBytes(StandardCharsets.UTF_8);
    private static final String CURVE = "X25519";
    private static final int ENCAPSULATION_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The first version's wrapping of the database key by a password; still read, never written. */
    public record Wrapped(String salt, int iterations, String sealedKey) {
    }

    /** A user's key pair: the private key sealed by the password, the public key in clear. */
    public record UserKeys(String salt, int iterations, String sealedPrivateKey, String publicKey) {
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
        return random(KEY_BYTES);
    }

    /** A new key pair for a user, its private key sealed by {@code password}. */
    public UserKeys newUserKeys(char[] password) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(CURVE).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is part of every JDK", e);
        }
        byte[] salt = random(SALT_BYTES);
        byte[] kek = derive(password, salt, iterations);
        try {
            byte[] sealed = seal(kek, PRIVATE_KEY_CONTEXT, pair.getPrivate().getEncoded());
            return new UserKeys(base64(salt), iterations, base64(sealed), base64(pair.getPublic().getEncoded()));
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The user's private key, or empty when the password is wrong (or the entry was altered). */
    public static Optional<PrivateKey> openPrivateKey(UserKeys keys, char[] password) {
        byte[] kek = derive(password, decode(keys.salt()), keys.iterations());
        try {
            Optional<byte[]> encoded = open(kek, PRIVATE_KEY_CONTEXT, decode(keys.sealedPrivateKey()));
            if (encoded.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(KeyFactory.getInstance(CURVE).generatePrivate(new PKCS8EncodedKeySpec(encoded.get())));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("X25519 is part of every JDK", e);
            } finally {
                Arrays.fill(encoded.get(), (byte) 0);
            }
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** Seals the database key so that only the holder of the private key to {@code publicKey} opens it. */
    public static String sealTo(String publicKey, byte[] databaseKey) {
        try {
            PublicKey key = KeyFactory.getInstance(CURVE).generatePublic(new X509EncodedKeySpec(decode(publicKey)));
            KEM.Encapsulated encapsulated = KEM.getInstance("DHKEM").newEncapsulator(key)
                    .encapsulate(0, KEY_BYTES, "AES");
            byte[] shared = encapsulated.key().getEncoded();
            try {
                byte[] sealed = seal(shared, SEALED_KEY_CONTEXT, databaseKey);
                byte[] out = new byte[ENCAPSULATION_BYTES + sealed.length];
                System.arraycopy(encapsulated.encapsulation(), 0, out, 0, ENCAPSULATION_BYTES);
                System.arraycopy(sealed, 0, out, ENCAPSULATION_BYTES, sealed.length);
                return base64(out);
            } finally {
                Arrays.fill(shared, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DHKEM over X25519 is part of every JDK", e);
        }
    }

    /** Opens what {@link #sealTo} sealed to this private key's public key; empty if it was not. */
    public static Optional<byte[]> openSealed(PrivateKey privateKey, String sealed) {
        byte[] bytes = decode(sealed);
        if (bytes.length <= ENCAPSULATION_BYTES) {
            return Optional.empty();
        }
        try {
            SecretKey shared = KEM.getInstance("DHKEM").newDecapsulator(privateKey)
                    .decapsulate(Arrays.copyOf(bytes, ENCAPSULATION_BYTES), 0, KEY_BYTES, "AES");
            byte[] secret = shared.getEncoded();
            try {
                return open(secret, SEALED_KEY_CONTEXT, Arrays.copyOfRange(bytes, ENCAPSULATION_BYTES, bytes.length));
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        } catch (DecapsulateException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DHKEM over X25519 is part of every JDK", e);
        }
    }

    /** An earlier database key, sealed under (a key derived from) the current one. */
    public static String sealEarlierKey(byte[] currentKey, byte[] earlierKey) {
        byte[] subkey = deriveSubkey(currentKey, "lotsbok key history v2");
        try {
            return base64(seal(subkey, HISTORY_CONTEXT, earlierKey));
        } finally {
            Arrays.fill(subkey, (byte) 0);
        }
    }

    /** What {@link #sealEarlierKey} sealed under {@code currentKey}; empty if another key sealed it. */
    public static Optional<byte[]> openEarlierKey(byte[] currentKey, String sealed) {
        byte[] subkey = deriveSubkey(currentKey, "lotsbok key history v2");
        try {
            return open(subkey, HISTORY_CONTEXT, decode(sealed));
        } finally {
            Arrays.fill(subkey, (byte) 0);
        }
    }

    /** The database key from a first-version entry, or empty when the password is wrong. */
    public static Optional<byte[]> unwrap(Wrapped wrapped, char[] password) {
        byte[] kek = derive(password, decode(wrapped.salt()), wrapped.iterations());
        try {
            return open(kek, CONTEXT, decode(wrapped.sealedKey()));
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
        return hmac(databaseKey, purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code data} under {@code key}. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static byte[] seal(byte[] key, byte[] context, byte[] plain) {
        byte[] iv = random(IV_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plain);
            byte[] ivAndSealed = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, ivAndSealed, 0, IV_BYTES);
            System.arraycopy(sealed, 0, ivAndSealed, IV_BYTES, sealed.length);
            return ivAndSealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static Optional<byte[]> open(byte[] key, byte[] context, byte[] ivAndSealed) {
        if (ivAndSealed.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, ivAndSealed, 0, IV_BYTES));
            cipher.updateAAD(context);
            return Optional.of(cipher.doFinal(ivAndSealed, IV_BYTES, ivAndSealed.length - IV_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
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

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
