package se.lotsbok.service.access;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import se.lotsbok.domain.access.Relation;
import se.lotsbok.domain.user.Actor;

/**
 * How the session's user stands to each participant: covering for a colleague once they chose to
 * (the choice lasts the session and is logged by the caller), otherwise someone else's participant.
 */
public final class Coverage {

    private final Set<Long> covering = ConcurrentHashMap.newKeySet();

    public void cover(long participantId) {
        covering.add(participantId);
    }

    public Relation relation(Actor actor, long participantId) {
        return covering.contains(participantId) ? Relation.COVERING : Relation.OTHER;
    }
}
