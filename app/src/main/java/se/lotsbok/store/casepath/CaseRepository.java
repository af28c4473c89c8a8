package se.lotsbok.store.casepath;

import static se.lotsbok.store.jooq.Tables.APP_USER;
import static se.lotsbok.store.jooq.Tables.CASE_EVENT;
import static se.lotsbok.store.jooq.Tables.CONSENT;
import static se.lotsbok.store.jooq.Tables.CONSENT_PARTNER;
import static se.lotsbok.store.jooq.Tables.CONSENT_WITHDRAWAL;
import static se.lotsbok.store.jooq.Tables.DISCHARGE_FOLLOW_UP;
import static se.lotsbok.store.jooq.Tables.GOAL;
import static se.lotsbok.store.jooq.Tables.GOAL_STATUS;
import static se.lotsbok.store.jooq.Tables.GUARDIAN_CONSENT;
import static se.lotsbok.store.jooq.Tables.PARTNER_INVOLVEMENT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.store.access.AccessLogRepository;

/**
 * A participant's case file: the dated case path, consents, partners and the action plan. Rows are
 * added, never changed, except that a partner's involvement gets its end date and a goal its next
 * follow-up date. Every call names the acting user; changes are logged.
 */
public final class CaseRepository {

    private final DSLContext tx;
    private final AccessLogRepository log;

    public CaseRepository(DSLContext tx, AccessLogRepository log) {
        this.tx = tx;
        this.log = log;
    }

    // ---- the case path

    /** Every case row of the participant, in the order recorded. */
    public List<CaseEvent> events(Actor actor, long participantId) {
        return tx.select(CASE_EVENT.fields()).select(APP_USER.USERNAME)
                .from(CASE_EVENT).join(APP_USER).on(APP_USER.ID.eq(CASE_EVENT.RECORDED_BY))
                .where(CASE_EVENT.PARTICIPANT_ID.eq(participantId))
                .orderBy(CASE_EVENT.ID)
                .fetch(CaseRepository::toEvent);
    }

    /** Every effective and annulled case row of every participant, for tallies (no personal data). */
    public List<CaseEvent> allEvents() {
        return tx.select(CASE_EVENT.fields()).select(APP_USER.USERNAME)
                .from(CASE_EVENT).join(APP_USER).on(APP_USER.ID.eq(CASE_EVENT.RECORDED_BY))
                .orderBy(CASE_EVENT.ID)
                .fetch(CaseRepository::toEvent);
    }

    public long recordMove(Actor actor, long participantId, Move move, Instant now) {
        return recordMove(actor, participantId, move, null, now);
    }

    /** As {@link #recordMove(Actor, long, Move, Instant)}, for a discharge with its follow-up due on {@code followUpDue}. */
    public long recordMove(Actor actor, long participantId, Move move, LocalDate followUpDue, Instant now) {
        Situation s = move.situation();
        long id = tx.insertInto(CASE_EVENT)
                .set(CASE_EVENT.PARTICIPANT_ID, participantId)
                .set(CASE_EVENT.EFFECTIVE_DATE, move.date())
                .set(CASE_EVENT.STATUS, move.status().name())
                .set(CASE_EVENT.REFERRAL_SOURCE, name(move.source()))
                .set(CASE_EVENT.DISCHARGE_REASON, name(move.dischargeReason()))
                .set(CASE_EVENT.CLOSURE_REASON, name(move.closureReason()))
                .set(CASE_EVENT.OCCUPATION, s == null ? null : s.occupation().name())
                .set(CASE_EVENT.HOUSING, s == null ? null : s.housing().name())
                .set(CASE_EVENT.SUBSTANCE_USE, s == null ? null : s.substanceUse().name())
                .set(CASE_EVENT.FOLLOW_UP_DUE, followUpDue)
                .set(CASE_EVENT.NOTE, move.note())
                .set(CASE_EVENT.RECORDED_AT, utc(now))
                .set(CASE_EVENT.RECORDED_BY, actor.userId())
                .returningResult(CASE_EVENT.ID)
                .fetchOne()
                .value1();
        log.append(actor, AccessEvent.CASE_MOVE, participantId, move.status().name());
        return id;
    }

    public long annul(Actor actor, long participantId, long eventId, LocalDate date, String note, Instant now) {
        long id = tx.insertInto(CASE_EVENT)
                .set(CASE_EVENT.PARTICIPANT_ID, participantId)
                .set(CASE_EVENT.EFFECTIVE_DATE, date)
                .set(CASE_EVENT.ANNULS, eventId)
                .set(CASE_EVENT.NOTE, note)
                .set(CASE_EVENT.RECORDED_AT, utc(now))
                .set(CASE_EVENT.RECORDED_BY, actor.userId())
                .returningResult(CASE_EVENT.ID)
                .fetchOne()
                .value1();
        log.append(actor, AccessEvent.CASE_ANNULMENT, participantId, "event=" + eventId);
        return id;
    }

    // ---- the follow-up after discharge

    /** The participant's follow-ups after discharge, in the order recorded. */
    public List<DischargeFollowUp> followUps(long participantId) {
        return followUpsWhere(DISCHARGE_FOLLOW_UP.PARTICIPANT_ID.eq(participantId));
    }

    /** Every participant's follow-ups after discharge (codes and dates only: no personal data). */
    public List<DischargeFollowUp> allFollowUps() {
        return followUpsWhere(org.jooq.impl.DSL.trueCondition());
    }

    private List<DischargeFollowUp> followUpsWhere(org.jooq.Condition condition) {
        return tx.select(DISCHARGE_FOLLOW_UP.fields()).select(APP_USER.USERNAME)
                .from(DISCHARGE_FOLLOW_UP).join(APP_USER).on(APP_USER.ID.eq(DISCHARGE_FOLLOW_UP.RECORDED_BY))
                .where(condition)
                .orderBy(DISCHARGE_FOLLOW_UP.ID)
                .fetch(r -> new DischargeFollowUp(r.get(DISCHARGE_FOLLOW_UP.ID), r.get(DISCHARGE_FOLLOW_UP.PARTICIPANT_ID),
                        r.get(DISCHARGE_FOLLOW_UP.DISCHARGE_EVENT_ID), r.get(DISCHARGE_FOLLOW_UP.CONTACT_DATE),
                        DischargeFollowUp.Result.valueOf(r.get(DISCHARGE_FOLLOW_UP.RESULT)),
                        situation(r.get(DISCHARGE_FOLLOW_UP.OCCUPATION), r.get(DISCHARGE_FOLLOW_UP.HOUSING),
                                r.get(DISCHARGE_FOLLOW_UP.SUBSTANCE_USE)),
                        r.get(DISCHARGE_FOLLOW_UP.RECORDED_AT).toInstant(), r.get(APP_USER.USERNAME)));
    }

    public long recordFollowUp(Actor actor, long participantId, long dischargeEventId, LocalDate date,
            DischargeFollowUp.Result result, Situation situation, Instant now) {
        long id = tx.insertInto(DISCHARGE_FOLLOW_UP)
                .set(DISCHARGE_FOLLOW_UP.PARTICIPANT_ID, participantId)
                .set(DISCHARGE_FOLLOW_UP.DISCHARGE_EVENT_ID, dischargeEventId)
                .set(DISCHARGE_FOLLOW_UP.CONTACT_DATE, date)
                .set(DISCHARGE_FOLLOW_UP.RESULT, result.name())
                .set(DISCHARGE_FOLLOW_UP.OCCUPATION, situation == null ? null : situation.occupation().name())
                .set(DISCHARGE_FOLLOW_UP.HOUSING, situation == null ? null : situation.housing().name())
                .set(DISCHARGE_FOLLOW_UP.SUBSTANCE_USE, situation == null ? null : situation.substanceUse().name())
                .set(DISCHARGE_FOLLOW_UP.RECORDED_AT, utc(now))
                .set(DISCHARGE_FOLLOW_UP.RECORDED_BY, actor.userId())
                .returningResult(DISCHARGE_FOLLOW_UP.ID)
                .fetchOne()
                .value1();
        log.append(actor, AccessEvent.DISCHARGE_FOLLOW_UP_RECORDED, participantId, "event=" + dischargeEventId);
        return id;
    }

    /** A situation from its three stored codes; null when none was recorded. */
    public static Situation situation(String occupation, String housing, String substanceUse) {
        return occupation == null ? null : new Situation(Situation.Occupation.valueOf(occupation),
                Situation.Housing.valueOf(housing), Situation.SubstanceUse.valueOf(substanceUse));
    }

    // ---- consent

    public List<Consent> consents(Actor actor, long participantId) {
        return consentsWhere(CONSENT.PARTICIPANT_ID.eq(participantId));
    }

    /** Every participant's consents, for the register's overview and the tallies (dates only are used). */
    public List<Consent> allConsents() {
        return consentsWhere(org.jooq.impl.DSL.trueCondition());
    }

    private List<Consent> consentsWhere(org.jooq.Condition condition) {
        var rows = tx.select(CONSENT.fields()).select(APP_USER.USERNAME, CONSENT_WITHDRAWAL.WITHDRAWN_DATE)
                .from(CONSENT)
                .join(APP_USER).on(APP_USER.ID.eq(CONSENT.RECORDED_BY))
                .leftJoin(CONSENT_WITHDRAWAL).on(CONSENT_WITHDRAWAL.CONSENT_ID.eq(CONSENT.ID))
                .where(condition)
                .orderBy(CONSENT.ID)
                .fetch();
        List<Long> ids = rows.map(r -> r.get(CONSENT.ID));
        Map<Long, Set<Partner>> partners = tx.selectFrom(CONSENT_PARTNER).where(CONSENT_PARTNER.CONSENT_ID.in(ids))
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getConsentId(), Collectors.mapping(r -> Partner.valueOf(r.getPartner()),
                        Collectors.toCollection(() -> EnumSet.noneOf(Partner.class)))));
        Map<Long, List<Consent.GuardianConsent>> guardians = tx.selectFrom(GUARDIAN_CONSENT)
                .where(GUARDIAN_CONSENT.CONSENT_ID.in(ids)).orderBy(GUARDIAN_CONSENT.ID).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getConsentId(),
                        Collectors.mapping(r -> new Consent.GuardianConsent(r.getGuardianName(), r.getGivenDate()),
                                Collectors.toList())));
        return rows.map(r -> new Consent(r.get(CONSENT.ID), r.get(CONSENT.PARTICIPANT_ID), r.get(CONSENT.GIVEN_DATE),
                r.get(CONSENT.VALID_UNTIL), partners.getOrDefault(r.get(CONSENT.ID), Set.of()),
                guardians.getOrDefault(r.get(CONSENT.ID), List.of()), r.get(CONSENT_WITHDRAWAL.WITHDRAWN_DATE),
                r.get(CONSENT.RECORDED_AT).toInstant(), r.get(APP_USER.USERNAME)));
    }

    public long recordConsent(Actor actor, long participantId, LocalDate given, LocalDate validUntil,
            Set<Partner> partners, List<Consent.GuardianConsent> guardians, Instant now) {
        long id = tx.insertInto(CONSENT)
                .set(CONSENT.PARTICIPANT_ID, participantId)
                .set(CONSENT.GIVEN_DATE, given)
                .set(CONSENT.VALID_UNTIL, validUntil)
                .set(CONSENT.RECORDED_AT, utc(now))
                .set(CONSENT.RECORDED_BY, actor.userId())
                .returningResult(CONSENT.ID)
                .fetchOne()
                .value1();
        for (Partner partner : partners) {
            tx.insertInto(CONSENT_PARTNER, CONSENT_PARTNER.CONSENT_ID, CONSENT_PARTNER.PARTNER)
                    .values(id, partner.name()).execute();
        }
        for (Consent.GuardianConsent guardian : guardians) {
            tx.insertInto(GUARDIAN_CONSENT, GUARDIAN_CONSENT.CONSENT_ID, GUARDIAN_CONSENT.GUARDIAN_NAME,
                    GUARDIAN_CONSENT.GIVEN_DATE).values(id, guardian.name(), guardian.given()).execute();
        }
        log.append(actor, AccessEvent.CONSENT_RECORDED, participantId, "consent=" + id);
        return id;
    }

    public void withdrawConsent(Actor actor, long participantId, long consentId, LocalDate date, Instant now) {
        tx.insertInto(CONSENT_WITHDRAWAL)
                .set(CONSENT_WITHDRAWAL.CONSENT_ID, consentId)
                .set(CONSENT_WITHDRAWAL.WITHDRAWN_DATE, date)
                .set(CONSENT_WITHDRAWAL.RECORDED_AT, utc(now))
                .set(CONSENT_WITHDRAWAL.RECORDED_BY, actor.userId())
                .execute();
        log.append(actor, AccessEvent.CONSENT_WITHDRAWN, participantId, "consent=" + consentId);
    }

    // ---- partners

    public List<PartnerInvolvement> partners(Actor actor, long participantId) {
        return tx.selectFrom(PARTNER_INVOLVEMENT)
                .where(PARTNER_INVOLVEMENT.PARTICIPANT_ID.eq(participantId))
                .orderBy(PARTNER_INVOLVEMENT.FROM_DATE, PARTNER_INVOLVEMENT.ID)
                .fetch(r -> new PartnerInvolvement(r.getId(), r.getParticipantId(), Partner.valueOf(r.getPartner()),
                        r.getFromDate(), r.getToDate()));
    }

    public long addPartner(Actor actor, long participantId, Partner partner, LocalDate from, Instant now) {
        long id = tx.insertInto(PARTNER_INVOLVEMENT)
                .set(PARTNER_INVOLVEMENT.PARTICIPANT_ID, participantId)
                .set(PARTNER_INVOLVEMENT.PARTNER, partner.name())
                .set(PARTNER_INVOLVEMENT.FROM_DATE, from)
                .set(PARTNER_INVOLVEMENT.RECORDED_AT, utc(now))
                .set(PARTNER_INVOLVEMENT.RECORDED_BY, actor.userId())
                .returningResult(PARTNER_INVOLVEMENT.ID)
                .fetchOne()
                .value1();
        log.append(actor, AccessEvent.PARTNER_CHANGED, participantId, "add " + partner.name());
        return id;
    }

    public void endPartner(Actor actor, long participantId, long involvementId, LocalDate to) {
        tx.update(PARTNER_INVOLVEMENT)
                .set(PARTNER_INVOLVEMENT.TO_DATE, to)
                .where(PARTNER_INVOLVEMENT.ID.eq(involvementId).and(PARTNER_INVOLVEMENT.PARTICIPANT_ID.eq(participantId)))
                .execute();
        log.append(actor, AccessEvent.PARTNER_CHANGED, participantId, "end involvement=" + involvementId);
    }

    // ---- action plan

    public List<Goal> goals(Actor actor, long participantId) {
        return goalsWhere(GOAL.PARTICIPANT_ID.eq(participantId));
    }

    public long addGoal(Actor actor, long participantId, Goal.LifeArea area, String description, Partner responsible,
            LocalDate followUp, LocalDate date, Instant now) {
        long id = tx.insertInto(GOAL)
                .set(GOAL.PARTICIPANT_ID, participantId)
                .set(GOAL.LIFE_AREA, area.name())
                .set(GOAL.DESCRIPTION, description)
                .set(GOAL.RESPONSIBLE, responsible.name())
                .set(GOAL.FOLLOW_UP_DATE, followUp)
                .set(GOAL.RECORDED_AT, utc(now))
                .set(GOAL.RECORDED_BY, actor.userId())
                .returningResult(GOAL.ID)
                .fetchOne()
                .value1();
        insertGoalStatus(actor, id, Goal.Status.ONGOING, date, now);
        log.append(actor, AccessEvent.PLAN_CHANGED, participantId, "add goal=" + id);
        return id;
    }

    public void setGoalStatus(Actor actor, long participantId, long goalId, Goal.Status status, LocalDate date,
            Instant now) {
        insertGoalStatus(actor, goalId, status, date, now);
        log.append(actor, AccessEvent.PLAN_CHANGED, participantId, "goal=" + goalId + " " + status.name());
    }

    public void setFollowUp(Actor actor, long participantId, long goalId, LocalDate followUp) {
        tx.update(GOAL).set(GOAL.FOLLOW_UP_DATE, followUp)
                .where(GOAL.ID.eq(goalId).and(GOAL.PARTICIPANT_ID.eq(participantId))).execute();
        log.append(actor, AccessEvent.PLAN_CHANGED, participantId, "goal=" + goalId + " follow-up");
    }

    private void insertGoalStatus(Actor actor, long goalId, Goal.Status status, LocalDate date, Instant now) {
        tx.insertInto(GOAL_STATUS)
                .set(GOAL_STATUS.GOAL_ID, goalId)
                .set(GOAL_STATUS.STATUS, status.name())
                .set(GOAL_STATUS.EFFECTIVE_DATE, date)
                .set(GOAL_STATUS.RECORDED_AT, utc(now))
                .set(GOAL_STATUS.RECORDED_BY, actor.userId())
                .execute();
    }

    private List<Goal> goalsWhere(org.jooq.Condition condition) {
        var goals = tx.selectFrom(GOAL).where(condition).orderBy(GOAL.FOLLOW_UP_DATE, GOAL.ID).fetch();
        Map<Long, List<Goal.StatusChange>> statuses = tx.select(GOAL_STATUS.fields()).select(APP_USER.USERNAME)
                .from(GOAL_STATUS).join(APP_USER).on(APP_USER.ID.eq(GOAL_STATUS.RECORDED_BY))
                .where(GOAL_STATUS.GOAL_ID.in(goals.map(g -> g.getId())))
                .orderBy(GOAL_STATUS.ID)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.get(GOAL_STATUS.GOAL_ID), Collectors.mapping(
                        r -> new Goal.StatusChange(Goal.Status.valueOf(r.get(GOAL_STATUS.STATUS)),
                                r.get(GOAL_STATUS.EFFECTIVE_DATE), r.get(GOAL_STATUS.RECORDED_AT).toInstant(),
                                r.get(APP_USER.USERNAME)), Collectors.toCollection(ArrayList::new))));
        return goals.map(g -> new Goal(g.getId(), g.getParticipantId(), Goal.LifeArea.valueOf(g.getLifeArea()),
                g.getDescription(), Partner.valueOf(g.getResponsible()), g.getFollowUpDate(),
                statuses.getOrDefault(g.getId(), new ArrayList<>())));
    }

    private static CaseEvent toEvent(Record r) {
        String status = r.get(CASE_EVENT.STATUS);
        Situation situation = situation(r.get(CASE_EVENT.OCCUPATION), r.get(CASE_EVENT.HOUSING),
                r.get(CASE_EVENT.SUBSTANCE_USE));
        return new CaseEvent(r.get(CASE_EVENT.ID), r.get(CASE_EVENT.PARTICIPANT_ID), r.get(CASE_EVENT.EFFECTIVE_DATE),
                status == null ? null : CaseStatus.valueOf(status),
                enumOf(ReferralSource.class, r.get(CASE_EVENT.REFERRAL_SOURCE)),
                enumOf(DischargeReason.class, r.get(CASE_EVENT.DISCHARGE_REASON)),
                enumOf(ClosureReason.class, r.get(CASE_EVENT.CLOSURE_REASON)),
                situation, r.get(CASE_EVENT.ANNULS), r.get(CASE_EVENT.NOTE),
                r.get(CASE_EVENT.RECORDED_AT).toInstant(), r.get(APP_USER.USERNAME), r.get(CASE_EVENT.FOLLOW_UP_DUE));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static OffsetDateTime utc(Instant now) {
        return now.atOffset(ZoneOffset.UTC);
    }
}
