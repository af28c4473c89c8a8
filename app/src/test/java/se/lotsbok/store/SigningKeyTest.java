package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.testing.TestDatabases;

/** Each register has its own signing key from its creation on, kept in the encrypted file. */
class SigningKeyTest {

    @TempDir
    Path temp;

    @Test
    void aNewRegisterHasAKeyOfItsOwnThatStaysTheSameWhenOpenedAgain() {
        SigningKey first;
        try (Database db = TestDatabases.open(temp)) {
            first = db.transaction(repos -> repos.signingKey().load());
        }
        try (Database db = TestDatabases.open(temp)) {
            SigningKey again = db.transaction(repos -> repos.signingKey().load());
            assertThat(again).isEqualTo(first);
        }
        try (Database other = Database.open(temp.resolve("other"), TestDatabases.KEY, TestDatabases.CLOCK)) {
            assertThat(other.transaction(repos -> repos.signingKey().load()).fingerprint())
                    .isNotEqualTo(first.fingerprint());
        }
        assertThat(first.publicKey()).hasSize(44);
        assertThat(first.fingerprint()).matches("[0-9a-f]{64}");
    }

    @Test
    void aRegisterFromBeforeSignedExportsGetsItsKeyAtItsFirstOpeningByThisVersion() {
        Path folder = TestDatabases.folder(temp);
        JdbcDataSource old = new JdbcDataSource();
        old.setURL(Database.url(folder));
        old.setUser("lotsbok");
        old.setPassword(Database.passwords(TestDatabases.KEY));
        Database.migrations(old).target("11").load().migrate();

        try (Database db = Database.open(folder, TestDatabases.KEY, TestDatabases.CLOCK)) {
            assertThat(db.transaction(repos -> repos.signingKey().load()).fingerprint()).hasSize(64);
        }
    }
}
