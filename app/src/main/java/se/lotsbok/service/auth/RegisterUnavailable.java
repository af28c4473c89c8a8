package se.lotsbok.service.auth;

/** The register could not be opened after a correct password; {@link #reason()} says why. */
public final class RegisterUnavailable extends RuntimeException {

    public enum Reason {
        /** Another program (usually a second Lotsbok) has the file open. */
        IN_USE,
        /** A newer Lotsbok made the file; it was left untouched. */
        TOO_NEW,
        /** The office server's database holds no register yet, or one awaiting its administrator's upgrade. */
        SERVER_NOT_READY,
        /** Anything else: a damaged file, a full disk. */
        CANNOT_OPEN
    }

    private final Reason reason;
    private final String fileVersion;

    RegisterUnavailable(Reason reason, String fileVersion, Throwable cause) {
        super(reason.name(), cause);
        this.reason = reason;
        this.fileVersion = fileVersion;
    }

    public Reason reason() {
        return reason;
    }

    /** The schema version of a file too new for this program; empty otherwise. */
    public String fileVersion() {
        return fileVersion;
    }
}
