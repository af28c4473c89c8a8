package se.lotsbok.service.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.access.RestoreNote;
import se.lotsbok.domain.backup.BackupSchedule;
import se.lotsbok.domain.backup.BackupSettings;
import se.lotsbok.domain.retention.RetentionCase;
import se.lotsbok.domain.retention.RetentionRule;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.store.Database;
import se.lotsbok.store.common.StoreException;

/** Facts about the register, and its backups: taken, rotated, listed and restored. */
public final class MaintenanceService {

    private static final System.Logger LOG = System.getLogger(MaintenanceService.class.getName());

    /** The folder inside the data folder that holds the backups unless the settings name another. */
    public static final String DEFAULT_FOLDER = "backups";

    /**
     * Counts and versions only: no personal data.
     *
     * @param fingerprint of the key this register signs its exported tallies with
     */
    public record RegisterInfo(String schemaVersion, int participants, String fingerprint) {
    }

    /** What a restore brought back. */
    public record Restored(int participants) {
    }

    /** A backup file in the backup folder. */
    public record BackupFile(Path path, LocalDateTime takenAt, long bytes) {
    }

    private final Database database;
    private final Clock clock;
    private final Supplier<List<byte[]>> earlierKeys;
    private final Compaction compaction;

    /** @param earlierKeys the register's earlier keys, which backups from before a key change need */
    public MaintenanceService(Database database, Clock clock, Supplier<List<byte[]>> earlierKeys, Compaction compaction) {
        this.database = database;
        this.clock = clock;
        this.earlierKeys = earlierKeys;
        this.compaction = compaction;
    }

    /** The file's size when it is due to be compacted at logout (which takes a while); 0 when it is not. */
    public long compactionDueBytes() {
        return compaction.dueBytes();
    }

    /** At logout or close: compacts the file if it has grown much since it last was. */
    public Compaction.Result compactIfDue() {
        return compaction.compactIfDue();
    }

    public RegisterInfo info(Actor actor) {
        record Counts(int participants, String fingerprint) {
        }
        Counts counts = database.transaction(repos -> new Counts(repos.participants().count(),
                repos.signingKey().fingerprint()));
        return new RegisterInfo(database.schemaVersion(), counts.participants(), counts.fingerprint());
    }

    /** Writes a consistent copy of the open, encrypted database; the copy is as encrypted as the original. */
    public void backup(Actor actor, Path zipFile) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_BACKUPS));
        database.backupTo(zipFile);
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.BACKUP, null, zipFile.getFileName().toString()));
    }

    /**
     * Takes a backup into the backup folder and removes the oldest beyond the number kept. This is
     * the register's own safety, not a user's choice: it runs for whoever is logged in (at log-out
     * and once a day while the app is open), and is logged.
     */
    public Path automaticBackup(Actor actor) {
        return backupInto(actor, backupSettings());
    }

    private Path backupInto(Actor actor, BackupSettings settings) {
        Path folder = folderOf(settings);
        Path file = folder.resolve(BackupSchedule.fileName(now(), null));
        database.backupTo(file);
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.BACKUP, null, "automatic " + file.getFileName()));
        rotate(folder, settings.keep());
        return file;
    }

    /** The backup taken when a user logs out or closes the window; none after a restore closed the register. */
    public Optional<Path> backupAtLogout(Actor actor) {
        // A server's backups are made with the server's own tools (README, "Kontorsservern").
        return database.isOpen() && !database.isServer() ? Optional.of(automaticBackup(actor)) : Optional.empty();
    }

    /** Takes an automatic backup if the newest in the backup folder is a day old or there is none. */
    public Optional<Path> backupIfDue(Actor actor) {
        if (database.isServer()) {
            return Optional.empty();
        }
        BackupSettings settings = backupSettings();
        Optional<LocalDateTime> newest = BackupSchedule.newest(names(folderOf(settings)));
        return BackupSchedule.isDue(newest, now()) ? Optional.of(backupInto(actor, settings)) : Optional.empty();
    }

    /** The backups in the backup folder, newest first. */
    public List<BackupFile> backups(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_BACKUPS));
        if (database.isServer()) {
            return List.of();
        }
        Path folder = folderOf(backupSettings());
        return names(folder).stream()
                .flatMap(name -> BackupSchedule.takenAt(name).map(at -> new BackupFile(folder.resolve(name), at, size(folder.resolve(name)))).stream())
                .sorted(Comparator.comparing(BackupFile::takenAt).reversed())
                .toList();
    }

    /**
     * Replaces the register with the backup {@code zipFile} after checking it; the register as it was
     * is first backed up into the backup folder, so a restore of the wrong file can be undone (that
     * backup is never rotated away). The restored register carries the access log written after the
     * backup was taken, and the personal data a gallring deleted since is deleted again, in the same
     * transaction as the swap: nobody opens a case before. The session ends: its database is closed,
     * and the user logs in to the restored register.
     *
     * @throws RestoreRefused when the file cannot be restored, or another program has the register
     *     open (nothing changed; in the latter case the session has ended)
     */
    public Restored restore(Actor actor, Path zipFile) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_BACKUPS));
        BackupSettings settings = backupSettings();
        Path safety = folderOf(settings).resolve(BackupSchedule.fileName(now(), BackupSchedule.BEFORE_RESTORE));
        Set<Long> deletedByGallring = database.transaction(repos -> repos.retention().anonymisedIds());
        try {
            Database.Restored restored = database.restoreFrom(zipFile, safety, earlierKeys.get(), (repos, carried) -> {
                RestoreNote note = new RestoreNote(zipFile.getFileName().toString(), safety.getFileName().toString(),
                        carried.from(), carried.to(), carried.as(), carried.before().count(), carried.before().lastHash());
                repos.accessLog().append(actor, AccessEvent.RESTORE, null, note.detail());
                for (RetentionCase file : repos.retention().cases(deletedByGallring, clock.getZone())) {
                    repos.retention().anonymise(actor, file.participantId(),
                            RetentionRule.residueBirthDate(file.birthDate()), clock.instant());
                }
                return null;
            });
            return new Restored(restored.participants());
        } catch (StoreException.BadBackup e) {
            throw new RestoreRefused(RestoreRefused.Reason.valueOf(e.reason().name()), e);
        } catch (StoreException.InUse e) {
            throw new RestoreRefused(RestoreRefused.Reason.IN_USE, e);
        }
    }

    public BackupSettings backupSettings() {
        return database.transaction(repos -> repos.settings().loadBackup());
    }

    public void saveBackupSettings(Actor actor, BackupSettings settings) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_BACKUPS));
        database.transaction(repos -> {
            repos.settings().saveBackup(actor, settings);
            return null;
        });
    }

    /** The folder the backups go to under {@code settings}. */
    public Path folderOf(BackupSettings settings) {
        return settings.folder().isEmpty() ? database.folder().resolve(DEFAULT_FOLDER) : Path.of(settings.folder());
    }

    private void rotate(Path folder, int keep) {
        for (String name : BackupSchedule.toRemove(names(folder), keep)) {
            try {
                Files.deleteIfExists(folder.resolve(name));
                LOG.log(System.Logger.Level.INFO, "old backup removed: {0}", name);
            } catch (IOException e) {
                // An old backup that cannot be removed now is removed by the next rotation.
                LOG.log(System.Logger.Level.WARNING, "an old backup could not be removed: " + name, e);
            }
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), clock.getZone());
    }

    private static List<String> names(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new StoreException("cannot list the backups in " + folder, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Writes the register as an SQL script, encrypted with the register's own key, to be read into a
     * Lotsbok whose H2 has another file format ({@code AuthService.restoreFromScript}).
     */
    public void script(Actor actor, Path file) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_BACKUPS));
        database.scriptTo(file);
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.BACKUP, null, "script"));
    }

    /** Logs that the register was just rebuilt from a script. */
    public void restoredFromScript(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_BACKUPS));
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.BACKUP, null, "restored from script"));
    }
}
