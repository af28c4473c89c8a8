package se.lotsbok.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.ScriptRefused;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.RegisterContents;
import se.lotsbok.testing.TestRegister;

/**
 * Carrying a register across a change of H2's file format: written as an encrypted SQL script by
 * the old program, rebuilt from it by the new one into a folder holding only the key file.
 */
class ScriptRestoreTest {

    @TempDir
    Path temp;

    private TestRegister old;
    private Path script;
    private Path fresh;

    @BeforeEach
    void aRegisterWrittenAsAScript() throws Exception {
        old = TestRegister.create(temp.resolve("old"));
        old.userWith("lotta", Role.NAVIGATOR).close();
        try (Session admin = old.login(TestRegister.ADMIN)) {
            long id = ((SaveOutcome.Saved) admin.services().participants().create(admin.actor(),
                    ParticipantInputs.valid().name("Åsa-Märta 🙂", "Öberg").build())).participant().id();
            admin.services().notes().sign(admin.actor(), id, null, new NoteContent(LocalDateTime.of(2026, 11, 24, 10, 0),
                    MeetingType.INDIVIDUAL, Set.of(), "", "Samtal om skolan, åäö 👍🏽"), List.of());
            script = temp.resolve("flytt/lotsbok-skript.bin");
            admin.services().maintenance().script(admin.actor(), script);
        }
        fresh = temp.resolve("new");
        Files.createDirectories(fresh);
    }

    @Test
    void theScriptIsRebuiltWithEveryRowAndTheAccessLogStillVerifies() throws Exception {
        Map<String, List<List<Object>>> before = RegisterContents.of(old.folder(), old.key());
        copyKeyFile();

        LoginResult result = TestRegister.at(fresh).auth().restoreFromScript(TestRegister.ADMIN,
                TestRegister.PASSWORD.toCharArray(), script);

        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        try (Session admin = ((LoginResult.LoggedIn) result).session()) {
            assertThat(admin.services().accessLog().verify(admin.actor())).isInstanceOf(AccessLogChain.Intact.class);
            assertThat(admin.services().participants().list(admin.actor()))
                    .extracting(p -> p.firstName()).containsExactly("Åsa-Märta 🙂");
        }
        assertThat(RegisterContents.of(fresh, TestRegister.at(fresh).key())).isEqualTo(before);
    }

    @Test
    void theScriptIsEncryptedWithTheRegistersKey() throws Exception {
        byte[] bytes = Files.readAllBytes(script);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("INSERT", "Öberg", "Åsa",
                "PARTICIPANT");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("Öberg", "Åsa");
    }

    @Test
    void aFolderThatAlreadyHoldsARegisterIsRefused() {
        assertThatThrownBy(() -> old.auth().restoreFromScript(TestRegister.ADMIN, TestRegister.PASSWORD.toCharArray(),
                script)).isInstanceOfSatisfying(ScriptRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(ScriptRefused.Reason.REGISTER_EXISTS));
    }

    @Test
    void aFolderWithoutTheKeyFileIsRefused() throws Exception {
        assertThatThrownBy(() -> TestRegister.at(fresh).auth().restoreFromScript(TestRegister.ADMIN,
                TestRegister.PASSWORD.toCharArray(), script)).isInstanceOfSatisfying(ScriptRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(ScriptRefused.Reason.NO_KEY_FILE));
        assertThat(fresh).isEmptyDirectory();
    }

    @Test
    void aDamagedScriptIsRefusedAndLeavesNothingBehind() throws Exception {
        copyKeyFile();
        byte[] bytes = Files.readAllBytes(script);
        bytes[bytes.length / 2] ^= 0x5A;
        Path damaged = Files.write(temp.resolve("skadat.bin"), bytes);

        assertThatThrownBy(() -> TestRegister.at(fresh).auth().restoreFromScript(TestRegister.ADMIN,
                TestRegister.PASSWORD.toCharArray(), damaged)).isInstanceOfSatisfying(ScriptRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(ScriptRefused.Reason.UNREADABLE));
        assertThat(Files.list(fresh).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(KeyFile.FILE_NAME, KeyFile.LOCK_NAME);
    }

    @Test
    void onlyAnAdministratorRestoresAndNothingIsLeftBehindForAnyoneElse() throws Exception {
        copyKeyFile();

        assertThatThrownBy(() -> TestRegister.at(fresh).auth().restoreFromScript("lotta",
                TestRegister.PASSWORD.toCharArray(), script)).isInstanceOfSatisfying(ScriptRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(ScriptRefused.Reason.NOT_ADMINISTRATOR));
        assertThat(Files.list(fresh).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(KeyFile.FILE_NAME, KeyFile.LOCK_NAME);
    }

    private void copyKeyFile() throws Exception {
        Files.copy(old.folder().resolve(KeyFile.FILE_NAME), fresh.resolve(KeyFile.FILE_NAME),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
