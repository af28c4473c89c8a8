package se.lotsbok.domain.access;

/** A refused action; {@link #reason()} is the message key that says why. */
public final class AccessDenied extends RuntimeException {

    private final String reason;

    public AccessDenied(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** Throws when {@code decision} is a refusal. */
    public static void unless(Decision decision) {
        if (decision instanceof Decision.Refused refused) {
            throw new AccessDenied(refused.reason());
        }
    }
}
