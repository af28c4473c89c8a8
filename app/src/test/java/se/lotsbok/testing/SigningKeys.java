package se.lotsbok.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import se.lotsbok.domain.report.SigningKey;

/** Ed25519 keys for tests, made as a register makes its own. */
public final class SigningKeys {

    private SigningKeys() {
    }

    public static SigningKey newKey() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(SigningKey.ALGORITHM).generateKeyPair();
            return new SigningKey(pair.getPublic().getEncoded(), pair.getPrivate().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK", e);
        }
    }
}
