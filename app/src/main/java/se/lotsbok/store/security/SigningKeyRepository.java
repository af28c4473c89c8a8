package se.lotsbok.store.security;

import static se.lotsbok.store.jooq.Tables.SIGNING_KEY;

import org.jooq.DSLContext;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.store.common.StoreException;

/** The register's key for signing its exported tallies (one row, made when the register was created). */
public final class SigningKeyRepository {

    private final DSLContext tx;

    public SigningKeyRepository(DSLContext tx) {
        this.tx = tx;
    }

    public SigningKey load() {
        var row = tx.selectFrom(SIGNING_KEY).where(SIGNING_KEY.ID.eq(1)).fetchOne();
        if (row == null) {
            throw new StoreException("the register has no signing key");
        }
        return new SigningKey(row.getPublicKey(), row.getPrivateKey());
    }
}
