package se.lotsbok.domain.access;

import java.util.EnumSet;
import java.util.Set;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Role;

/**
 * Who may do what (README, "Using it"): a lots reads the unit's participants and writes case records
 * and assignments for their own participants, or for a colleague's after choosing to cover; the
 * enhetschef does everything in the register, decides enrollment, runs reports and exports, carries
 * out gallring and compiles several units' figures; the administrator manages users, settings and
 * backups; the stadssamordnare only compiles several units' figures.
 */
public final class AccessPolicy {

    private static final Set<Action> UNIT_HEAD = EnumSet.of(Action.READ_REGISTER, Action.CREATE_PARTICIPANT,
            Action.EDIT_PARTICIPANT, Action.WRITE_CASE_RECORDS, Action.ASSIGN_NAVIGATOR, Action.DECIDE_ENROLLMENT,
            Action.MANAGE_NAVIGATORS, Action.RUN_REPORTS, Action.EXPORT, Action.IMPORT, Action.REVIEW_ACCESS_LOG,
            Action.VERIFY_ACCESS_LOG, Action.RUN_RETENTION, Action.COMBINE_TALLIES);
    private static final Set<Action> ADMINISTRATOR = EnumSet.of(Action.MANAGE_USERS, Action.MANAGE_SETTINGS,
            Action.MANAGE_BACKUPS, Action.VERIFY_ACCESS_LOG);
    private static final Set<Action> CITY_COORDINATOR = EnumSet.of(Action.COMBINE_TALLIES);
    private static final Set<Action> NAVIGATOR_ANY = EnumSet.of(Action.READ_REGISTER);
    private static final Set<Action> NAVIGATOR_OWN = EnumSet.of(Action.EDIT_PARTICIPANT, Action.WRITE_CASE_RECORDS,
            Action.ASSIGN_NAVIGATOR);

    private AccessPolicy() {
    }

    /** For actions that concern no particular participant. */
    public static Decision decide(Actor actor, Action action) {
        return decide(actor, action, Relation.OTHER);
    }

    public static Decision decide(Actor actor, Action action, Relation relation) {
        if (actor.has(Role.UNIT_HEAD) && UNIT_HEAD.contains(action)) {
            return Decision.ALLOWED;
        }
        if (actor.has(Role.ADMINISTRATOR) && ADMINISTRATOR.contains(action)) {
            return Decision.ALLOWED;
        }
        if (actor.has(Role.CITY_COORDINATOR) && CITY_COORDINATOR.contains(action)) {
            return Decision.ALLOWED;
        }
        if (actor.has(Role.NAVIGATOR)) {
            if (NAVIGATOR_ANY.contains(action)) {
                return Decision.ALLOWED;
            }
            if (NAVIGATOR_OWN.contains(action)) {
                return relation == Relation.OTHER
                        ? new Decision.Refused("access.refused.notOwn")
                        : Decision.ALLOWED;
            }
        }
        return new Decision.Refused("access.refused." + action.name());
    }
}
