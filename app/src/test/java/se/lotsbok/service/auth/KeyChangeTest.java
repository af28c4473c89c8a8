package se.lotsbok.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.service.user.UserKeys;
import se.lotsbok.service.user.UserService;
import se.lotsbok.store.Database;
import se.lotsbok.store.backup.BackupArchive;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.store.security.KeyWrap;
import se.lotsbok.store.security.Vault;
import se.lotsbok.testing.MutableClock;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * The database key must not outlive the people who held it: deactivating a user, resetting a
 * password and "Byt registrets nyckel" encrypt the register anew for the remaining users, so that an
 * old copy of the key file, with an old password, opens nothing current; a change cut short by a
 * crash at any step leaves a register that the next login opens and finishes.
 */
class KeyChangeTest {

    @TempDir
    Path temp;

    private TestRegister register;
    private Path folder;

    @BeforeEach
    void register() {
        folder = TestDatabases.folder(temp);
        register = TestRegister.create(folder);
        register.userWith("lotta", Role.NAVIGATOR).close();
        register.userWith("chef", Role.UNIT_HEAD).close();
        try (Session chef = register.login("chef")) {
            chef.services().participants().create(chef.actor(), ParticipantInputs.valid().build());
        }
    }

    @Test
    void aDeactivatedUsersOldKeyFileAndPasswordOpenNothingCurrent() throws Exception {
        Path oldKeys = Files.copy(folder.resolve(KeyFile.FILE_NAME), temp.resolve("gammal.keys"));
        byte[] lottasKey = keyFrom(oldKeys, "lotta");
        assertThat(Database.opensWith(folder, lottasKey)).isTrue();

        try (Session admin = register.login(TestRegister.ADMIN)) {
            UserService.Outcome outcome = admin.services().users().deactivate(admin.actor(), id(admin, "lotta"));
            assertThat(outcome).isInstanceOfSatisfying(UserService.Done.class,
                    done -> assertThat(done.keyChange()).isEqualTo(new UserKeys.KeyChange(true, List.of())));
            // The administrator's session goes on, on the register under its new key.
            assertThat(admin.services().maintenance().info(admin.actor()).participants()).isEqualTo(1);
        }

        assertThat(Database.opensWith(folder, lottasKey)).isFalse();
        assertThat(register.keyOf("chef")).isNotEqualTo(lottasKey);
        try (Session chef = register.login("chef")) {
            assertThat(chef.services().participants().list(chef.actor())).hasSize(1);
            assertThat(chef.services().accessLog().verify(chef.actor()).intact()).isTrue();
            assertThat(chef.services().accessLog().review(chef.actor(), AccessLogQuery.all()))
                    .filteredOn(e -> e.event() == AccessEvent.KEY_CHANGED).extracting(AccessLogEntry::detail)
                    .singleElement().asString().startsWith("after deactivating user=");
        }
    }

    @Test
    void aBackupTakenBeforeTheChangeOpensWithItsOwnKeyFileAndIsRestoredIntoTheNewKey() throws Exception {
        Path backup = temp.resolve("fore.zip");
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().maintenance().backup(admin.actor(), backup);
            assertThat(admin.services().users().changeKey(admin.actor()).changed()).isTrue();
        }
        // Unpacked alone into an empty folder, the backup opens with the key file it carries.
        Path unpacked = Files.createDirectories(temp.resolve("uppackad"));
        unzip(backup, unpacked);
        try (Session old = TestRegister.at(unpacked).login("chef")) {
            assertThat(old.services().participants().list(old.actor())).hasSize(1);
        }
        // Restored into the register, it takes the register's present key.
        try (Session admin = register.login(TestRegister.ADMIN)) {
            assertThat(admin.services().maintenance().restore(admin.actor(), backup).participants()).isEqualTo(1);
        }
        byte[] now = register.keyOf("chef");
        assertThat(Database.opensWith(folder, now)).isTrue();
        try (Session chef = register.login("chef")) {
            assertThat(chef.services().accessLog().verify(chef.actor()).intact()).isTrue();
        }
    }

    @Test
    void resettingAPasswordChangesTheKeySoTheOldPasswordAndAnOldCopyOpenNothing() throws Exception {
        Path oldKeys = Files.copy(folder.resolve(KeyFile.FILE_NAME), temp.resolve("gammal.keys"));
        try (Session admin = register.login(TestRegister.ADMIN)) {
            char[] temporary = "ett nytt tillfälligt".toCharArray();
            UserService.Outcome outcome = admin.services().users().resetPassword(admin.actor(), id(admin, "lotta"),
                    temporary, temporary);
            assertThat(outcome).isInstanceOfSatisfying(UserService.Done.class,
                    done -> assertThat(done.keyChange().changed()).isTrue());
        }
        assertThat(Database.opensWith(folder, keyFrom(oldKeys, "lotta"))).isFalse();
        assertThat(register.auth().login("lotta", TestRegister.PASSWORD.toCharArray())).isEqualTo(new LoginResult.Refused());
    }

    @Test
    void whileAnotherProgramHasTheRegisterOpenTheChangeWaitsForTheLastLogout() throws Exception {
        byte[] before = register.keyOf("chef");
        Session chef = register.login("chef");
        Session admin = register.login(TestRegister.ADMIN);
        UserKeys.KeyChange change = admin.services().users().changeKey(admin.actor());
        assertThat(change.changed()).isFalse();
        assertThat(new Vault(folder, TestRegister.FAST_KEYS, TestDatabases.CLOCK).keyChange())
                .contains(KeyFile.KeyChangeState.DUE);

        chef.close();
        admin.close();

        assertThat(new Vault(folder, TestRegister.FAST_KEYS, TestDatabases.CLOCK).keyChange()).isEmpty();
        assertThat(Database.opensWith(folder, before)).isFalse();
        try (Session again = register.login("chef")) {
            assertThat(again.services().participants().list(again.actor())).hasSize(1);
        }
    }

    @Test
    void aChangeCutShortBeforeTheFileWasSwappedIsMadeAtTheNextLogin() {
        byte[] key = register.key();
        byte[] next = KeyWrap.newDatabaseKey();
        Vault vault = new Vault(folder, TestRegister.FAST_KEYS, TestDatabases.CLOCK);
        vault.beginKeyChange(key, next);
        // ... and the program died before re-encrypting the file.

        try (Session chef = register.login("chef")) {
            assertThat(chef.services().participants().list(chef.actor())).hasSize(1);
        }
        assertThat(vault.keyChange()).isEmpty();
        assertThat(Database.opensWith(folder, key)).isFalse();
        assertThat(Database.opensWith(folder, next)).isFalse();
        assertThat(Database.opensWith(folder, register.keyOf("lotta"))).isTrue();
    }

    @Test
    void aChangeCutShortAfterTheFileWasSwappedIsFinishedAtTheNextLogin() {
        byte[] key = register.key();
        byte[] next = KeyWrap.newDatabaseKey();
        Vault vault = new Vault(folder, TestRegister.FAST_KEYS, TestDatabases.CLOCK);
        vault.beginKeyChange(key, next);
        try (Database database = register.openDirectly()) {
            database.changeKey(next);
        }
        // ... and the program died before the key file named the new key the only one.

        try (Session lotta = register.login("lotta")) {
            assertThat(lotta.services().participants().list(lotta.actor())).hasSize(1);
        }
        assertThat(vault.keyChange()).isEmpty();
        assertThat(register.keyOf("chef")).isEqualTo(next);
        try (Session chef = register.login("chef")) {
            assertThat(chef.services().accessLog().verify(chef.actor()).intact()).isTrue();
        }
    }

    @Test
    void aTemporaryPasswordOpensTheRegisterForTheSettingsDaysOnly() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"), TestDatabases.STOCKHOLM);
        TestRegister timed = TestRegister.create(temp.resolve("tidsatt"), clock);
        char[] temporary = "tillfälligt lösen".toCharArray();
        try (Session admin = timed.login(TestRegister.ADMIN)) {
            admin.services().users().create(admin.actor(), "nora", "Nora", java.util.Set.of(Role.NAVIGATOR), null,
                    temporary, temporary);
        }
        clock.advance(Duration.ofDays(6));
        LoginResult inTime = timed.auth().login("nora", temporary);
        assertThat(inTime).isInstanceOf(LoginResult.LoggedIn.class);
        ((LoginResult.LoggedIn) inTime).session().close();

        clock.advance(Duration.ofDays(2));
        assertThat(timed.auth().login("nora", temporary)).isEqualTo(new LoginResult.Expired());
        try (Session admin = timed.login(TestRegister.ADMIN)) {
            assertThat(admin.services().accessLog().review(admin.actor(), AccessLogQuery.all()))
                    .filteredOn(e -> e.event() == AccessEvent.LOGIN_FAILED).extracting(AccessLogEntry::detail)
                    .containsExactly("temporary password expired");
        }
    }

    private static long id(Session admin, String username) {
        return admin.services().users().list(admin.actor()).stream().filter(u -> u.username().equals(username))
                .map(UserAccount::id).findFirst().orElseThrow();
    }

    /** The database key that {@code username}'s password opens in the key file {@code keys}. */
    private static byte[] keyFrom(Path keys, String username) throws Exception {
        Path folder = Files.createTempDirectory(keys.getParent(), "keys");
        Files.copy(keys, folder.resolve(KeyFile.FILE_NAME));
        return TestRegister.at(folder).keyOf(username);
    }

    private static void unzip(Path zip, Path folder) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(BackupArchive.DATABASE_ENTRY) || entry.getName().equals(BackupArchive.KEYS_ENTRY)) {
                    Files.copy(in, folder.resolve(entry.getName()));
                }
            }
        }
    }
}
