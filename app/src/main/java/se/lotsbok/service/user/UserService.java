package se.lotsbok.service.user;

import java.time.Clock;
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

    public record Done(UserAccount user) implements Outcome {
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
        keys.setPassword(name, password);
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
                repos.accessLog().append(actor, AccessEvent.USER_CHANGED, null, "user=" + userId);
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
        }
        return outcome;
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
        keys.setPassword(user.username(), password);
        return database.transaction(repos -> {
            repos.users().setMustChangePassword(userId, true);
            repos.accessLog().append(actor, AccessEvent.PASSWORD_RESET, null, "user=" + userId);
            return new Done(repos.users().find(userId).orElseThrow());
        });
    }

    private static long otherActiveAdministrators(List<UserAccount> users, long except) {
        return users.stream()
                .filter(u -> u.id() != except && u.active() && u.roles().contains(Role.ADMINISTRATOR))
                .count();
    }
}
