package se.lotsbok.store.security;

import static se.lotsbok.store.jooq.Tables.SIGNING_KEY;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.store.common.StoreException;

/**
 * The register's key for signing its exported tallies (one row, made when the register was created).
 * In a data folder the program signs with it; on an office server the private key stays in the
 * database, which signs for the enhetschef ({@code sign_export}), and no user may read it.
 */
public final class SigningKeyRepository {

    private final DSLContext tx;
    private final boolean server;

    public SigningKeyRepository(DSLContext tx) {
        this(tx, false);
    }

    /** @param server whether the register is on an office server, which keeps the private key */
    public SigningKeyRepository(DSLContext tx, boolean server) {
        this.tx = tx;
        this.server = server;
    }

    /** The key pair, private key included: in a data folder only. */
    public SigningKey load() {
        if (server) {
            throw new StoreException("the office server keeps its private key");
        }
        var row = tx.selectFrom(SIGNING_KEY).where(SIGNING_KEY.ID.eq(1)).fetchOne();
        if (row == null) {
            throw new StoreException("the register has no signing key");
        }
        return new SigningKey(row.getPublicKey(), row.getPrivateKey());
    }

    /** The public key in its X.509 encoding, which anyone logged in may read. */
    public byte[] publicKey() {
        return tx.select(SIGNING_KEY.PUBLIC_KEY).from(SIGNING_KEY).where(SIGNING_KEY.ID.eq(1))
                .fetchOptional(SIGNING_KEY.PUBLIC_KEY)
                .orElseThrow(() -> new StoreException("the register has no signing key"));
    }

    /** The public key's fingerprint (not secret). */
    public String fingerprint() {
        return SigningKey.fingerprintOf(publicKey());
    }

    /** The Ed25519 signature of {@code message} with the register's key. */
    public byte[] sign(byte[] message) {
        if (!server) {
            return load().sign(message);
        }
        return tx.select(DSL.function("sign_export", SQLDataType.VARBINARY, DSL.val(message, SQLDataType.VARBINARY)))
                .fetchOne(0, byte[].class);
    }
}
