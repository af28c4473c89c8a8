package se.lotsbok.service.maintenance;

/** A restore that did not happen, and why; the register is unchanged. */
public final class RestoreRefused extends RuntimeException {

    /** Why; each has a message {@code backup.bad.<REASON>}. */
    public enum Reason {
        /** Not a Lotsbok backup at all, or damaged. */
        NOT_A_BACKUP,
        /** A backup of another register. */
        OTHER_REGISTER,
        /** Made by a newer Lotsbok. */
        TOO_NEW,
        /** Its access log does not verify. */
        LOG_BROKEN,
        /** Another program has the register open; the session that asked has ended. */
        IN_USE
    }

    private final Reason reason;

    public RestoreRefused(Reason reason, Throwable cause) {
        super("restore refused: " + reason, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
