package se.lotsbok.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.Session;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.testing.TestServer;

/**
 * The server's own rules, checked in the database: the chain's hash, row-level security everywhere, the log
 * check, the signing key made and used in the server.
 */
class ServerRulesTest {

    @Test
    void everyTableOfTheRegisterHasRowLevelSecurityAndAPolicy() throws SQLException {
        ServerAddress server = TestServer.initialisedDatabase();
        List<String> unguarded = new ArrayList<>();
        try (Connection c = TestServer.installer(server); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT c.relname, c.relrowsecurity,"
                        + " EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'lotsbok' AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'")) {
            while (r.next()) {
                if (!r.getBoolean(2) || !r.getBoolean(3) && !r.getString(1).equals("retention_in_progress")) {
                    unguarded.add(r.getString(1));
                }
            }
        }
        assertThat(unguarded).as("a new table needs its grants and policies in a PostgreSQL migration").isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-25T09:30:00Z          | 7    | admin | LOGIN              |      | ''
            2026-11-25T09:30:00.120Z      |      | okänd | LOGIN_FAILED       |      | inactive
            2026-11-25T09:30:00.123456Z   | 12   | åsa.ö | PARTICIPANT_OPENED | 4711 | rows=3 👍 Åäö
            1999-12-31T23:59:59.000001Z   | 3    | x     | RETENTION_DELETED  | 1    | a;b:c
            """)
    void theDatabaseChainsARowExactlyAsTheProgramDoes(String at, Long userId, String username, AccessEvent event,
            Long participantId, String detail) throws SQLException {
        ServerAddress server = TestServer.initialisedDatabase();
        Instant time = Instant.parse(at);
        String previous = "ab".repeat(32);
        try (Connection c = TestServer.installer(server);
                PreparedStatement p = c.prepareStatement("SELECT chain_hash(?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, 42);
            p.setObject(2, time.atOffset(ZoneOffset.UTC));
            p.setObject(3, userId);
            p.setString(4, username);
            p.setString(5, event.name());
            p.setObject(6, participantId);
            p.setString(7, detail);
            p.setString(8, previous);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                assertThat(r.getString(1)).isEqualTo(AccessLogChain.hash(42, time, userId, username, event,
                        participantId, detail, previous));
            }
        }
    }

    @Test
    void aRowChangedOrRemovedPastTheProgramIsFoundByTheDatabasesOwnCheck() throws SQLException {
        ServerAddress server = TestServer.initialisedDatabase();
        try (Session admin = login(server)) {
            admin.services().participants().create(admin.actor(), ParticipantInputs.valid().build());
            assertThat(admin.services().accessLog().verify(admin.actor())).isInstanceOf(AccessLogChain.Intact.class);
        }
        // Only a superuser or the owner can do this; the check still finds it.
        try (Connection c = TestServer.installer(server); Statement s = c.createStatement()) {
            s.execute("UPDATE access_log SET detail = 'ändrad' WHERE seq = 2");
        }
        try (Session admin = login(server)) {
            assertThat(admin.services().accessLog().verify(admin.actor()))
                    .isEqualTo(new AccessLogChain.Broken(2, AccessLogChain.Problem.CHANGED));
        }
        try (Connection c = TestServer.installer(server); Statement s = c.createStatement()) {
            s.execute("DELETE FROM access_log WHERE seq = 2");
        }
        try (Session admin = login(server)) {
            assertThat(admin.services().accessLog().verify(admin.actor()))
                    .isEqualTo(new AccessLogChain.Broken(2, AccessLogChain.Problem.REMOVED));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''
            {"format":"lotsbok-tally","rows":[{"label":"Åäö","value":17}]}
            abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789
            """)
    void theServerMakesAnEd25519KeyAndSignsExactlyAsTheJdkDoes(String message) throws Exception {
        ServerAddress server = TestServer.initialisedDatabase();
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try (Connection c = TestServer.installer(server); Statement s = c.createStatement();
                ResultSet key = s.executeQuery("SELECT public_key, private_key FROM signing_key WHERE id = 1");
                PreparedStatement sign = c.prepareStatement("SELECT sign_export(?)")) {
            assertThat(key.next()).isTrue();
            SigningKey pair = new SigningKey(key.getBytes(1), key.getBytes(2));
            sign.setBytes(1, bytes);
            byte[] byTheServer;
            try (ResultSet r = sign.executeQuery()) {
                r.next();
                byTheServer = r.getBytes(1);
            }
            // Ed25519 is deterministic: the same key signs the same message with the same bytes.
            assertThat(byTheServer).isEqualTo(pair.sign(bytes));
            Signature verifier = Signature.getInstance(SigningKey.ALGORITHM);
            verifier.initVerify(KeyFactory.getInstance(SigningKey.ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(pair.publicKey())));
            verifier.update(bytes);
            assertThat(verifier.verify(byTheServer)).isTrue();
        }
    }

    private static Session login(ServerAddress server) {
        LoginResult result = AppWiring.server(server, Map.of(), TestDatabases.CLOCK)
                .login(TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray());
        return ((LoginResult.LoggedIn) result).session();
    }
}
