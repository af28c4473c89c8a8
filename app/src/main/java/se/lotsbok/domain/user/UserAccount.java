package se.lotsbok.domain.user;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A user account as the administrator sees it. Passwords never appear here. */
public record UserAccount(long id, String username, String displayName, Set<Role> roles, boolean active,
        Long navigatorId, boolean mustChangePassword) {

    public UserAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public Actor asActor() {
        return new Actor(id, username, displayName, roles, navigatorId);
    }
}
