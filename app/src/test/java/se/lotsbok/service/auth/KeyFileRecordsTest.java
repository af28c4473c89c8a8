package se.lotsbok.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.user.Role;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.testing.MutableClock;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The key file's records: the counts of failed logins cannot be reset by editing the file (a broken
 * seal locks every account for the longest wait instead of starting it clean, and is logged), and a
 * key file of the first release still opens its register and is upgraded.
 */
class KeyFileRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"), TestDatabases.STOCKHOLM);
    private TestRegister register;
    private Path folder;

    @BeforeEach
    void register() {
        folder = TestDatabases.folder(temp);
        register = TestRegister.create(folder, clock);
        register.userWith("chef", Role.UNIT_HEAD).close();
    }

    @Test
    void countsResetByEditingTheFileLockEveryAccountInsteadOfStartingClean() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(register.auth().login(TestRegister.ADMIN, "fel lösenord!".toCharArray()))
                    .isEqualTo(new LoginResult.Refused());
        }
        // The next login logs the four and seals them into the administrator's count.
        register.login("chef").close();
        ObjectNode content = (ObjectNode) JSON.readTree(folder.resolve(KeyFile.FILE_NAME).toFile());
        assertThat(content.get("users").get(TestRegister.ADMIN).get("failures").asInt()).isEqualTo(4);

        ((ObjectNode) content.get("users").get(TestRegister.ADMIN)).put("failures", 0);
        Files.write(folder.resolve(KeyFile.FILE_NAME), JSON.writeValueAsBytes(content));

        assertThat(register.auth().login(TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray()))
                .isEqualTo(new LoginResult.MustWait(clock.instant().plus(Duration.ofMinutes(15))));
        assertThat(register.auth().login("chef", TestRegister.PASSWORD.toCharArray()))
                .isInstanceOf(LoginResult.MustWait.class);

        clock.advance(Duration.ofMinutes(16));
        try (var chef = register.login("chef")) {
            assertThat(chef.services().accessLog().review(chef.actor(), AccessLogQuery.all()))
                    .filteredOn(e -> e.event() == AccessEvent.KEY_FILE_ALTERED)
                    .extracting(AccessLogEntry::username).containsExactly(TestRegister.ADMIN);
        }
        register.login(TestRegister.ADMIN).close();
    }

    @Test
    void aKeyFileOfTheFirstReleaseOpensItsRegisterAndIsUpgradedAtTheLogin() throws Exception {
        byte[] key = register.key();
        Files.writeString(folder.resolve(KeyFile.FILE_NAME), """
                {"format": 1, "users": {"admin": %s}, "pending": [{"at": "2026-11-24T08:00:00Z", "username": "okand"}]}
                """.formatted(firstReleaseEntry(key, TestRegister.PASSWORD)), StandardCharsets.UTF_8);

        try (var admin = register.login(TestRegister.ADMIN)) {
            assertThat(admin.services().accessLog().review(admin.actor(), AccessLogQuery.all()))
                    .filteredOn(e -> e.event() == AccessEvent.LOGIN_FAILED).extracting(AccessLogEntry::username)
                    .containsExactly("okand");
        }
        KeyFile.UserEntry upgraded = KeyFile.load(folder).user(TestRegister.ADMIN).orElseThrow();
        assertThat(upgraded.firstFormat()).isFalse();
        assertThat(register.keyOf(TestRegister.ADMIN)).isEqualTo(key);
        assertThat(JSON.readTree(folder.resolve(KeyFile.FILE_NAME).toFile()).get("format").asInt()).isEqualTo(2);
    }

    /** An entry as the first release wrote it: the key sealed with AES-GCM under the password's PBKDF2 key. */
    private static String firstReleaseEntry(byte[] key, String password) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] iv = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] kek = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1_000, 256)).getEncoded();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD("lotsbok database key v1".getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(key);
        byte[] ivAndSealed = new byte[iv.length + sealed.length];
        System.arraycopy(iv, 0, ivAndSealed, 0, iv.length);
        System.arraycopy(sealed, 0, ivAndSealed, iv.length, sealed.length);
        Base64.Encoder base64 = Base64.getEncoder();
        return "{\"salt\": \"%s\", \"iterations\": 1000, \"sealedKey\": \"%s\", \"failures\": 0, \"waitUntil\": null}"
                .formatted(base64.encodeToString(salt), base64.encodeToString(ivAndSealed));
    }
}
