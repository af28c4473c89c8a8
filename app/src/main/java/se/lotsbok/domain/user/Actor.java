package se.lotsbok.domain.user;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The logged-in user on whose behalf a read or change is made. Every store call that touches
 * personal data takes one, so that each access is attributable.
 *
 * @param navigatorId the navigator (lots) record this user is linked to, or null
 */
public record Actor(long userId, String username, String displayName, Set<Role> roles, Long navigatorId) {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Optional<Long> navigator() {
        return Optional.ofNullable(navigatorId);
    }
}
