package se.lotsbok.domain.extract;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A release (utlämnande) of a participant's register extract, as the case keeps it: to whom, when,
 * by whom, in which forms, what it held, and what the secrecy review withheld.
 *
 * @param recipient who received it; empty when it went to the person themself
 * @param toSubject whether it went to the person the extract is about
 */
public record Release(long id, long participantId, String recipient, boolean toSubject, Set<ExtractFormat> formats,
        ExtractScope scope, Instant releasedAt, String releasedBy, Redaction redaction) {

    public Release {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(releasedAt, "releasedAt");
        Objects.requireNonNull(releasedBy, "releasedBy");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(redaction, "redaction");
        formats = Set.copyOf(EnumSet.copyOf(formats));
    }
}
