package se.lotsbok.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.access.RestoreNote;
import se.lotsbok.domain.backup.BackupSchedule;
import se.lotsbok.domain.backup.BackupSettings;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.access.AccessLogService;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.MutableClock;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.PastRegister;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * A restore and the access log: the log written after the backup was taken is not lost with the data
 * it describes, the backup of the register as it was is never rotated away, and what a gallring
 * deleted after the backup was taken is deleted again before anyone can open a case.
 */
class RestoreTest {

    @TempDir
    Path temp;

    @Test
    void theRestoredRegisterCarriesTheLogWrittenAfterTheBackupAndSaysSo() {
        TestRegister register = TestRegister.create(temp.resolve("data"));
        Path backup;
        long bo;
        List<AccessLogEntry> afterBackup;
        try (Session admin = register.userWith("chef", Role.UNIT_HEAD, Role.ADMINISTRATOR)) {
            create(admin, "Åsa", "Före", "081");
            backup = admin.services().maintenance().automaticBackup(admin.actor());
            long backupRows = admin.services().accessLog().review(admin.actor(), AccessLogQuery.all()).size();
            bo = create(admin, "Bo", "Efter", "082");
            admin.services().participants().open(admin.actor(), bo);
            List<AccessLogEntry> all = admin.services().accessLog().review(admin.actor(), AccessLogQuery.all()).reversed();
            afterBackup = all.subList((int) backupRows, all.size());

            admin.services().maintenance().restore(admin.actor(), backup);
        }

        try (Session admin = register.login("chef")) {
            List<AccessLogEntry> log = admin.services().accessLog().review(admin.actor(), AccessLogQuery.all()).reversed();
            AccessLogEntry restore = log.stream().filter(e -> e.event() == AccessEvent.RESTORE).findFirst().orElseThrow();
            RestoreNote note = RestoreNote.parse(restore.detail()).orElseThrow();
            assertThat(note.backup()).isEqualTo(backup.getFileName().toString());
            assertThat(note.carriedTo()).isEqualTo(note.headBefore());
            assertThat(note.carriedAs()).isEqualTo(restore.seq() - note.carried());
            // The rows after the backup (from the row of the backup itself on), the creation and opening of Bo
            // included, are there with their own times.
            List<AccessLogEntry> carried = log.subList((int) note.carriedAs() - 1, (int) restore.seq() - 1);
            assertThat(carried).extracting(AccessLogEntry::event, AccessLogEntry::participantId, AccessLogEntry::at)
                    .containsSequence(afterBackup.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.event(),
                            e.participantId(), e.at())).toArray(org.assertj.core.groups.Tuple[]::new));
            assertThat(carried).extracting(AccessLogEntry::event).contains(AccessEvent.BACKUP, AccessEvent.PARTICIPANT_CREATED,
                    AccessEvent.PARTICIPANT_OPENED);
            assertThat(admin.services().accessLog().verify(admin.actor()).intact()).isTrue();
            assertThat(admin.services().accessLog().restores(admin.actor())).extracting(AccessLogService.Restore::note)
                    .containsExactly(note);
        }
    }

    @Test
    void theBackupTakenBeforeARestoreIsNeverRotatedAway() throws Exception {
        MutableClock clock = new MutableClock(TestDatabases.CLOCK.instant(), TestDatabases.STOCKHOLM);
        TestRegister register = TestRegister.create(temp.resolve("data"), clock);
        Path kept = temp.resolve("kopior");
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().maintenance().saveBackupSettings(admin.actor(), new BackupSettings(kept.toString(), 1));
            Path backup = admin.services().maintenance().automaticBackup(admin.actor());
            clock.advance(Duration.ofHours(1));
            admin.services().maintenance().restore(admin.actor(), backup);
        }
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofHours(1));
            try (Session admin = register.login(TestRegister.ADMIN)) {
                admin.services().maintenance().automaticBackup(admin.actor());
            }
        }
        try (Stream<Path> files = Files.list(kept)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "lotsbok-2026-11-25-113000-fore-aterstallning.zip", "lotsbok-2026-11-25-143000.zip");
        }
    }

    @Test
    void whatAGallringDeletedAfterTheBackupIsDeletedAgainInTheRestoredRegister() {
        PastRegister past = PastRegister.create(TestDatabases.folder(temp), LocalDate.of(2016, 1, 1));
        long ada = past.closedCase("Ada", "Gallrad", "20040707", "111", LocalDate.of(2019, 3, 1), LocalDate.of(2019, 6, 1));
        past.today();
        Session chef = past.chef();
        Path backup;
        try (Session admin = past.register().login(TestRegister.ADMIN)) {
            backup = admin.services().maintenance().automaticBackup(admin.actor());
        }
        assertThat(chef.services().retention().delete(chef.actor(), List.of(ada)).deleted()).isEqualTo(1);
        chef.close();

        try (Session admin = past.register().login(TestRegister.ADMIN)) {
            admin.services().maintenance().restore(admin.actor(), backup);
        }

        try (Session again = past.register().login("chef")) {
            assertThat(again.services().participants().list(again.actor())).extracting(ParticipantSummary::lastName)
                    .doesNotContain("Gallrad");
            assertThat(again.services().participants().open(again.actor(), ada)).isEmpty();
            List<AccessLogEntry> log = again.services().accessLog().review(again.actor(), AccessLogQuery.forParticipant(ada, 100));
            // the gallring itself (carried over from before the restore) and its redoing after it
            assertThat(log).filteredOn(e -> e.event() == AccessEvent.RETENTION_DELETED).hasSize(2);
            assertThat(again.services().accessLog().verify(again.actor())).isInstanceOf(AccessLogChain.Intact.class);
        }
    }

    private static long create(Session session, String first, String last, String serial) {
        var outcome = session.services().participants().create(session.actor(),
                ParticipantInputs.valid().name(first, last).identity(Pins.dashed("20080314", serial)).build());
        return ((se.lotsbok.service.participant.SaveOutcome.Saved) outcome).participant().id();
    }
}
