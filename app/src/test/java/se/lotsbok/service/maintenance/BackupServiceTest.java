package se.lotsbok.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.backup.BackupSchedule;
import se.lotsbok.domain.backup.BackupSettings;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.auth.Session;
import se.lotsbok.store.Database;
import se.lotsbok.store.backup.BackupArchive;
import se.lotsbok.testing.MutableClock;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/** Backups, rotation and restore on real register files. */
class BackupServiceTest {

    @TempDir
    Path temp;

    @Test
    void aRestoreBringsBackTheRegisterAsItWasAndCanItselfBeUndone() {
        TestRegister register = TestRegister.create(temp.resolve("data"));
        Path backup;
        try (Session admin = register.userWith("chef", Role.UNIT_HEAD, Role.ADMINISTRATOR)) {
            create(admin, "Åsa", "Före", "081");
            backup = admin.services().maintenance().automaticBackup(admin.actor());
            create(admin, "Bo", "Efter", "082");

            MaintenanceService.Restored restored = admin.services().maintenance().restore(admin.actor(), backup);

            assertThat(restored.participants()).isEqualTo(1);
        }
        Path safety;
        try (Session admin = register.login("chef")) {
            assertThat(names(admin)).containsExactly("Åsa Före");
            List<AccessLogEntry> restores = admin.services().accessLog().review(admin.actor(),
                    AccessLogQuery.all()).stream().filter(e -> e.event() == AccessEvent.RESTORE).toList();
            assertThat(restores).singleElement().satisfies(e -> assertThat(e.detail()).contains(backup.getFileName().toString()));
            assertThat(admin.services().accessLog().verify(admin.actor())).isInstanceOf(AccessLogChain.Intact.class);
            safety = admin.services().maintenance().backups(admin.actor()).stream()
                    .filter(b -> b.path().getFileName().toString().contains(BackupSchedule.BEFORE_RESTORE))
                    .findFirst().orElseThrow().path();

            admin.services().maintenance().restore(admin.actor(), safety);
        }
        try (Session admin = register.login("chef")) {
            assertThat(names(admin)).containsExactlyInAnyOrder("Åsa Före", "Bo Efter");
        }
    }

    @Test
    void aBackupOfAnotherRegisterIsRefusedAndNothingChanges() {
        TestRegister other = TestRegister.create(temp.resolve("other"));
        Path foreign = temp.resolve("annan.zip");
        try (Session admin = other.login(TestRegister.ADMIN)) {
            admin.services().maintenance().backup(admin.actor(), foreign);
        }
        TestRegister register = TestRegister.create(temp.resolve("data"));
        try (Session admin = register.userWith("chef", Role.UNIT_HEAD, Role.ADMINISTRATOR)) {
            create(admin, "Åsa", "Kvar", "081");

            assertThatThrownBy(() -> admin.services().maintenance().restore(admin.actor(), foreign))
                    .isInstanceOfSatisfying(RestoreRefused.class,
                            e -> assertThat(e.reason()).isEqualTo(RestoreRefused.Reason.OTHER_REGISTER));

            // Still logged in to the same register, unchanged, and no safety copy was needed.
            assertThat(names(admin)).containsExactly("Åsa Kvar");
            assertThat(admin.services().maintenance().backups(admin.actor())).isEmpty();
        }
    }

    @Test
    void filesThatAreNoBackupsAreRefusedAndNothingChanges() throws IOException {
        Path text = Files.writeString(temp.resolve("lista.zip"), "personnummer;förnamn\n");
        Path emptyZip = temp.resolve("tom.zip");
        try (OutputStream out = Files.newOutputStream(emptyZip); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("../../lotsbok.mv.db.txt"));
            zip.write("inte en databas".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path damaged = temp.resolve("trasig.zip");
        try (OutputStream out = Files.newOutputStream(damaged); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(BackupArchive.DATABASE_ENTRY));
            zip.write(new byte[8192]);
            zip.closeEntry();
        }
        TestRegister register = TestRegister.create(temp.resolve("data"));
        try (Session admin = register.userWith("chef", Role.UNIT_HEAD, Role.ADMINISTRATOR)) {
            create(admin, "Åsa", "Kvar", "081");
            for (Path bad : List.of(text, emptyZip, damaged, temp.resolve("finns-inte.zip"))) {
                assertThatThrownBy(() -> admin.services().maintenance().restore(admin.actor(), bad))
                        .as(bad.getFileName().toString())
                        .isInstanceOfSatisfying(RestoreRefused.class, e -> assertThat(e.reason())
                                .isEqualTo(RestoreRefused.Reason.NOT_A_BACKUP));
            }
            assertThat(names(admin)).containsExactly("Åsa Kvar");
            assertThat(temp.resolve("lotsbok.mv.db.txt")).doesNotExist();
        }
        try (Stream<Path> leftovers = Files.list(register.folder())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".restore-"));
        }
    }

    @Test
    void aRestoreWhileAnotherProgramHasTheRegisterOpenIsRefusedAndChangesNothing() {
        TestRegister register = TestRegister.create(temp.resolve("data"));
        try (Session admin = register.userWith("chef", Role.UNIT_HEAD, Role.ADMINISTRATOR);
                Database otherProgram = Database.open(register.folder(), register.key(), TestDatabases.CLOCK)) {
            Path backup = admin.services().maintenance().automaticBackup(admin.actor());
            create(admin, "Bo", "Efter", "082");

            assertThatThrownBy(() -> admin.services().maintenance().restore(admin.actor(), backup))
                    .isInstanceOfSatisfying(RestoreRefused.class,
                            e -> assertThat(e.reason()).isEqualTo(RestoreRefused.Reason.IN_USE));

            int stillThere = otherProgram.transaction(r -> r.participants().count());
            assertThat(stillThere).isEqualTo(1);
        }
        try (Session admin = register.login("chef")) {
            assertThat(names(admin)).containsExactly("Bo Efter");
        }
    }

    @Test
    void automaticBackupsComeDailyAndTheOldestGoBeyondTheNumberKept() {
        TestRegister register = TestRegister.create(temp.resolve("data"));
        Actor admin;
        try (Session session = register.login(TestRegister.ADMIN)) {
            admin = session.actor();
            session.services().maintenance().saveBackupSettings(admin,
                    new BackupSettings(temp.resolve("kopior").toString(), 3));
        }
        // 08:00 in Stockholm; then a day less an hour (not due), then five times a day and an hour.
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T07:00:00Z"), TestDatabases.STOCKHOLM);
        try (Database db = register.openDirectly()) {
            MaintenanceService maintenance = new MaintenanceService(db, clock, List::of, new Compaction(db));
            assertThat(maintenance.backupIfDue(admin)).isPresent();
            clock.advance(Duration.ofHours(23));
            assertThat(maintenance.backupIfDue(admin)).isEmpty();
            for (int day = 0; day < 5; day++) {
                clock.advance(Duration.ofHours(25));
                assertThat(maintenance.backupIfDue(admin)).isPresent();
            }

            List<MaintenanceService.BackupFile> kept = maintenance.backups(admin);
            assertThat(kept).hasSize(3);
            assertThat(kept.getFirst().path().getParent()).isEqualTo(temp.resolve("kopior"));
            assertThat(kept.getFirst().takenAt()).isEqualTo(java.time.LocalDateTime.of(2026, 12, 1, 12, 0));
            assertThat(kept.getLast().takenAt()).isEqualTo(java.time.LocalDateTime.of(2026, 11, 29, 10, 0));
        }
    }

    @Test
    void aBackupHoldsTheKeysAndNoReadableName() throws IOException {
        TestRegister register = TestRegister.create(temp.resolve("data"));
        Path backup;
        try (Session admin = register.userWith("chef", Role.UNIT_HEAD, Role.ADMINISTRATOR)) {
            create(admin, "Zlatan", "Igelkottsson", "081");
            backup = admin.services().maintenance().automaticBackup(admin.actor());
        }
        ByteArrayOutputStream database = new ByteArrayOutputStream();
        boolean keys = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(BackupArchive.DATABASE_ENTRY)) {
                    in.transferTo(database);
                }
                keys |= e.getName().equals(BackupArchive.KEYS_ENTRY);
            }
        }
        assertThat(keys).isTrue();
        assertThat(database.size()).isGreaterThan(4096);
        for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            assertThat(indexOf(database.toByteArray(), "Igelkottsson".getBytes(charset))).isEqualTo(-1);
        }
    }

    @Test
    void onlyAnAdministratorListsOrRestoresBackups() {
        TestRegister register = TestRegister.create(temp.resolve("data"));
        try (Session lots = register.userWith("lots", Role.NAVIGATOR)) {
            assertThatThrownBy(() -> lots.services().maintenance().backups(lots.actor())).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> lots.services().maintenance().restore(lots.actor(), temp.resolve("x.zip")))
                    .isInstanceOf(AccessDenied.class);
            // The automatic backup is the register's own safety and runs for whoever is logged in.
            assertThat(lots.services().maintenance().automaticBackup(lots.actor())).exists();
        }
    }

    private static void create(Session session, String first, String last, String serial) {
        session.services().participants().create(session.actor(),
                ParticipantInputs.valid().name(first, last).identity(Pins.dashed("20080314", serial)).build());
    }

    private static List<String> names(Session session) {
        return session.services().participants().list(session.actor()).stream().map(ParticipantSummary::fullName).toList();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
