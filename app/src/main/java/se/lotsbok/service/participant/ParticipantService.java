package se.lotsbok.service.participant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.access.Decision;
import se.lotsbok.domain.access.Relation;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.participant.ParticipantData;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.participant.ParticipantValidator;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.access.Coverage;
import se.lotsbok.store.Database;
import se.lotsbok.store.Repositories;
import se.lotsbok.store.common.StoreException;

/**
 * The register's use cases: list, open, create and change participants, each in one transaction,
 * each checked against the user's roles. One instance serves one logged-in session.
 */
public final class ParticipantService {

    private final Database database;
    private final Clock clock;
    private final Coverage coverage;

    public ParticipantService(Database database, Clock clock, Coverage coverage) {
        this.database = database;
        this.clock = clock;
        this.coverage = coverage;
    }

    public List<ParticipantSummary> list(Actor actor) {
        require(actor, Action.READ_REGISTER, Relation.OTHER, null);
        return database.transaction(repos -> repos.participants().listSummaries(actor));
    }

    public Optional<Participant> open(Actor actor, long id) {
        require(actor, Action.READ_REGISTER, Relation.OTHER, id);
        return database.transaction(repos -> repos.participants().find(actor, id));
    }

    /** Whether {@code actor} may change participant {@code id} now, and if not, why. */
    public Decision mayEdit(Actor actor, long id) {
        return AccessPolicy.decide(actor, Action.EDIT_PARTICIPANT, relation(actor, id));
    }

    /**
     * Records the explicit choice to cover for a colleague: from now on in this session the user may
     * write for participant {@code id} as for their own. The choice is logged.
     */
    public void coverFor(Actor actor, long id) {
        require(actor, Action.READ_REGISTER, Relation.OTHER, id);
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.COVER_FOR_COLLEAGUE, id, ""));
        coverage.cover(id);
    }

    public SaveOutcome create(Actor actor, ParticipantInput input) {
        Decision decision = AccessPolicy.decide(actor, Action.CREATE_PARTICIPANT);
        if (decision instanceof Decision.Refused refused) {
            logRefusal(actor, Action.CREATE_PARTICIPANT, null);
            return new SaveOutcome.NotAllowed(refused.reason());
        }
        return save(actor, input, (repos, data) -> repos.participants().insert(actor, data, clock.instant()), null);
    }

    /** Saves changes to participant {@code id}, read at {@code expectedVersion}. */
    public SaveOutcome update(Actor actor, long id, long expectedVersion, ParticipantInput input) {
        if (mayEdit(actor, id) instanceof Decision.Refused refused) {
            logRefusal(actor, Action.EDIT_PARTICIPANT, id);
            return new SaveOutcome.NotAllowed(refused.reason());
        }
        return save(actor, input,
                (repos, data) -> repos.participants().update(actor, id, expectedVersion, data, clock.instant()),
                id);
    }

    private Relation relation(Actor actor, long id) {
        return coverage.relation(actor, id);
    }

    private void require(Actor actor, Action action, Relation relation, Long participantId) {
        Decision decision = AccessPolicy.decide(actor, action, relation);
        if (decision instanceof Decision.Refused refused) {
            logRefusal(actor, action, participantId);
            throw new AccessDenied(refused.reason());
        }
    }

    private void logRefusal(Actor actor, Action action, Long participantId) {
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.ACCESS_REFUSED, participantId,
                action.name()));
    }

    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private interface Write {
        Participant apply(Repositories repos, ParticipantData data);
    }

    private SaveOutcome save(Actor actor, ParticipantInput input, Write write, Long ownId) {
        ParticipantValidator.Result result = ParticipantValidator.validate(input, today());
        if (result instanceof ParticipantValidator.Invalid invalid) {
            return new SaveOutcome.Invalid(invalid.problems());
        }
        ParticipantData data = ((ParticipantValidator.Valid) result).data();
        try {
            return database.transaction(repos -> {
                if (data.identityNumber() != null) {
                    Optional<ParticipantSummary> holder =
                            repos.participants().findByIdentityNumber(actor, data.identityNumber());
                    if (holder.isPresent() && !Long.valueOf(holder.get().id()).equals(ownId)) {
                        return new SaveOutcome.DuplicateIdentityNumber(holder.get());
                    }
                }
                return new SaveOutcome.Saved(write.apply(repos, data));
            });
        } catch (StoreException.StaleVersion e) {
            return new SaveOutcome.ChangedByOthers(open(actor, ownId).orElseThrow());
        } catch (StoreException.Duplicate e) {
            // Another save took the number between our check and our write.
            return database.transaction(repos -> repos.participants()
                    .findByIdentityNumber(actor, data.identityNumber()))
                    .<SaveOutcome>map(SaveOutcome.DuplicateIdentityNumber::new)
                    .orElseThrow(() -> e);
        }
    }
}
