package se.lotsbok.service.participant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import se.lotsbok.domain.common.Actor;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.participant.ParticipantData;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.participant.ParticipantValidator;
import se.lotsbok.store.Database;
import se.lotsbok.store.Repositories;
import se.lotsbok.store.StoreException;

/** The register's use cases: list, open, create and change participants, each in one transaction. */
public final class ParticipantService {

    private final Database database;
    private final Clock clock;

    public ParticipantService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public List<ParticipantSummary> list(Actor actor) {
        return database.transaction(repos -> repos.participants().listSummaries(actor));
    }

    public Optional<Participant> open(Actor actor, long id) {
        return database.transaction(repos -> repos.participants().find(actor, id));
    }

    public SaveOutcome create(Actor actor, ParticipantInput input) {
        return save(actor, input, (repos, data) -> repos.participants().insert(actor, data, clock.instant()), null);
    }

    /** Saves changes to participant {@code id}, read at {@code expectedVersion}. */
    public SaveOutcome update(Actor actor, long id, long expectedVersion, ParticipantInput input) {
        return save(actor, input,
                (repos, data) -> repos.participants().update(actor, id, expectedVersion, data, clock.instant()),
                id);
    }

    /** How many participants the register holds; a count, not personal data. */
    public int count() {
        return database.transaction(repos -> repos.participants().count());
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
