package se.lotsbok.store.retention;

import static se.lotsbok.store.jooq.Tables.ASSIGNMENT;
import static se.lotsbok.store.jooq.Tables.CASE_EVENT;
import static se.lotsbok.store.jooq.Tables.CONSENT;
import static se.lotsbok.store.jooq.Tables.CONSENT_WITHDRAWAL;
import static se.lotsbok.store.jooq.Tables.EXTRACT_RELEASE;
import static se.lotsbok.store.jooq.Tables.EXTRACT_WITHHELD;
import static se.lotsbok.store.jooq.Tables.DISCHARGE_FOLLOW_UP;
import static se.lotsbok.store.jooq.Tables.FOLLOW_UP;
import static se.lotsbok.store.jooq.Tables.GOAL;
import static se.lotsbok.store.jooq.Tables.GOAL_STATUS;
import static se.lotsbok.store.jooq.Tables.GUARDIAN_CONSENT;
import static se.lotsbok.store.jooq.Tables.JOURNAL_NOTE;
import static se.lotsbok.store.jooq.Tables.MEETING_RESIDUE;
import static se.lotsbok.store.jooq.Tables.NOTE_DRAFT;
import static se.lotsbok.store.jooq.Tables.NOTE_PARTNER;
import static se.lotsbok.store.jooq.Tables.NOTE_WORD;
import static se.lotsbok.store.jooq.Tables.PARTICIPANT;
import static se.lotsbok.store.jooq.Tables.PARTNER_INVOLVEMENT;
import static se.lotsbok.store.jooq.Tables.RETENTION_HOLD;
import static se.lotsbok.store.jooq.Tables.RETENTION_IN_PROGRESS;
import static se.lotsbok.store.jooq.Tables.RETENTION_SETTING;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.SelectHavingStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.retention.RetentionCase;
import se.lotsbok.domain.settings.RetentionSettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.store.common.StoreException;
import se.lotsbok.store.access.AccessLogRepository;

/**
 * Gallring in the store: the retention settings, the case files that may be due with the dates of
 * all their entries, the marks that keep a case file (bevaras), and the deletion of a participant's
 * personal data that leaves the anonymous residue the tallies count.
 */
public final class RetentionRepository {

    /** A case file marked to be kept, and why. */
    public record Hold(long participantId, String reason, Instant markedAt) {
    }

    private static final int SLICE = 1000;

    private final DSLContext tx;
    private final AccessLogRepository log;
    private final boolean server;

    public RetentionRepository(DSLContext tx, AccessLogRepository log) {
        this(tx, log, false);
    }

    /** @param server on an office server gallring runs as the database function {@code gallra}, with the owner's rights */
    public RetentionRepository(DSLContext tx, AccessLogRepository log, boolean server) {
        this.tx = tx;
        this.log = log;
        this.server = server;
    }

    // ---- settings

    public RetentionSettings settings() {
        return tx.selectFrom(RETENTION_SETTING).where(RETENTION_SETTING.ID.eq(1)).fetchOptional()
                .map(r -> new RetentionSettings(r.getYears(), r.getInResearchSample()))
                .orElse(RetentionSettings.DEFAULTS);
    }

    public void saveSettings(Actor actor, RetentionSettings settings) {
        tx.update(RETENTION_SETTING)
                .set(RETENTION_SETTING.YEARS, settings.years())
                .set(RETENTION_SETTING.IN_RESEARCH_SAMPLE, settings.inResearchSample())
                .where(RETENTION_SETTING.ID.eq(1))
                .execute();
        log.append(actor, AccessEvent.SETTINGS_CHANGED, null, "retention");
    }

    // ---- the case files that may be due

    /**
     * The case files, of participants not yet anonymised, whose case path has moves and none dated
     * after {@code latest}: every case file that can be due when the last entry it may have is
     * {@code latest}. Whether each is due is for the rule to say, from the dates returned.
     *
     * @param zone the unit's time zone, which gives the day of each moment something was written down
     */
    public List<RetentionCase> candidates(LocalDate latest, ZoneId zone) {
        var later = CASE_EVENT.as("LATER");
        List<Long> ids = tx.select(PARTICIPANT.ID).from(PARTICIPANT)
                .where(PARTICIPANT.ANONYMISED_AT.isNull())
                .andExists(DSL.selectOne().from(CASE_EVENT).where(CASE_EVENT.PARTICIPANT_ID.eq(PARTICIPANT.ID)))
                .andNotExists(DSL.selectOne().from(later)
                        .where(later.PARTICIPANT_ID.eq(PARTICIPANT.ID).and(later.EFFECTIVE_DATE.gt(latest))))
                .orderBy(PARTICIPANT.ID)
                .fetch(PARTICIPANT.ID);
        return cases(ids, zone);
    }

    /** The participants whose personal data a gallring has deleted. */
    public java.util.Set<Long> anonymisedIds() {
        return new java.util.HashSet<>(tx.select(PARTICIPANT.ID).from(PARTICIPANT).where(PARTICIPANT.ANONYMISED_AT.isNotNull())
                .fetch(PARTICIPANT.ID));
    }

    /** The case files of {@code ids} that are not anonymised, with the dates of all their entries. */
    public List<RetentionCase> cases(Collection<Long> ids, ZoneId zone) {
        List<Long> all = new ArrayList<>(ids);
        List<RetentionCase> result = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SLICE) {
            result.addAll(slice(all.subList(from, Math.min(all.size(), from + SLICE)), zone));
        }
        return result;
    }

    private List<RetentionCase> slice(List<Long> ids, ZoneId zone) {
        Map<Long, LocalDate> births = new LinkedHashMap<>();
        Map<Long, List<LocalDate>> entries = new HashMap<>();
        tx.select(PARTICIPANT.ID, PARTICIPANT.BIRTH_DATE, PARTICIPANT.CREATED_AT, PARTICIPANT.UPDATED_AT)
                .from(PARTICIPANT)
                .where(PARTICIPANT.ID.in(ids).and(PARTICIPANT.ANONYMISED_AT.isNull()))
                .orderBy(PARTICIPANT.ID)
                .forEach(r -> {
                    births.put(r.value1(), r.value2());
                    add(entries, r.value1(), day(r.value3(), zone));
                    add(entries, r.value1(), day(r.value4(), zone));
                });

        // Each table's newest dated row and newest recording, per participant.
        collect(entries, zone, tx.select(CASE_EVENT.PARTICIPANT_ID, DSL.max(CASE_EVENT.EFFECTIVE_DATE),
                DSL.max(CASE_EVENT.RECORDED_AT)).from(CASE_EVENT)
                .where(CASE_EVENT.PARTICIPANT_ID.in(ids)).groupBy(CASE_EVENT.PARTICIPANT_ID));
        collect(entries, zone, tx.select(CONSENT.PARTICIPANT_ID, DSL.max(CONSENT.GIVEN_DATE), DSL.max(CONSENT.RECORDED_AT))
                .from(CONSENT).where(CONSENT.PARTICIPANT_ID.in(ids)).groupBy(CONSENT.PARTICIPANT_ID));
        collect(entries, zone, tx.select(CONSENT.PARTICIPANT_ID, DSL.max(CONSENT_WITHDRAWAL.WITHDRAWN_DATE),
                DSL.max(CONSENT_WITHDRAWAL.RECORDED_AT)).from(CONSENT_WITHDRAWAL)
                .join(CONSENT).on(CONSENT.ID.eq(CONSENT_WITHDRAWAL.CONSENT_ID))
                .where(CONSENT.PARTICIPANT_ID.in(ids)).groupBy(CONSENT.PARTICIPANT_ID));
        collect(entries, zone, tx.select(CONSENT.PARTICIPANT_ID, DSL.max(GUARDIAN_CONSENT.GIVEN_DATE),
                DSL.inline(null, SQLDataType.TIMESTAMPWITHTIMEZONE)).from(GUARDIAN_CONSENT)
                .join(CONSENT).on(CONSENT.ID.eq(GUARDIAN_CONSENT.CONSENT_ID))
                .where(CONSENT.PARTICIPANT_ID.in(ids)).groupBy(CONSENT.PARTICIPANT_ID));
        // A partner's end is written into the row without a time of its own; the end date stands for it.
        collect(entries, zone, tx.select(PARTNER_INVOLVEMENT.PARTICIPANT_ID, DSL.greatest(
                        DSL.max(PARTNER_INVOLVEMENT.FROM_DATE), DSL.coalesce(DSL.max(PARTNER_INVOLVEMENT.TO_DATE),
                                DSL.max(PARTNER_INVOLVEMENT.FROM_DATE))),
                DSL.max(PARTNER_INVOLVEMENT.RECORDED_AT)).from(PARTNER_INVOLVEMENT)
                .where(PARTNER_INVOLVEMENT.PARTICIPANT_ID.in(ids)).groupBy(PARTNER_INVOLVEMENT.PARTICIPANT_ID));
        collect(entries, zone, tx.select(ASSIGNMENT.PARTICIPANT_ID, DSL.max(ASSIGNMENT.EFFECTIVE_DATE),
                DSL.max(ASSIGNMENT.RECORDED_AT)).from(ASSIGNMENT)
                .where(ASSIGNMENT.PARTICIPANT_ID.in(ids)).groupBy(ASSIGNMENT.PARTICIPANT_ID));
        // A goal's follow-up date is a plan, not an entry; the goal counts from when it was written.
        collect(entries, zone, tx.select(GOAL.PARTICIPANT_ID, DSL.inline(null, SQLDataType.LOCALDATE),
                DSL.max(GOAL.RECORDED_AT)).from(GOAL)
                .where(GOAL.PARTICIPANT_ID.in(ids)).groupBy(GOAL.PARTICIPANT_ID));
        collect(entries, zone, tx.select(GOAL.PARTICIPANT_ID, DSL.max(GOAL_STATUS.EFFECTIVE_DATE),
                DSL.max(GOAL_STATUS.RECORDED_AT)).from(GOAL_STATUS)
                .join(GOAL).on(GOAL.ID.eq(GOAL_STATUS.GOAL_ID))
                .where(GOAL.PARTICIPANT_ID.in(ids)).groupBy(GOAL.PARTICIPANT_ID));
        tx.select(JOURNAL_NOTE.PARTICIPANT_ID, DSL.max(JOURNAL_NOTE.MEETING_AT), DSL.max(JOURNAL_NOTE.SIGNED_AT))
                .from(JOURNAL_NOTE).where(JOURNAL_NOTE.PARTICIPANT_ID.in(ids)).groupBy(JOURNAL_NOTE.PARTICIPANT_ID)
                .forEach(r -> {
                    LocalDateTime meeting = r.value2();
                    add(entries, r.value1(), meeting == null ? null : meeting.toLocalDate());
                    add(entries, r.value1(), day(r.value3(), zone));
                });
        // A release of an extract is recorded in the case, as any entry is.
        collect(entries, zone, tx.select(EXTRACT_RELEASE.PARTICIPANT_ID, DSL.inline(null, SQLDataType.LOCALDATE),
                DSL.max(EXTRACT_RELEASE.RELEASED_AT)).from(EXTRACT_RELEASE)
                .where(EXTRACT_RELEASE.PARTICIPANT_ID.in(ids)).groupBy(EXTRACT_RELEASE.PARTICIPANT_ID));
        collect(entries, zone, tx.select(DISCHARGE_FOLLOW_UP.PARTICIPANT_ID, DSL.max(DISCHARGE_FOLLOW_UP.CONTACT_DATE),
                DSL.max(DISCHARGE_FOLLOW_UP.RECORDED_AT)).from(DISCHARGE_FOLLOW_UP)
                .where(DISCHARGE_FOLLOW_UP.PARTICIPANT_ID.in(ids)).groupBy(DISCHARGE_FOLLOW_UP.PARTICIPANT_ID));
        // Drafts are not entries (nothing unsigned is in the case file); a follow-up done is one.
        collect(entries, zone, tx.select(FOLLOW_UP.PARTICIPANT_ID, DSL.max(FOLLOW_UP.DONE_DATE),
                DSL.inline(null, SQLDataType.TIMESTAMPWITHTIMEZONE)).from(FOLLOW_UP)
                .where(FOLLOW_UP.PARTICIPANT_ID.in(ids)).groupBy(FOLLOW_UP.PARTICIPANT_ID));

        Map<Long, List<CaseEvent>> events = new HashMap<>();
        tx.select(CASE_EVENT.ID, CASE_EVENT.PARTICIPANT_ID, CASE_EVENT.EFFECTIVE_DATE, CASE_EVENT.STATUS,
                        CASE_EVENT.ANNULS)
                .from(CASE_EVENT)
                .where(CASE_EVENT.PARTICIPANT_ID.in(ids))
                .orderBy(CASE_EVENT.ID)
                .forEach(r -> events.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new CaseEvent(r.value1(),
                        r.value2(), r.value3(), r.value4() == null ? null : CaseStatus.valueOf(r.value4()),
                        null, null, null, null, r.value5(), "", Instant.EPOCH, "")));
        Map<Long, Hold> holds = holdsOf(ids);

        List<RetentionCase> result = new ArrayList<>();
        births.forEach((id, birth) -> result.add(new RetentionCase(id, birth,
                CaseHistory.of(events.getOrDefault(id, List.of())), entries.getOrDefault(id, List.of()),
                holds.containsKey(id))));
        return result;
    }

    private static void collect(Map<Long, List<LocalDate>> entries, ZoneId zone,
            SelectHavingStep<Record3<Long, LocalDate, OffsetDateTime>> query) {
        query.forEach(r -> {
            add(entries, r.value1(), r.value2());
            add(entries, r.value1(), day(r.value3(), zone));
        });
    }

    private static void add(Map<Long, List<LocalDate>> entries, long participant, LocalDate date) {
        if (date != null) {
            entries.computeIfAbsent(participant, k -> new ArrayList<>()).add(date);
        }
    }

    private static LocalDate day(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toLocalDate();
    }

    // ---- keeping a case file (bevaras)

    /** Every mark that keeps a case file. */
    public Map<Long, Hold> holds() {
        return holdsOf(null);
    }

    private Map<Long, Hold> holdsOf(Collection<Long> ids) {
        Map<Long, Hold> holds = new LinkedHashMap<>();
        tx.selectFrom(RETENTION_HOLD)
                .where(ids == null ? DSL.trueCondition() : RETENTION_HOLD.PARTICIPANT_ID.in(ids))
                .orderBy(RETENTION_HOLD.MARKED_AT, RETENTION_HOLD.PARTICIPANT_ID)
                .forEach(r -> holds.put(r.getParticipantId(),
                        new Hold(r.getParticipantId(), r.getReason(), r.getMarkedAt().toInstant())));
        return holds;
    }

    /** Marks the case file to be kept, with the reason; the reason is not logged (it may name things). */
    public void keep(Actor actor, long participantId, String reason, Instant now) {
        tx.mergeInto(RETENTION_HOLD)
                .using(tx.selectOne())
                .on(RETENTION_HOLD.PARTICIPANT_ID.eq(participantId))
                .whenMatchedThenUpdate()
                .set(RETENTION_HOLD.REASON, reason)
                .set(RETENTION_HOLD.MARKED_AT, now.atOffset(ZoneOffset.UTC))
                .set(RETENTION_HOLD.MARKED_BY, actor.userId())
                .whenNotMatchedThenInsert(RETENTION_HOLD.PARTICIPANT_ID, RETENTION_HOLD.REASON, RETENTION_HOLD.MARKED_AT,
                        RETENTION_HOLD.MARKED_BY)
                .values(participantId, reason, now.atOffset(ZoneOffset.UTC), actor.userId())
                .execute();
        log.append(actor, AccessEvent.RETENTION_KEPT, participantId, "");
    }

    /** Takes away the mark; the case file is offered again when due. */
    public void endKeep(Actor actor, long participantId) {
        if (tx.deleteFrom(RETENTION_HOLD).where(RETENTION_HOLD.PARTICIPANT_ID.eq(participantId)).execute() > 0) {
            log.append(actor, AccessEvent.RETENTION_KEEP_ENDED, participantId, "");
        }
    }

    // ---- gallring

    /**
     * Deletes the participant's personal data and leaves the anonymous residue: the row keeps its
     * id, gender, programme and {@code residueBirthDate}; the case path (with the situation codes at
     * enrollment and discharge), the follow-ups after discharge, assignments, consents' dates and
     * partners, partners in the case and goals' dates and statuses stay, without their free text;
     * each signed note leaves its meeting's date and type; notes, drafts, follow-ups, the search
     * words and the releases of register extracts go. Logged by participant id only.
     *
     * @throws StoreException when the participant is not there or already anonymised (nothing is deleted)
     */
    public void anonymise(Actor actor, long participantId, LocalDate residueBirthDate, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        if (server) {
            // No user role may delete a signed note; the function runs with the owner's rights, checks
            // that the caller is an enhetschef and the case closed, and does what follows below.
            tx.resultQuery("SELECT gallra(CAST({0} AS bigint), CAST({1} AS date), CAST({2} AS timestamptz))",
                    DSL.val(participantId), DSL.val(residueBirthDate), DSL.val(at)).fetch();
            log.append(actor, AccessEvent.RETENTION_DELETED, participantId, "");
            return;
        }
        tx.insertInto(RETENTION_IN_PROGRESS).set(RETENTION_IN_PROGRESS.PARTICIPANT_ID, participantId).execute();
        int updated = tx.update(PARTICIPANT)
                .set(PARTICIPANT.FIRST_NAME, "")
                .set(PARTICIPANT.LAST_NAME, "")
                .setNull(PARTICIPANT.IDENTITY_NUMBER)
                .set(PARTICIPANT.BIRTH_DATE, residueBirthDate)
                .set(PARTICIPANT.PHONE, "")
                .set(PARTICIPANT.ADDRESS, "")
                .set(PARTICIPANT.COMMENT, "")
                .set(PARTICIPANT.ANONYMISED_AT, at)
                .set(PARTICIPANT.VERSION, PARTICIPANT.VERSION.plus(1))
                .set(PARTICIPANT.UPDATED_AT, at)
                .set(PARTICIPANT.UPDATED_BY, actor.userId())
                .where(PARTICIPANT.ID.eq(participantId).and(PARTICIPANT.ANONYMISED_AT.isNull()))
                .execute();
        if (updated == 0) {
            throw new StoreException("participant " + participantId + " is not there or already anonymised");
        }

        // The meetings, as the tallies read them: signed notes that are not corrections.
        Field<LocalDate> meetingDate = DSL.cast(JOURNAL_NOTE.MEETING_AT, SQLDataType.LOCALDATE);
        tx.insertInto(MEETING_RESIDUE, MEETING_RESIDUE.PARTICIPANT_ID, MEETING_RESIDUE.MEETING_DATE,
                        MEETING_RESIDUE.MEETING_TYPE)
                .select(DSL.select(JOURNAL_NOTE.PARTICIPANT_ID, meetingDate, JOURNAL_NOTE.MEETING_TYPE)
                        .from(JOURNAL_NOTE)
                        .where(JOURNAL_NOTE.PARTICIPANT_ID.eq(participantId).and(JOURNAL_NOTE.AMENDS.isNull())))
                .execute();
        var notes = DSL.select(JOURNAL_NOTE.ID).from(JOURNAL_NOTE).where(JOURNAL_NOTE.PARTICIPANT_ID.eq(participantId));
        // Releases of extracts name recipients and point into the notes: they go, leaving nothing.
        tx.deleteFrom(EXTRACT_WITHHELD).where(EXTRACT_WITHHELD.RELEASE_ID.in(DSL.select(EXTRACT_RELEASE.ID)
                .from(EXTRACT_RELEASE).where(EXTRACT_RELEASE.PARTICIPANT_ID.eq(participantId)))).execute();
        tx.deleteFrom(EXTRACT_RELEASE).where(EXTRACT_RELEASE.PARTICIPANT_ID.eq(participantId)).execute();
        tx.deleteFrom(FOLLOW_UP).where(FOLLOW_UP.PARTICIPANT_ID.eq(participantId).or(FOLLOW_UP.NOTE_ID.in(notes)))
                .execute();
        tx.deleteFrom(NOTE_WORD).where(NOTE_WORD.PARTICIPANT_ID.eq(participantId)).execute();
        tx.deleteFrom(NOTE_PARTNER).where(NOTE_PARTNER.NOTE_ID.in(notes)).execute();
        // A correction points to the note it corrects (and may itself be corrected): the notes no
        // other note points to go first, until none is left.
        var other = JOURNAL_NOTE.as("OTHER");
        while (tx.deleteFrom(JOURNAL_NOTE)
                .where(JOURNAL_NOTE.PARTICIPANT_ID.eq(participantId))
                .andNotExists(DSL.selectOne().from(other).where(other.AMENDS.eq(JOURNAL_NOTE.ID)))
                .execute() > 0) {
            // next layer of corrections
        }
        tx.deleteFrom(NOTE_DRAFT).where(NOTE_DRAFT.PARTICIPANT_ID.eq(participantId)).execute();

        // The situation codes stay: the outcome measures of past periods count them.
        tx.update(CASE_EVENT)
                .set(CASE_EVENT.NOTE, "")
                .where(CASE_EVENT.PARTICIPANT_ID.eq(participantId))
                .execute();
        tx.update(GUARDIAN_CONSENT).set(GUARDIAN_CONSENT.GUARDIAN_NAME, "")
                .where(GUARDIAN_CONSENT.CONSENT_ID.in(DSL.select(CONSENT.ID).from(CONSENT)
                        .where(CONSENT.PARTICIPANT_ID.eq(participantId))))
                .execute();
        tx.update(GOAL).set(GOAL.DESCRIPTION, "").where(GOAL.PARTICIPANT_ID.eq(participantId)).execute();
        tx.deleteFrom(RETENTION_HOLD).where(RETENTION_HOLD.PARTICIPANT_ID.eq(participantId)).execute();

        tx.deleteFrom(RETENTION_IN_PROGRESS).where(RETENTION_IN_PROGRESS.PARTICIPANT_ID.eq(participantId)).execute();
        log.append(actor, AccessEvent.RETENTION_DELETED, participantId, "");
    }
}
