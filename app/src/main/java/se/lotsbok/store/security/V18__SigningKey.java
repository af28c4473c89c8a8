package se.lotsbok.store.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import se.lotsbok.domain.report.SigningKey;

/**
 * Migration 18: the register's signing key (table from migration 17). A new register gets it when
 * it is created; a register from before gets it at its first opening by this version. In Java
 * because SQL cannot make a key pair.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class V18__SigningKey extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        KeyPair pair = newKeyPair();
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO signing_key (id, algorithm, public_key, private_key) VALUES (1, ?, ?, ?)")) {
            insert.setString(1, SigningKey.ALGORITHM);
            insert.setBytes(2, pair.getPublic().getEncoded());
            insert.setBytes(3, pair.getPrivate().getEncoded());
            insert.executeUpdate();
        }
    }

    static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(SigningKey.ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }
}
