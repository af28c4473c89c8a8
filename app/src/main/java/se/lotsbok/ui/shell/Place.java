package se.lotsbok.ui.shell;

import java.util.Arrays;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.user.Actor;

/** The places in the navigation, in order; Ctrl+1, Ctrl+2, … reach those the user's roles show. */
public enum Place {
    TODO("nav.todo", Action.READ_REGISTER),
    PARTICIPANTS("nav.participants", Action.READ_REGISTER),
    NAVIGATORS("nav.navigators", Action.READ_REGISTER),
    REPORTS("nav.reports", Action.RUN_REPORTS),
    ACCESS_LOG("nav.accessLog", Action.REVIEW_ACCESS_LOG),
    // The enhetschef's gallring; the administrator sees only its settings there.
    RETENTION("nav.retention", Action.RUN_RETENTION, Action.MANAGE_SETTINGS),
    // The city's compilation of several units' signed figures.
    COMBINE("nav.combine", Action.COMBINE_TALLIES),
    USERS("nav.users", Action.MANAGE_USERS),
    BACKUPS("nav.backups", Action.MANAGE_BACKUPS),
    SETTINGS("nav.settings");

    private final String key;
    /** Shown to a user who may do any of these; to everyone when there are none. */
    private final Action[] needs;

    Place(String key, Action... needs) {
        this.key = key;
        this.needs = needs;
    }

    /** The bundle key of the place's name in the navigation. */
    public String key() {
        return key;
    }

    public boolean shownTo(Actor actor) {
        return needs.length == 0 || Arrays.stream(needs).anyMatch(action -> AccessPolicy.decide(actor, action).allowed());
    }
}
