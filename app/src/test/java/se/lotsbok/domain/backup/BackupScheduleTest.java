package se.lotsbok.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackupScheduleTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 25, 12, 0, 0);

    @Test
    void aNameCarriesItsTimeAndReadsBack() {
        String name = BackupSchedule.fileName(NOON.plusSeconds(7).plusNanos(5), null);
        assertThat(name).isEqualTo("lotsbok-2026-11-25-120007.zip");
        assertThat(BackupSchedule.takenAt(name)).contains(NOON.plusSeconds(7));
        assertThat(BackupSchedule.takenAt(BackupSchedule.fileName(NOON, BackupSchedule.BEFORE_RESTORE)))
                .contains(NOON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lotsbok.zip", "lotsbok-2026-11-25.zip", "lotsbok-2026-13-25-120000.zip",
        "lotsbok-2026-11-25-120000.zip.tmp", "minkopia-2026-11-25-120000.zip", "lotsbok-2026-11-25-120000-X.zip",
        "lotsbok-2026-02-30-120000.zip", "anteckningar.docx"})
    void otherFilesAreNotBackups(String name) {
        assertThat(BackupSchedule.takenAt(name)).isEmpty();
    }

    @Test
    void aBackupIsDueWithNoneOrOnceTheNewestIsADayOld() {
        assertThat(BackupSchedule.isDue(Optional.empty(), NOON)).isTrue();
        assertThat(BackupSchedule.isDue(Optional.of(NOON.minusHours(23).minusMinutes(59)), NOON)).isFalse();
        assertThat(BackupSchedule.isDue(Optional.of(NOON.minusDays(1)), NOON)).isTrue();
        assertThat(BackupSchedule.isDue(Optional.of(NOON.minusDays(30)), NOON)).isTrue();
        // A clock set back (the newest looks like the future) is no reason to skip a day's backups forever.
        assertThat(BackupSchedule.isDue(Optional.of(NOON.plusHours(2)), NOON)).isFalse();
    }

    @Test
    void rotationKeepsTheNewestAndNeverTouchesOtherFilesNorTheBackupsTakenBeforeARestore() {
        List<String> names = List.of(BackupSchedule.fileName(NOON.minusDays(2), null),
                BackupSchedule.fileName(NOON, null), "minkopia.zip",
                BackupSchedule.fileName(NOON.minusDays(1), BackupSchedule.BEFORE_RESTORE),
                BackupSchedule.fileName(NOON.minusDays(4), BackupSchedule.BEFORE_RESTORE),
                BackupSchedule.fileName(NOON.minusDays(3), null));

        assertThat(BackupSchedule.toRemove(names, 1)).containsExactly(BackupSchedule.fileName(NOON.minusDays(2), null),
                BackupSchedule.fileName(NOON.minusDays(3), null));
        assertThat(BackupSchedule.toRemove(names, 3)).isEmpty();
        assertThat(BackupSchedule.newest(names)).contains(NOON);
    }

    @Test
    void rotationOnAnyMixKeepsExactlyTheKeepNewestBackupsAndEveryBackupTakenBeforeARestore() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<String> names = new ArrayList<>();
            Set<LocalDateTime> times = new HashSet<>();
            int backups = random.nextInt(30);
            for (int i = 0; i < backups; i++) {
                LocalDateTime at = NOON.minusMinutes(random.nextInt(100_000));
                if (times.add(at)) {
                    names.add(BackupSchedule.fileName(at, random.nextBoolean() ? null : BackupSchedule.BEFORE_RESTORE));
                }
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                names.add("annan-fil-" + i + ".zip");
            }
            Collections.shuffle(names, random);
            int keep = 1 + random.nextInt(20);

            List<String> removed = BackupSchedule.toRemove(names, keep);

            List<String> kept = names.stream().filter(n -> BackupSchedule.takenAt(n).isPresent())
                    .filter(n -> !removed.contains(n)).filter(n -> !n.contains(BackupSchedule.BEFORE_RESTORE)).toList();
            long ordinary = names.stream().filter(n -> BackupSchedule.takenAt(n).isPresent())
                    .filter(n -> !n.contains(BackupSchedule.BEFORE_RESTORE)).count();
            assertThat(kept).hasSize((int) Math.min(keep, ordinary));
            assertThat(removed).noneMatch(n -> n.contains(BackupSchedule.BEFORE_RESTORE));
            assertThat(removed).allSatisfy(r -> assertThat(kept).allSatisfy(k ->
                    assertThat(BackupSchedule.takenAt(k).orElseThrow()).isAfter(BackupSchedule.takenAt(r).orElseThrow())));
        }
    }

    @Test
    void settingsKeepAtLeastOneAndAtMostAYear() {
        assertThatThrownBy(() -> new BackupSettings("", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackupSettings("", 366)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BackupSettings("  D:\\Säkerhetskopior  ", 1).folder()).isEqualTo("D:\\Säkerhetskopior");
    }
}
