package se.lotsbok.service.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.navigator.NavigatorRef;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.store.Database;
import se.lotsbok.store.common.StoreException;

/** The administrator's user management: create, change, deactivate, reset a password. */
public final class UserService {

    /** Done, or refused for a reason the form shows beside the field. */
    public sealed interface Outcome {
    }

    /** Done; {@code keyChange} is set when the action changed the register's key (a deactivation). */
    public record Done(UserAccount user, UserKeys.KeyChange keyChange) implements Outcome {
        public Done(UserAccount user) {
            this(user, null);
        }
    }

    public record Rejected(Credentials.Problem problem) implements Outcome {
    }

    /** A rule of the unit, e.g. the last administrator cannot be deactivated; {@code reason} is a message key. */
    public record NotPossible(String reason) implements Outcome {
    }

    private final Database database;
    private final UserKeys keys;
    private final Clock clock;

    public UserService(Database database, UserKeys keys, Clock clock) {
        this.database = database;
        this.keys = keys;
        this.clock = clock;
    }

    public List<UserAccount> list(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_USERS));
        return database.transaction(repos -> repos.users().list());
    }

    /** The navigator records a user may be linked to. */
    public List<NavigatorRef> navigators(Actor actor) {
        return database.transaction(repos -> repos.navigators().list());
    }

    /** Creates an account with a temporary password, to be changed at the first login. */
    public Outcome create(Actor actor, String username, String displayName, Set<Role> roles, Long navigatorId,
            char[] password, char[] repeated) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_USERS));
        String name = Credentials.normaliseUsername(username);
        Optional<Credentials.Problem> problem = Credentials.checkNewAccount(name, displayName, password, repeated);
        if (problem.isPresent()) {
            return new Rejected(problem.get());
        }
        UserAccount created;
        try {
            created = database.transaction(repos -> {
                if (repos.users().findByUsername(name).isPresent()) {
                    return null;
                }
                UserAccount user = repos.users().insert(name, TypedText.strip(displayName), roles, navigatorId, true,
                        clock.instant());
                repos.accessLog().append(actor, AccessEvent.USER_CREATED, null, "user=" + user.id());
                return user;
            });
        } catch (StoreException.Duplicate e) {
            return e.constraint().equals("app_user_navigator_unique")
                    ? new NotPossible("users.error.navigatorTaken") : new Rejected(Credentials.Problem.USERNAME_TAKEN);
        }
        if (created == null) {
            return new Rejected(Credentials.Problem.USERNAME_TAKEN);
        }
        keys.setPassword(name, password, temporaryUntil());
        return new Done(created);
    }

    public Outcome update(Actor actor, long userId, String displayName, Set<Role> roles, Long navigatorId) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_USERS));
        Optional<Credentials.Problem> problem = Credentials.checkDisplayName(displayName);
        if (problem.isPresent()) {
            return new Rejected(problem.get());
        }
        try {
            return database.transaction(repos -> {
                UserAccount before = repos.users().find(userId).orElseThrow();
                if (before.roles().contains(Role.ADMINISTRATOR) && !roles.contains(Role.ADMINISTRATOR)
                        && otherActiveAdministrators(repos.users().list(), userId) == 0) {
                    return new NotPossible("users.error.lastAdministrator");
                }
                UserAccount after = repos.users().update(userId, TypedText.strip(displayName), roles, navigatorId);
                repos.accessLog().append(actor, AccessEvent.USER_CHANGED, null, "user=" + userId
                        + roleChange(before.roles(), after.roles()));
                return new Done(after);
            });
        } catch (StoreException.Duplicate e) {
            return new NotPossible("users.error.navigatorTaken");
        }
    }

    /** Deactivates an account: it can no longer log in, and its history stays. */
    public Outcome deactivate(Actor actor, long userId) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_USERS));
        Outcome outcome = database.transaction(repos -> {
            UserAccount user = repos.users().find(userId).orElseThrow();
            if (user.roles().contains(Role.ADMINISTRATOR) && otherActiveAdministrators(repos.users().list(), userId) == 0) {
                return new NotPossible("users.error.lastAdministrator");
            }
            repos.users().setActive(userId, false);
            repos.accessLog().append(actor, AccessEvent.USER_DEACTIVATED, null, "user=" + userId);
            return new Done(repos.users().find(userId).orElseThrow());
        });
        if (outcome instanceof Done done) {
            keys.remove(done.user().username());
            // Whatever that user could unwrap (the key, in any copy of the key file) must open nothing now.
            UserKeys.KeyChange change = changeKeyAndLog(actor, "after deactivating user=" + userId);
            return new Done(done.user(), change);
        }
        return outcome;
    }

    /**
     * "Byt registrets nyckel": encrypts the register anew under a new random key for the remaining
     * users, so that an old copy of the key file, or a password someone learnt, opens nothing current.
     */
    public UserKeys.KeyChange changeKey(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_USERS));
        if (!mayChangeKey()) {
            throw new IllegalStateException("a register on an office server has no key of Lotsbok's to change");
        }
        return changeKeyAndLog(actor, "on request");
    }

    /** Whether the register has a key of its own to change: a data folder's does, an office server's does not. */
    public boolean mayChangeKey() {
        return keys.holdsTheRegistersKey();
    }

    /** The key change after a deactivation or reset; none (null) on an office server, whose logins are its own. */
    private UserKeys.KeyChange changeKeyAndLog(Actor actor, String why) {
        if (!mayChangeKey()) {
            return null;
        }
        UserKeys.KeyChange change;
        try {
            change = keys.changeKey();
        } catch (StoreException e) {
            // Noted as due: it is made at the next login or logout that has the register to itself.
            change = new UserKeys.KeyChange(false, List.of());
        }
        UserKeys.KeyChange made = change;
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.KEY_CHANGED, null,
                why + (made.changed() ? "" : ", due") + (made.leftOut().isEmpty() ? ""
                        : ", left out " + String.join(" ", made.leftOut()))));
        return made;
    }

    /** Sets a temporary password that the user must change at the next login. */
    public Outcome resetPassword(Actor actor, long userId, char[] password, char[] repeated) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_USERS));
        UserAccount user = database.transaction(repos -> repos.users().find(userId).orElseThrow());
        if (!user.active()) {
            return new NotPossible("users.error.inactive");
        }
        Optional<Credentials.Problem> problem = Credentials.checkNewPassword(user.username(), password, repeated);
        if (problem.isPresent()) {
            return new Rejected(problem.get());
        }
        keys.setPassword(user.username(), password, temporaryUntil());
        UserAccount reset = database.transaction(repos -> {
            repos.users().setMustChangePassword(userId, true);
            repos.accessLog().append(actor, AccessEvent.PASSWORD_RESET, null, "user=" + userId);
            return repos.users().find(userId).orElseThrow();
        });
        // A reset often follows a suspected compromise: whoever learnt the old password may also have
        // taken the key with it, so the register's key changes too.
        return new Done(reset, changeKeyAndLog(actor, "after resetting the password of user=" + userId));
    }

    /** When a temporary password set now stops opening the register (the unit's setting, 7 days by default). */
    private Instant temporaryUntil() {
        int days = database.transaction(repos -> repos.settings().loadSecurity()).temporaryPasswordDays();
        return clock.instant().plus(Duration.ofDays(days));
    }

    /** " granted=… removed=…" for the log, the roles by name; empty when the roles stayed. */
    static String roleChange(Set<Role> before, Set<Role> after) {
        String granted = after.stream().filter(r -> !before.contains(r)).sorted().map(Role::name)
                .collect(java.util.stream.Collectors.joining(","));
        String removed = before.stream().filter(r -> !after.contains(r)).sorted().map(Role::name)
                .collect(java.util.stream.Collectors.joining(","));
        return (granted.isEmpty() ? "" : " granted=" + granted) + (removed.isEmpty() ? "" : " removed=" + removed);
    }

    private static long otherActiveAdministrators(List<UserAccount> users, long except) {
        return users.stream()
                .filter(u -> u.id() != except && u.active() && u.roles().contains(Role.ADMINISTRATOR))
                .count();
    }
}
