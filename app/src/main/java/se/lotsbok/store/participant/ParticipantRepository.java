package se.lotsbok.store.participant;

import static se.lotsbok.store.jooq.Tables.PARTICIPANT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.participant.ParticipantData;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.store.common.StoreException;
import se.lotsbok.store.access.AccessLogRepository;
import se.lotsbok.store.jooq.tables.records.ParticipantRecord;

/** Participants' personal data. Every call names the acting user. */
public final class ParticipantRepository {

    private final DSLContext tx;
    private final AccessLogRepository log;

    public ParticipantRepository(DSLContext tx, AccessLogRepository log) {
        this.tx = tx;
        this.log = log;
    }

    /**
     * Every participant as the register list shows them, in no particular order; logged as a result
     * list. The anonymous residues that gallring leaves are no longer participants to anyone.
     */
    public List<ParticipantSummary> listSummaries(Actor actor) {
        List<ParticipantSummary> list = tx.select(PARTICIPANT.ID, PARTICIPANT.FIRST_NAME, PARTICIPANT.LAST_NAME,
                        PARTICIPANT.IDENTITY_NUMBER, PARTICIPANT.BIRTH_DATE, PARTICIPANT.PROGRAMME)
                .from(PARTICIPANT)
                .where(PARTICIPANT.ANONYMISED_AT.isNull())
                .fetch(r -> new ParticipantSummary(
                        r.value1(), r.value2(), r.value3(), identity(r.value4()), r.value5(),
                        Programme.valueOf(r.value6())));
        log.append(actor, AccessEvent.PARTICIPANT_LIST, null, "rows=" + list.size());
        return list;
    }

    /**
     * Names and numbers of the given participants, for lines that name whose a note or task is; the
     * caller's own log row covers the reading.
     */
    public List<ParticipantSummary> summariesOf(java.util.Collection<Long> ids) {
        return tx.selectFrom(PARTICIPANT).where(PARTICIPANT.ID.in(ids)).fetch(ParticipantRepository::toSummary);
    }

    /** Opens a participant's record (none after gallring); the opening is logged. */
    public Optional<Participant> find(Actor actor, long id) {
        Optional<Participant> found = anonymised(id) ? Optional.empty() : fetch(id);
        found.ifPresent(p -> log.append(actor, AccessEvent.PARTICIPANT_OPENED, p.id(), ""));
        return found;
    }

    /** The participant who already has this identity number, if any; a hit is logged. */
    public Optional<ParticipantSummary> findByIdentityNumber(Actor actor, PersonalIdentityNumber number) {
        Optional<ParticipantSummary> found = tx.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.IDENTITY_NUMBER.eq(number.digits()))
                .fetchOptional()
                .map(ParticipantRepository::toSummary);
        found.ifPresent(p -> log.append(actor, AccessEvent.IDENTITY_NUMBER_LOOKUP, p.id(), ""));
        return found;
    }

    public Participant insert(Actor actor, ParticipantData data, Instant now) {
        ParticipantRecord record = tx.newRecord(PARTICIPANT);
        write(record, data);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        record.setVersion(1L);
        record.setCreatedAt(at);
        record.setCreatedBy(actor.userId());
        record.setUpdatedAt(at);
        record.setUpdatedBy(actor.userId());
        record.store();
        log.append(actor, AccessEvent.PARTICIPANT_CREATED, record.getId(), "");
        return toParticipant(record);
    }

    /**
     * Replaces the participant's data if nobody has saved it since {@code expectedVersion} was read.
     *
     * @throws StoreException.StaleVersion when the stored version differs (nothing is written)
     */
    public Participant update(Actor actor, long id, long expectedVersion, ParticipantData data, Instant now) {
        ParticipantRecord record = tx.newRecord(PARTICIPANT);
        write(record, data);
        int updated = tx.update(PARTICIPANT)
                .set(record)
                .set(PARTICIPANT.VERSION, expectedVersion + 1)
                .set(PARTICIPANT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(PARTICIPANT.UPDATED_BY, actor.userId())
                .where(PARTICIPANT.ID.eq(id).and(PARTICIPANT.VERSION.eq(expectedVersion)))
                .execute();
        if (updated == 0) {
            throw new StoreException.StaleVersion("participant " + id);
        }
        log.append(actor, AccessEvent.PARTICIPANT_CHANGED, id, "");
        return fetch(id).orElseThrow();
    }

    /** How many participants there are (gallring's residues left out); a count, not personal data. */
    public int count() {
        return tx.fetchCount(PARTICIPANT, PARTICIPANT.ANONYMISED_AT.isNull());
    }

    /**
     * Reads a participant for a rule that needs their data (the birth date for the consent gate) in a
     * transaction whose access is already logged; not an opening of the record. Empty for what
     * gallring left, so that no case path is written for it again.
     */
    public Optional<Participant> fetchForRules(long id) {
        return anonymised(id) ? Optional.empty() : fetch(id);
    }

    /** Whether gallring has deleted this participant's personal data (only the anonymous residue is left). */
    public boolean anonymised(long id) {
        return tx.fetchExists(PARTICIPANT, PARTICIPANT.ID.eq(id).and(PARTICIPANT.ANONYMISED_AT.isNotNull()));
    }

    private Optional<Participant> fetch(long id) {
        return tx.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(id))
                .fetchOptional()
                .map(ParticipantRepository::toParticipant);
    }

    private static void write(ParticipantRecord record, ParticipantData data) {
        record.setFirstName(data.firstName());
        record.setLastName(data.lastName());
        record.setIdentityNumber(data.identityNumber() == null ? null : data.identityNumber().digits());
        record.setBirthDate(data.birthDate());
        record.setGender(data.gender().name());
        record.setProgramme(data.programme().name());
        record.setPhone(data.phone());
        record.setAddress(data.address());
        record.setComment(data.comment());
    }

    private static Participant toParticipant(ParticipantRecord r) {
        return new Participant(r.getId(), r.getVersion(), new ParticipantData(
                r.getFirstName(), r.getLastName(), identity(r.getIdentityNumber()), r.getBirthDate(),
                Gender.valueOf(r.getGender()), Programme.valueOf(r.getProgramme()),
                r.getPhone(), r.getAddress(), r.getComment()));
    }

    private static ParticipantSummary toSummary(Record r) {
        return new ParticipantSummary(r.get(PARTICIPANT.ID), r.get(PARTICIPANT.FIRST_NAME),
                r.get(PARTICIPANT.LAST_NAME), identity(r.get(PARTICIPANT.IDENTITY_NUMBER)),
                r.get(PARTICIPANT.BIRTH_DATE), Programme.valueOf(r.get(PARTICIPANT.PROGRAMME)));
    }

    private static PersonalIdentityNumber identity(String digits) {
        return digits == null ? null : new PersonalIdentityNumber(digits);
    }
}
