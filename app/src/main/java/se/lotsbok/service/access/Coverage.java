package se.lotsbok.service.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import se.lotsbok.domain.access.Relation;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.store.Database;
import se.lotsbok.store.Repositories;

/**
 * How the session's user stands to each participant: their own when the participant's navigator
 * today is the user's navigator record; covering for a colleague once they chose to (the choice
 * lasts the session and is logged by the caller); otherwise someone else's.
 */
public final class Coverage {

    private final Database database;
    private final Clock clock;
    private final Set<Long> covering = ConcurrentHashMap.newKeySet();

    public Coverage(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void cover(long participantId) {
        covering.add(participantId);
    }

    public Relation relation(Actor actor, long participantId) {
        return database.transaction(repos -> relation(repos, actor, participantId));
    }

    /** As {@link #relation(Actor, long)}, inside a transaction already open. */
    public Relation relation(Repositories repos, Actor actor, long participantId) {
        if (actor.navigatorId() != null && repos.assignments().navigatorOn(participantId, LocalDate.now(clock))
                .filter(actor.navigatorId()::equals).isPresent()) {
            return Relation.OWN;
        }
        return covering.contains(participantId) ? Relation.COVERING : Relation.OTHER;
    }
}
