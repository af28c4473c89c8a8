package se.lotsbok.store.common;

/** A failure in the data store that callers may show to the user; subclasses say which. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /** Another program (usually a second Lotsbok) has the database file open. */
    public static final class InUse extends StoreException {
        public InUse(Throwable cause) {
            super("database is in use by another program", cause);
        }
    }

    /** The key does not open the database file. */
    public static final class WrongKey extends StoreException {
        public WrongKey(Throwable cause) {
            super("the key does not open the database", cause);
        }
    }

    /** The database was made by a newer Lotsbok; it is left untouched. */
    public static final class TooNew extends StoreException {
        private final String fileVersion;

        public TooNew(String fileVersion) {
            super("database schema " + fileVersion + " is newer than this program");
            this.fileVersion = fileVersion;
        }

        public String fileVersion() {
            return fileVersion;
        }
    }

    /** Someone else saved the record after it was read; nothing was written. */
    public static final class StaleVersion extends StoreException {
        public StaleVersion(String what) {
            super(what + " was changed by someone else");
        }
    }

    /** A unique value (such as an identity number) is already taken; nothing was written. */
    public static final class Duplicate extends StoreException {
        private final String constraint;

        public Duplicate(String constraint, Throwable cause) {
            super("duplicate value for " + constraint, cause);
            this.constraint = constraint;
        }

        /** The unique constraint's name in lower case, e.g. {@code app_user_username_unique}. */
        public String constraint() {
            return constraint;
        }
    }

    /** A file offered as a backup cannot be restored; nothing was changed. */
    public static final class BadBackup extends StoreException {

        /** Why. */
        public enum Reason {
            /** Not a Lotsbok backup at all, or damaged. */
            NOT_A_BACKUP,
            /** A backup of another register: this register's key does not open it. */
            OTHER_REGISTER,
            /** Made by a newer Lotsbok. */
            TOO_NEW,
            /** Its access log does not verify. */
            LOG_BROKEN
        }

        private final Reason reason;

        public BadBackup(Reason reason, Throwable cause) {
            super("cannot restore the backup: " + reason, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** The office server refused the login: an unknown user, a wrong password or a deactivated account. */
    public static final class LoginRefused extends StoreException {
        public LoginRefused(Throwable cause) {
            super("the server refused the login", cause);
        }
    }

    /** The office server cannot be reached, or has no such database. */
    public static final class Unreachable extends StoreException {
        public Unreachable(Throwable cause) {
            super("the server cannot be reached", cause);
        }
    }

    /**
     * The database on the office server holds no register yet ({@code server-init}), or one of an
     * older schema that the server's administrator must upgrade ({@code server-upgrade}); users never
     * change the schema.
     */
    public static final class ServerNotReady extends StoreException {
        private final boolean initialised;

        public ServerNotReady(boolean initialised) {
            super(initialised ? "the register on the server awaits an upgrade" : "the database holds no register");
            this.initialised = initialised;
        }

        /** True when a register is there but awaits an upgrade; false when there is none. */
        public boolean initialised() {
            return initialised;
        }
    }

    /** The office server refused a statement: the user's database role does not allow it. */
    public static final class NotPermitted extends StoreException {
        public NotPermitted(Throwable cause) {
            super("the server refused: not permitted for this user", cause);
        }
    }

    /** Something only a register in a data folder has (its file, backups of it) was asked of a server. */
    public static final class OnServer extends StoreException {
        public OnServer(String what) {
            super(what + " is done with the server's own tools");
        }
    }
}
