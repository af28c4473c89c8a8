package se.lotsbok.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.ChangeFileEncryption;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.store.access.LogHeadFile;
import se.lotsbok.store.backup.BackupArchive;
import se.lotsbok.store.journal.V6__GuardSignedNotes;
import se.lotsbok.store.report.V16__FollowUpReportTrigger;
import se.lotsbok.store.report.V9__ReportChangeTriggers;
import se.lotsbok.store.security.FileAccess;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.store.security.KeyWrap;
import se.lotsbok.store.security.V18__SigningKey;
import se.lotsbok.store.common.StoreException;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.store.server.ServerConnections;

/**
 * The register: either the H2 file in a data folder, encrypted with AES under a random database key,
 * created and migrated on first open, every commit on disk before it returns; or a PostgreSQL office
 * server ({@link #connect}), where the user is a database login and the database enforces the rules.
 * Callers see one transaction per user action and the same repositories on both.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    /** The base name of the H2 file: {@code lotsbok.mv.db} in the data folder. */
    public static final String FILE_NAME = "lotsbok";

    private static final String USER = "lotsbok";
    /** File systems on which H2's automatic server mode is not used (documented corruption over SMB). */
    private static final Set<String> NETWORK_FILE_SYSTEMS = Set.of("cifs", "smb", "smbfs", "smb2", "smb3", "nfs", "nfs4",
            "afs", "9p", "fuse.sshfs", "webdav", "davfs");

    static {
        // The server a second program on this PC connects to (AUTO_SERVER, below) listens on this PC's
        // loopback address only: no other computer can reach the register through it.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }
    /** DEFLATE, because H2 refuses ZIP together with a cipher. */
    private static final String SCRIPT_OPTIONS = "COMPRESSION DEFLATE CIPHER AES PASSWORD ?";
    private static final List<String> UNIQUE_CONSTRAINTS = List.of("participant_identity_number_unique", "app_user_username_unique", "app_user_navigator_unique");

    private final Path folder;
    private final Clock clock;
    /** The open connection pool and what belongs to it; replaced when the key changes or the file is compacted. */
    private volatile Handle handle;
    /** The transaction running on this thread, which nested calls join. */
    private final ThreadLocal<Repositories> current = new ThreadLocal<>();
    /** The office server this register is on, or null for the file in {@link #folder}. */
    private final ServerAddress server;
    private volatile boolean open = true;

    private Database(Path folder, Clock clock, Handle handle) {
        this(folder, null, clock, handle);
    }

    private Database(Path folder, ServerAddress server, Clock clock, Handle handle) {
        this.folder = folder;
        this.server = server;
        this.clock = clock;
        this.handle = handle;
    }

    /**
     * Connects to the register on an office server as the PostgreSQL login {@code login}. The server's
     * schema must be initialised and at this program's version; nothing is migrated by a user.
     *
     * @throws StoreException.LoginRefused when the server refuses the login or the password
     * @throws StoreException.TooNew when a newer program upgraded the schema
     * @throws StoreException.ServerNotReady when the database is not initialised or awaits an upgrade
     */
    public static Database connect(ServerAddress server, String login, char[] password, java.util.Map<String, String> env,
            Clock clock) {
        JdbcConnectionPool pool = ServerConnections.pool(server, login, password, env);
        try {
            ServerConnections.checkReady(pool);
            // No key and no copy of the log head: the server keeps its files and its log itself.
            return new Database(null, server, clock, new Handle(new byte[0], pool,
                    DSL.using(pool, SQLDialect.POSTGRES, ServerConnections.settings()), null, false));
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /**
     * The pool on the file with its key, and the copy of the log head sealed with that key.
     * {@code headCopyAgreed}: whether the copy agreed with the log when the file was opened. If not, the
     * copy is left as it is: writing new heads over it would hide that the log's end was tampered with.
     */
    private record Handle(byte[] key, JdbcConnectionPool pool, DSLContext dsl, LogHeadFile logHead,
            boolean headCopyAgreed) {
    }

    /** Opens a pool on the file in {@code folder}, migrated; the file must open with {@code key}. */
    private static Handle connect(Path folder, byte[] key, Clock clock) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(folder), USER, passwords(key));
        try {
            checkOpenable(pool);
            migrate(pool);
            DSLContext dsl = DSL.using(pool, SQLDialect.H2, new Settings()
                    .withExecuteLogging(false)
                    .withRenderSchema(false));
            LogHeadFile logHead = new LogHeadFile(folder, key);
            return new Handle(key.clone(), pool, dsl, logHead, headCopyAgrees(dsl, logHead, clock));
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** The office server this register is on; empty for a register in a data folder. */
    public Optional<ServerAddress> server() {
        return Optional.ofNullable(server);
    }

    /** Whether this register is on an office server (no files of its own: backups are the server's). */
    public boolean isServer() {
        return server != null;
    }

    /** Where the register is, as a user would name it: the data folder, or the server address. */
    public String location() {
        return server == null ? folder.toAbsolutePath().toString() : server.toString();
    }

    private static boolean headCopyAgrees(DSLContext dsl, LogHeadFile logHead, Clock clock) {
        LogHeadFile.State copy = logHead.read();
        return dsl.transactionResult(cfg -> {
            Repositories repos = new Repositories(cfg.dsl(), clock);
            AccessLogChain.Head head = repos.accessLog().head();
            return switch (copy) {
                case LogHeadFile.Missing missing -> head.count() == 0;
                case LogHeadFile.Forged forged -> false;
                case LogHeadFile.Sealed sealed -> sealed.head().count() <= head.count()
                        && repos.accessLog().hashAt(sealed.head().count())
                                .filter(sealed.head().lastHash()::equals).isPresent();
            };
        });
    }

    /**
     * Opens the database in {@code folder} with {@code key}, creating the folder and the file if
     * missing and migrating the schema to this program's version.
     *
     * @throws StoreException.WrongKey when {@code key} does not open the file
     * @throws StoreException.InUse when another program holds the file
     * @throws StoreException.TooNew when a newer program made the file (nothing is changed)
     */
    public static Database open(Path folder, byte[] key, Clock clock) {
        Objects.requireNonNull(folder, "folder");
        if (key.length != KeyWrap.KEY_BYTES) {
            throw new IllegalArgumentException("database key must be " + KeyWrap.KEY_BYTES + " bytes");
        }
        try {
            FileAccess.createFolder(folder);
        } catch (IOException e) {
            throw new StoreException("cannot create data folder " + folder, e);
        }
        refuseIfTooNew(folder, key);
        Database database = new Database(folder, clock, connect(folder, key, clock));
        try {
            database.transaction(repos -> {
                repos.reports().pruneChanges();
                return null;
            });
            database.ownerOnly();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The register's files are the running account's alone (older versions made them readable by all). */
    private void ownerOnly() {
        try {
            FileAccess.tighten(folder);
            for (String name : new String[] {FILE_NAME + ".mv.db", FILE_NAME + ".lock.db", KeyFile.FILE_NAME,
                    LogHeadFile.FILE_NAME}) {
                FileAccess.tighten(folder.resolve(name));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the register''s files could not be made private ({0})",
                    e.getClass().getSimpleName());
        }
    }

    /** Whether {@code folder} holds a database file. */
    public static boolean exists(Path folder) {
        return Files.exists(folder.resolve(FILE_NAME + ".mv.db"));
    }

    /**
     * Encrypts, in place, a database file written before encryption at rest existed, so that no
     * register is stranded by the upgrade. The folder must not be open.
     */
    public static void encryptExisting(Path folder, byte[] key) {
        String filePassword = HexFormat.of().formatHex(key);
        try {
            ChangeFileEncryption.execute(folder.toString(), FILE_NAME, "AES", null, filePassword.toCharArray(), true);
            // The first release's file has its user without a password; from now on the user has one.
            try (Connection connection = DriverManager.getConnection(url(folder), USER, filePassword + " ");
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER USER " + USER + " SET PASSWORD '" + USER + "'");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot encrypt the existing database", e);
        }
    }

    /** Where the register lives. */
    public Path folder() {
        return folder;
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or, if it throws, none of it.
     * Called again from within {@code work} on the same thread, it joins the running transaction,
     * so that a batch of service calls (an import) is one transaction.
     */
    public <T> T transaction(Function<Repositories, T> work) {
        Repositories outer = current.get();
        if (outer != null) {
            return work.apply(outer);
        }
        try {
            AtomicReference<Repositories> used = new AtomicReference<>();
            Handle now = handle;
            T result = now.dsl().transactionResult(cfg -> {
                Repositories repos = new Repositories(cfg.dsl(), clock, server != null);
                used.set(repos);
                current.set(repos);
                try {
                    return work.apply(repos);
                } finally {
                    current.remove();
                }
            });
            used.get().accessLog().appendedHead().ifPresent(head -> mirrorLogHead(now, head));
            return result;
        } catch (IntegrityConstraintViolationException e) {
            throw new StoreException.Duplicate(constraintOf(e), e);
        } catch (DataAccessException e) {
            if (server != null && ServerConnections.refusedByTheServer(e)) {
                throw new StoreException.NotPermitted(e);
            }
            throw new StoreException("database operation failed", e);
        }
    }

    /** The applied schema version, e.g. "1". */
    public String schemaVersion() {
        MigrationInfo current = (server == null ? flyway(handle.pool()) : ServerConnections.flyway(handle.pool()))
                .info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    /**
     * Writes a backup of the open database to {@code zipFile}: H2's consistent copy of the file
     * (still encrypted) and the wrapped keys, written under a temporary name and moved into place.
     */
    public void backupTo(Path zipFile) {
        refuseOnServer("backup");
        try {
            BackupArchive.write(zipFile, h2Zip -> handle.dsl().execute("BACKUP TO ?", h2Zip.toString()),
                    folder.resolve(KeyFile.FILE_NAME));
            LOG.log(System.Logger.Level.INFO, "backup written to {0} ({1} bytes)", zipFile.toAbsolutePath(),
                    Files.size(zipFile));
        } catch (IOException | DataAccessException e) {
            LOG.log(System.Logger.Level.ERROR, "backup to " + zipFile.toAbsolutePath() + " failed", e);
            throw new StoreException("backup to " + zipFile + " failed", e);
        }
    }

    /** What a restore brought back. */
    public record Restored(int participants, long logEntries) {
    }

    /**
     * The rows of the log before a restore that the restored log carries on: rows {@code from}–{@code to}
     * of the old log (those written after the backup was taken) now follow from row {@code as} on.
     * {@code before} is the old log's head.
     */
    public record Carried(long from, long to, long as, AccessLogChain.Head before) {
    }

    /**
     * Replaces this register with the backup in {@code zip}. First the backup is checked in a copy
     * beside the register (it must be a Lotsbok backup, open with this register's key or one of its
     * {@code earlierKeys}, be no newer than this program, and its access log must verify); a backup
     * from before a change of the key is encrypted anew with the present key. Then the current
     * register is backed up to {@code safetyBackup}; then, if no other program is connected, the
     * current file is set aside and the checked one put in its place. In one transaction on it, the
     * rows of the access log written after the backup was taken are carried over from the log being
     * replaced and {@code afterwards} runs (the log entry of the restore, and what must be redone). If
     * anything fails after the swap, the set-aside file is put back. This database is closed when the
     * method returns, whatever the outcome: the user logs in again.
     *
     * @throws StoreException.BadBackup when the backup cannot be restored (nothing changed, and this
     *     database is still open)
     * @throws StoreException.InUse when another program has the register open (nothing changed)
     */
    public Restored restoreFrom(Path zip, Path safetyBackup, List<byte[]> earlierKeys,
            java.util.function.BiFunction<Repositories, Carried, ?> afterwards) {
        refuseOnServer("restore");
        Path work = folder.resolve(".restore-" + System.nanoTime());
        try {
            FileAccess.createFolder(work);
            Path candidate = FileAccess.createFolder(work.resolve("candidate"));
            try {
                BackupArchive.extractDatabase(zip, candidate);
            } catch (BackupArchive.NotABackup e) {
                throw new StoreException.BadBackup(StoreException.BadBackup.Reason.NOT_A_BACKUP, e);
            }
            byte[] key = handle.key();
            byte[] backupKey = keyOpening(candidate, key, earlierKeys);
            if (backupKey != key) {
                try {
                    ChangeFileEncryption.execute(candidate.toString(), FILE_NAME, "AES", filePassword(backupKey),
                            filePassword(key), true);
                } catch (SQLException e) {
                    throw new StoreException.BadBackup(StoreException.BadBackup.Reason.NOT_A_BACKUP, e);
                }
            }
            record Check(AccessLogChain.Verification log, AccessLogChain.Head head, int participants,
                    Map<Long, String> hashes) {
            }
            Check check;
            try (Database restored = open(candidate, key, clock)) {
                check = restored.transaction(repos -> {
                    AccessLogChain.Head last = repos.accessLog().head();
                    List<AccessLogEntry> rows = repos.accessLog().all();
                    Map<Long, String> hashes = new java.util.HashMap<>();
                    rows.forEach(r -> hashes.put(r.seq(), r.hash()));
                    return new Check(AccessLogChain.verify(rows, last, Optional.empty()), last,
                            repos.participants().count(), hashes);
                });
            } catch (StoreException.WrongKey e) {
                throw new StoreException.BadBackup(StoreException.BadBackup.Reason.OTHER_REGISTER, e);
            } catch (StoreException.TooNew e) {
                throw new StoreException.BadBackup(StoreException.BadBackup.Reason.TOO_NEW, e);
            } catch (StoreException | DataAccessException e) {
                throw new StoreException.BadBackup(StoreException.BadBackup.Reason.NOT_A_BACKUP, e);
            }
            if (check.log() instanceof AccessLogChain.Broken) {
                throw new StoreException.BadBackup(StoreException.BadBackup.Reason.LOG_BROKEN, null);
            }
            record Before(AccessLogChain.Head head, List<AccessLogEntry> after, long common) {
            }
            Before before = transaction(repos -> {
                long common = commonRows(repos, check.head(), check.hashes());
                return new Before(repos.accessLog().head(), repos.accessLog().after(common), common);
            });
            backupTo(safetyBackup);
            close();
            ensureAlone();
            swapIn(candidate, work.resolve("aside"), check.head(), repos -> {
                long as = repos.accessLog().carry(before.after());
                return afterwards.apply(repos, new Carried(before.common() + 1, before.head().count(), as, before.head()));
            });
            LOG.log(System.Logger.Level.INFO, "register restored from backup {0} ({1} access log entries)",
                    zip.toAbsolutePath(), check.head().count());
            return new Restored(check.participants(), check.head().count());
        } catch (IOException e) {
            throw new StoreException("restore from " + zip + " failed", e);
        } finally {
            deleteTree(work);
        }
    }

    /** Which of {@code key} and {@code earlierKeys} opens the database file in {@code candidate}. */
    private static byte[] keyOpening(Path candidate, byte[] key, List<byte[]> earlierKeys) {
        try {
            if (opensWith(candidate, key)) {
                return key;
            }
            for (byte[] earlier : earlierKeys) {
                if (opensWith(candidate, earlier)) {
                    return earlier;
                }
            }
        } catch (StoreException e) {
            throw new StoreException.BadBackup(StoreException.BadBackup.Reason.NOT_A_BACKUP, e);
        }
        throw new StoreException.BadBackup(StoreException.BadBackup.Reason.OTHER_REGISTER, null);
    }

    /**
     * How many rows the live log (in {@code repos}) and the backup's log have in common: the backup's
     * whole log when it was taken of this register, or fewer when the two went apart (a backup from
     * before an earlier restore).
     */
    private static long commonRows(Repositories repos, AccessLogChain.Head backup, Map<Long, String> backupHashes) {
        long live = repos.accessLog().head().count();
        long start = Math.min(backup.count(), live);
        if (start == backup.count() && repos.accessLog().hashAt(start).filter(backup.lastHash()::equals).isPresent()) {
            return start;
        }
        Map<Long, String> liveHashes = new java.util.HashMap<>();
        repos.accessLog().all().forEach(r -> liveHashes.put(r.seq(), r.hash()));
        for (long k = start; k > 0; k--) {
            if (liveHashes.get(k) != null && liveHashes.get(k).equals(backupHashes.get(k))) {
                return k;
            }
        }
        return 0;
    }

    /** Whether this database is still open (a restore closes it). */
    public boolean isOpen() {
        return open;
    }

    /**
     * Re-encrypts the file with {@code next} and reopens it with that key. The file is closed, copied
     * into a working folder beside it while a shared lock keeps any other program from opening it for
     * writing, re-encrypted there with H2's {@link ChangeFileEncryption}, written to disk, and moved over
     * the file in one step: a crash before the move leaves the file as it was (under the old key), a
     * crash after it the whole file under the new one. The sealed copy of the log head is sealed anew.
     * Callers record both keys before ({@code Vault.beginKeyChange}), so that either opens.
     *
     * @throws StoreException.InUse when another program has the register open (nothing changed; the
     *     database is open again with its old key)
     */
    public synchronized void changeKey(byte[] next) {
        refuseOnServer("key change");
        if (next.length != KeyWrap.KEY_BYTES) {
            throw new IllegalArgumentException("database key must be " + KeyWrap.KEY_BYTES + " bytes");
        }
        Handle old = handle;
        LogHeadFile.State head = old.logHead().read();
        old.pool().dispose();
        Path live = folder.resolve(FILE_NAME + ".mv.db");
        Path work = folder.resolve(".rekey-" + System.nanoTime());
        try {
            FileAccess.createFolder(work);
            Path copy = work.resolve(FILE_NAME + ".mv.db");
            try (FileChannel channel = FileChannel.open(live, StandardOpenOption.READ)) {
                FileLock lock = sharedLock(channel);
                if (lock == null) {
                    throw new StoreException.InUse(null);
                }
                try (lock) {
                    Files.copy(live, copy);
                    ChangeFileEncryption.execute(work.toString(), FILE_NAME, "AES", filePassword(old.key()),
                            filePassword(next), true);
                    try (FileChannel written = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                        written.force(true);
                    }
                }
            }
            copyAccess(live, copy);
            Files.move(copy, live, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(folder);
        } catch (IOException | SQLException | RuntimeException e) {
            deleteTree(work);
            handle = connect(folder, old.key(), clock);
            if (e instanceof StoreException.InUse inUse) {
                throw inUse;
            }
            throw new StoreException("cannot change the register's key", e);
        }
        deleteTree(work);
        carryLogHeadSeal(folder, head, next);
        handle = connect(folder, next, clock);
    }

    /**
     * After a key change was cut short between moving the re-encrypted file into place and sealing the
     * log head's copy anew: seals with {@code next} the copy that {@code key} sealed. Does nothing when
     * the copy is already sealed with {@code next}, missing, or sealed by neither.
     */
    public static void completeKeyChange(Path folder, byte[] key, byte[] next) {
        if (new LogHeadFile(folder, next).read() instanceof LogHeadFile.Sealed) {
            return;
        }
        carryLogHeadSeal(folder, new LogHeadFile(folder, key).read(), next);
    }

    private static void carryLogHeadSeal(Path folder, LogHeadFile.State head, byte[] next) {
        // A forged or missing copy stays so: sealing it with the new key would hide what happened to it.
        if (head instanceof LogHeadFile.Sealed sealed) {
            try {
                new LogHeadFile(folder, next).write(sealed.head());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "the copy of the access log head could not be sealed with the new key ({0})",
                        e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Whether {@code key} opens the database file in {@code folder} (during a key change cut short, one
     * of two keys does). The file is not changed.
     */
    public static boolean opensWith(Path folder, byte[] key) {
        JdbcDataSource readOnly = new JdbcDataSource();
        readOnly.setURL(ownUrl(folder) + ";ACCESS_MODE_DATA=r");
        readOnly.setUser(USER);
        readOnly.setPassword(passwords(key));
        try (Connection connection = readOnly.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            if (wrongKey(e)) {
                return false;
            }
        }
        // Read-only opening is refused while a lock file is there (another program, or one killed
        // with the file open): the ordinary opening tells a live server from a dead one.
        try (Connection connection = DriverManager.getConnection(url(folder), USER, passwords(key))) {
            return connection.isValid(1);
        } catch (SQLException e) {
            if (wrongKey(e)) {
                return false;
            }
            throw new StoreException("cannot read the database file", e);
        }
    }

    private static boolean wrongKey(SQLException e) {
        return e.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1 || e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD;
    }

    /** The size of the database file in bytes. */
    public long fileBytes() {
        if (server != null) {
            return 0;
        }
        try {
            return Files.size(folder.resolve(FILE_NAME + ".mv.db"));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Rewrites the file without the space that old versions of its pages take ({@code SHUTDOWN
     * COMPACT}) and reopens it, if no other program has it open; answers whether it did.
     */
    public synchronized boolean compact() {
        if (server != null) {
            return false;
        }
        Handle old = handle;
        old.pool().dispose();
        boolean compacted = false;
        try (Connection connection = DriverManager.getConnection(ownUrl(folder), USER, passwords(old.key()));
                Statement statement = connection.createStatement()) {
            boolean alone;
            try (ResultSet sessions = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                alone = sessions.next() && sessions.getInt(1) == 1;
            }
            if (alone) {
                statement.execute("SHUTDOWN COMPACT");
                compacted = true;
            }
        } catch (SQLException e) {
            // In use by another program, which the compaction must not cut off: it waits for another time.
            compacted = false;
        }
        ownerOnly();
        handle = connect(folder, old.key(), clock);
        return compacted;
    }

    private static FileLock sharedLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, true);
        } catch (OverlappingFileLockException e) {
            // This program still has the file open: another program is connected through its server.
            return null;
        }
    }

    private static char[] filePassword(byte[] key) {
        return HexFormat.of().formatHex(key).toCharArray();
    }

    /** Gives {@code target} the permissions (or Windows access list) that {@code source} has. */
    private static void copyAccess(Path source, Path target) throws IOException {
        var posix = Files.getFileAttributeView(source, java.nio.file.attribute.PosixFileAttributeView.class);
        if (posix != null) {
            Files.setPosixFilePermissions(target, posix.readAttributes().permissions());
            return;
        }
        var acl = Files.getFileAttributeView(source, java.nio.file.attribute.AclFileAttributeView.class);
        if (acl != null) {
            Files.getFileAttributeView(target, java.nio.file.attribute.AclFileAttributeView.class).setAcl(acl.getAcl());
        }
    }

    /** Makes a rename in {@code folder} durable where the system allows it (Linux, macOS). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder this way; its rename is written through NTFS's journal.
        }
    }

    private void ensureAlone() {
        try (var connection = java.sql.DriverManager.getConnection(url(folder), USER, passwords(handle.key()));
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            result.next();
            if (result.getInt(1) > 1) {
                throw new StoreException.InUse(null);
            }
        } catch (SQLException e) {
            throw new StoreException.InUse(e);
        }
    }

    private void swapIn(Path candidate, Path aside, AccessLogChain.Head head, Function<Repositories, ?> afterwards)
            throws IOException {
        Path file = folder.resolve(FILE_NAME + ".mv.db");
        Path headFile = folder.resolve(LogHeadFile.FILE_NAME);
        Files.createDirectories(aside);
        Files.move(file, aside.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        if (Files.exists(headFile)) {
            Files.move(headFile, aside.resolve(headFile.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(candidate.resolve(file.getFileName()), file, StandardCopyOption.ATOMIC_MOVE);
            new LogHeadFile(folder, handle.key()).write(head);
            try (Database restored = open(folder, handle.key(), clock)) {
                restored.transaction(afterwards);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(headFile);
            Files.move(aside.resolve(file.getFileName()), file, StandardCopyOption.ATOMIC_MOVE);
            if (Files.exists(aside.resolve(headFile.getFileName()))) {
                Files.move(aside.resolve(headFile.getFileName()), headFile, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover working copy is still encrypted; the next restore uses a new name.
            LOG.log(System.Logger.Level.WARNING, "a restore's working folder could not be removed: " + root, e);
        }
    }

    /**
     * Writes the whole register as SQL statements, compressed and encrypted with the register's own
     * key: the form in which a register crosses a change of H2's file format (H2 of any later version
     * reads it back, see {@link #restoreFromScript}).
     */
    public void scriptTo(Path file) {
        refuseOnServer("script");
        Path target = file.toAbsolutePath();
        try {
            FileAccess.createFolder(target.getParent());
            // Written owner-only under a temporary name and moved into place: never half a script.
            Path temp = FileAccess.newTempFile(target.getParent(), "lotsbok-script");
            try {
                handle.dsl().execute("SCRIPT TO ? " + SCRIPT_OPTIONS, temp.toString(),
                        HexFormat.of().formatHex(handle.key()));
                FileAccess.restrict(temp);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            LOG.log(System.Logger.Level.INFO, "register written as an SQL script to {0}", target);
        } catch (IOException | DataAccessException e) {
            LOG.log(System.Logger.Level.ERROR, "script to " + file.toAbsolutePath() + " failed", e);
            throw new StoreException("script to " + file + " failed", e);
        }
    }

    /**
     * Builds the register in {@code folder}, which must hold no database yet, from a script that
     * {@link #scriptTo} wrote with the same key, and seals a copy of its access log's head beside it.
     * On failure nothing is left in the folder but what was there.
     */
    public static void restoreFromScript(Path folder, byte[] key, Path script) {
        if (exists(folder)) {
            throw new StoreException("a register already exists in " + folder);
        }
        AccessLogChain.Head head;
        try (Connection connection = DriverManager.getConnection(url(folder), USER, passwords(key))) {
            try (PreparedStatement run = connection.prepareStatement("RUNSCRIPT FROM ? " + SCRIPT_OPTIONS)) {
                run.setString(1, script.toAbsolutePath().toString());
                run.setString(2, HexFormat.of().formatHex(key));
                run.execute();
            }
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT entry_count, last_hash FROM access_log_head")) {
                head = row.next() ? new AccessLogChain.Head(row.getLong(1), row.getString(2)) : null;
            }
        } catch (SQLException e) {
            removeFile(folder);
            LOG.log(System.Logger.Level.ERROR, "restoring the register from the script " + script.toAbsolutePath()
                    + " failed", e);
            throw new StoreException("cannot restore the register from " + script, e);
        }
        try {
            if (head != null) {
                new LogHeadFile(folder, key).write(head);
            }
        } catch (IOException e) {
            removeFile(folder);
            throw new StoreException("cannot write the copy of the access log head", e);
        }
    }

    /** Removes a register that {@link #restoreFromScript} built, with its log head copy; it must not be open. */
    public static void discard(Path folder) {
        removeFile(folder);
        try {
            Files.deleteIfExists(folder.resolve(LogHeadFile.FILE_NAME));
        } catch (IOException e) {
            throw new StoreException("cannot remove the register in " + folder, e);
        }
    }

    private static void removeFile(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(FILE_NAME + ".mv.db"));
            Files.deleteIfExists(folder.resolve(FILE_NAME + ".trace.db"));
        } catch (IOException e) {
            throw new StoreException("cannot remove the register in " + folder, e);
        }
    }

    /** The copy of the access log's head kept in a file beside the database. */
    public LogHeadFile.State logHeadCopy() {
        refuseOnServer("log head copy");
        return handle.logHead().read();
    }

    /**
     * Whether a copy of the log head is kept outside the database. On a server the head row is
     * written only by the database's own log function and no user may change it, so there is none.
     */
    public boolean keepsLogHeadCopy() {
        return server == null;
    }

    private void refuseOnServer(String what) {
        if (server != null) {
            throw new StoreException.OnServer(what);
        }
    }

    @Override
    public void close() {
        open = false;
        handle.pool().dispose();
    }

    private static void mirrorLogHead(Handle handle, AccessLogChain.Head head) {
        if (!handle.headCopyAgreed() || handle.logHead() == null) {
            return;
        }
        try {
            handle.logHead().write(head);
        } catch (IOException e) {
            // The commit stands; the copy lags behind until the next write, which a check tolerates.
            LOG.log(System.Logger.Level.WARNING, "the copy of the access log head could not be written", e);
        }
    }

    static String url(Path folder) {
        // CIPHER=AES: the file is encrypted, the key given as the file password. WRITE_DELAY=0: a
        // commit is on disk before it returns, so a killed process loses nothing it acknowledged.
        // TRACE_LEVEL_FILE=0: no trace file that could hold SQL with personal data. CACHE_SIZE (in KB):
        // 128 MB of decrypted pages instead of H2's 16 MB, so that a tally over a large register
        // reads its pages from memory, not again from the encrypted file (docs/benchmarks.md).
        // AUTO_SERVER: the first program to open the file serves it to later ones on the same PC (a
        // second window, a command, another user of a shared terminal server), so that they work on
        // one register instead of being refused; never on a network share, where it corrupts files.
        String url = ownUrl(folder);
        return onNetworkShare(folder) ? url : url + ";AUTO_SERVER=TRUE";
    }

    /**
     * A read-only connection to the file in {@code folder}: H2 changes no byte of a file opened so,
     * which is how the move to an office server reads a register and leaves the folder as it was.
     */
    public static Connection openReadOnly(Path folder, byte[] key) throws SQLException {
        return DriverManager.getConnection(ownUrl(folder) + ";ACCESS_MODE_DATA=r", USER, passwords(key));
    }

    /** The file opened by this program alone, without serving it to others. */
    private static String ownUrl(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve(FILE_NAME)
                + ";CIPHER=AES;WRITE_DELAY=0;TRACE_LEVEL_FILE=0;CACHE_SIZE=131072";
    }

    /** Whether {@code folder} lies on a network file system (or a Windows UNC path). */
    static boolean onNetworkShare(Path folder) {
        Path absolute = folder.toAbsolutePath();
        if (absolute.toString().startsWith("\\\\")) {
            return true;
        }
        try {
            Path existing = absolute;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null
                    && NETWORK_FILE_SYSTEMS.contains(Files.getFileStore(existing).type().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            return false;
        }
    }

    /** H2's password for an encrypted file: the file password, a space, the user password. */
    static String passwords(byte[] key) {
        return HexFormat.of().formatHex(key) + " " + USER;
    }

    private static void checkOpenable(JdbcConnectionPool pool) {
        try (var connection = pool.getConnection()) {
            connection.isValid(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new StoreException.InUse(e);
            }
            if (e.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1
                    || e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new StoreException.WrongKey(e);
            }
            throw new StoreException("cannot open database", e);
        }
    }

    /**
     * Refuses a file made by a newer program before anything opens it for writing: H2 rewrites parts
     * of a file it opens for writing even when no row changes, so the check reads the file read-only.
     * When the file cannot be read that way (in use, a wrong key), the opening for writing decides.
     */
    private static void refuseIfTooNew(Path folder, byte[] key) {
        if (!exists(folder)) {
            return;
        }
        JdbcDataSource readOnly = new JdbcDataSource();
        // Without AUTO_SERVER: a server cannot be started on a file opened read-only. When another
        // program already serves the file, this fails and that program's opening decides.
        readOnly.setURL(ownUrl(folder) + ";ACCESS_MODE_DATA=r");
        readOnly.setUser(USER);
        readOnly.setPassword(passwords(key));
        Optional<String> newer;
        try {
            newer = newerVersion(flyway(readOnly));
        } catch (FlywayException e) {
            return;
        }
        newer.ifPresent(version -> {
            throw new StoreException.TooNew(version);
        });
    }

    /**
     * Whether the file in {@code folder} is at this program's schema version, neither older (awaiting a
     * migration) nor newer; read without opening the file for writing, so nothing of it changes.
     */
    public static boolean atThisVersion(Path folder, byte[] key) {
        JdbcDataSource readOnly = new JdbcDataSource();
        readOnly.setURL(ownUrl(folder) + ";ACCESS_MODE_DATA=r");
        readOnly.setUser(USER);
        readOnly.setPassword(passwords(key));
        Flyway flyway = flyway(readOnly);
        return flyway.info().pending().length == 0 && newerVersion(flyway).isEmpty();
    }

    private static void migrate(JdbcConnectionPool pool) {
        Flyway flyway = flyway(pool);
        newerVersion(flyway).ifPresent(version -> {
            throw new StoreException.TooNew(version);
        });
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.log(System.Logger.Level.INFO, "schema migrated from version {0} to {1} ({2} migrations)",
                    result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion,
                    result.targetSchemaVersion, result.migrationsExecuted);
        }
    }

    /**
     * Loads and links what opening a register runs (H2, Flyway with every migration, jOOQ) on a
     * throwaway database in memory, so that a login soon after start-up does not wait for it. Called
     * in the background while the login window waits for a password; it touches no file.
     */
    public static void warmUp(Clock clock) {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:warm-up-" + System.nanoTime());
        memory.setUser(USER);
        // The connection held open keeps the in-memory database alive until it is closed.
        try (Connection held = memory.getConnection()) {
            migrations(memory).load().migrate();
            DSL.using(memory, SQLDialect.H2, new Settings().withExecuteLogging(false).withRenderSchema(false))
                    .transactionResult(cfg -> new Repositories(cfg.dsl(), clock).settings().load());
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "warming up the database classes failed", e);
        }
    }

    /** The newest version applied to the file that this program does not know, if any. */
    private static Optional<String> newerVersion(Flyway flyway) {
        return Arrays.stream(flyway.info().applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, second) -> second)
                .map(m -> m.getVersion().getVersion());
    }

    private static Flyway flyway(DataSource dataSource) {
        return migrations(dataSource).load();
    }

    /** Every migration of this program, SQL and Java, on {@code dataSource}; tests build older schemas from it. */
    static FluentConfiguration migrations(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new V6__GuardSignedNotes(), new V9__ReportChangeTriggers(),
                        new V16__FollowUpReportTrigger(), new V18__SigningKey());
    }

    private static String constraintOf(IntegrityConstraintViolationException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return UNIQUE_CONSTRAINTS.stream().filter(message::contains).findFirst().orElse("unknown");
    }
}
