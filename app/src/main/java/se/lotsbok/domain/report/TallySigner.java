package se.lotsbok.domain.report;

/**
 * Signs exported tallies with the register's Ed25519 key: here, with the key pair itself
 * ({@link SigningKey}), or inside the office server, which keeps the private key and signs for the
 * enhetschef.
 */
public interface TallySigner {

    /** The public key, in its X.509 encoding, which every signed export carries. */
    byte[] publicKey();

    /** The Ed25519 signature of {@code message}. */
    byte[] sign(byte[] message);
}
