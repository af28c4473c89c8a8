package se.lotsbok.domain.common;

import java.util.Objects;

/**
 * The logged-in user on whose behalf a read or change is made. Every store call that touches
 * personal data takes one, so that each access is attributable.
 */
public record Actor(long userId, String username) {

    /** Stands in for a logged-in user until accounts exist; never a real person. */
    public static final Actor PLACEHOLDER = new Actor(0, "lotsbok");

    public Actor {
        Objects.requireNonNull(username, "username");
    }
}
