package se.lotsbok.service.auth;

/** A register could not be rebuilt from a script; {@link #reason()} says why, and nothing was left behind. */
public final class ScriptRefused extends RuntimeException {

    public enum Reason {
        /** The folder already holds a register: a script is only ever read into an empty one. */
        REGISTER_EXISTS,
        /** The folder has no key file: it must be copied from the old folder first. */
        NO_KEY_FILE,
        /** The script cannot be read with this register's key, or is damaged. */
        UNREADABLE,
        /** Only an administrator restores the register. */
        NOT_ADMINISTRATOR
    }

    private final Reason reason;

    ScriptRefused(Reason reason, Throwable cause) {
        super(reason.name(), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
