package se.lotsbok.domain.access;

/** Allowed, or refused with a reason the user is shown. */
public sealed interface Decision {

    Decision ALLOWED = new Allowed();

    default boolean allowed() {
        return this instanceof Allowed;
    }

    record Allowed() implements Decision {
    }

    /** {@code reason} is a message key, e.g. {@code access.refused.notOwn}. */
    record Refused(String reason) implements Decision {
    }
}
