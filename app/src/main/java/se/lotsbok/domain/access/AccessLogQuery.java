package se.lotsbok.domain.access;

import java.time.Instant;

/** A selection of the access log: any of user, participant and period may be left open (null). */
public record AccessLogQuery(Long userId, Long participantId, Instant from, Instant until, int limit) {

    public static final int DEFAULT_LIMIT = 5_000;

    public static AccessLogQuery all() {
        return new AccessLogQuery(null, null, null, null, DEFAULT_LIMIT);
    }

    public static AccessLogQuery forParticipant(long participantId, int limit) {
        return new AccessLogQuery(null, participantId, null, null, limit);
    }
}
