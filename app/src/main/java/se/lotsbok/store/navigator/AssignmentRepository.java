package se.lotsbok.store.navigator;

import static se.lotsbok.store.jooq.Tables.APP_USER;
import static se.lotsbok.store.jooq.Tables.ASSIGNMENT;
import static se.lotsbok.store.jooq.Tables.CASE_EVENT;
import static se.lotsbok.store.jooq.Tables.PARTICIPANT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.navigator.Assignment;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.store.access.AccessLogRepository;
import se.lotsbok.store.jooq.tables.CaseEvent;

/** Who is whose lots, over time, and the as-of questions the caseload board and the tallies ask. */
public final class AssignmentRepository {

    /** A participant on a day: name, case status and navigator then (either may be null). */
    public record Line(long participantId, String firstName, String lastName, CaseStatus status, Long navigatorId) {
    }

    /** A participant on the waiting list on a day, and since when. */
    public record Waiting(long participantId, String firstName, String lastName, LocalDate since) {
    }

    private final DSLContext tx;
    private final AccessLogRepository log;

    public AssignmentRepository(DSLContext tx, AccessLogRepository log) {
        this.tx = tx;
        this.log = log;
    }

    public long assign(Actor actor, long participantId, Long navigatorId, LocalDate date, Instant now) {
        long id = tx.insertInto(ASSIGNMENT)
                .set(ASSIGNMENT.PARTICIPANT_ID, participantId)
                .set(ASSIGNMENT.NAVIGATOR_ID, navigatorId)
                .set(ASSIGNMENT.EFFECTIVE_DATE, date)
                .set(ASSIGNMENT.RECORDED_AT, now.atOffset(ZoneOffset.UTC))
                .set(ASSIGNMENT.RECORDED_BY, actor.userId())
                .returningResult(ASSIGNMENT.ID)
                .fetchOne()
                .value1();
        log.append(actor, AccessEvent.ASSIGNMENT_CHANGED, participantId,
                "navigator=" + (navigatorId == null ? "-" : navigatorId) + " from=" + date);
        return id;
    }

    /** Every assignment row of the participant, in the order recorded. */
    public List<Assignment> history(long participantId) {
        return tx.select(ASSIGNMENT.fields()).select(APP_USER.USERNAME)
                .from(ASSIGNMENT).join(APP_USER).on(APP_USER.ID.eq(ASSIGNMENT.RECORDED_BY))
                .where(ASSIGNMENT.PARTICIPANT_ID.eq(participantId))
                .orderBy(ASSIGNMENT.ID)
                .fetch(r -> new Assignment(r.get(ASSIGNMENT.ID), r.get(ASSIGNMENT.PARTICIPANT_ID),
                        r.get(ASSIGNMENT.NAVIGATOR_ID), r.get(ASSIGNMENT.EFFECTIVE_DATE),
                        r.get(ASSIGNMENT.RECORDED_AT).toInstant(), r.get(APP_USER.USERNAME)));
    }

    /** The participant's navigator on {@code date}, if any. */
    public Optional<Long> navigatorOn(long participantId, LocalDate date) {
        return tx.select(ASSIGNMENT.NAVIGATOR_ID).from(ASSIGNMENT)
                .where(ASSIGNMENT.PARTICIPANT_ID.eq(participantId).and(ASSIGNMENT.EFFECTIVE_DATE.le(date)))
                .orderBy(ASSIGNMENT.EFFECTIVE_DATE.desc(), ASSIGNMENT.ID.desc())
                .limit(1)
                .fetchOptional(ASSIGNMENT.NAVIGATOR_ID);
    }

    /** Every participant's navigator on {@code date} (participants with nobody are left out). */
    public Map<Long, Long> navigatorsOn(LocalDate date) {
        Table<?> latest = latestAssignments(date);
        Map<Long, Long> result = new HashMap<>();
        tx.select(latest.field(ASSIGNMENT.PARTICIPANT_ID), latest.field(ASSIGNMENT.NAVIGATOR_ID))
                .from(latest)
                .where(latest.field("RN", Integer.class).eq(1)
                        .and(latest.field(ASSIGNMENT.NAVIGATOR_ID).isNotNull()))
                .forEach(r -> result.put(r.value1(), r.value2()));
        return result;
    }

    /**
     * The participants who on {@code date} have a navigator or whose case is open, with name, status and
     * navigator: what the caseload board shows. Logged as a result list (ids and names are read).
     */
    public List<Line> lines(Actor actor, LocalDate date) {
        Table<?> navigators = latestAssignments(date);
        Table<?> statuses = latestStatuses(date);
        Field<Long> navigatorId = navigators.field(ASSIGNMENT.NAVIGATOR_ID);
        Field<String> status = statuses.field(CASE_EVENT.STATUS);
        List<Line> lines = tx.select(PARTICIPANT.ID, PARTICIPANT.FIRST_NAME, PARTICIPANT.LAST_NAME, status, navigatorId)
                .from(PARTICIPANT)
                .leftJoin(navigators).on(navigators.field(ASSIGNMENT.PARTICIPANT_ID).eq(PARTICIPANT.ID)
                        .and(navigators.field("RN", Integer.class).eq(1)))
                .leftJoin(statuses).on(statuses.field(CASE_EVENT.PARTICIPANT_ID).eq(PARTICIPANT.ID)
                        .and(statuses.field("RN", Integer.class).eq(1)))
                .where(navigatorId.isNotNull().or(status.in(CaseStatus.ENROLLED.name(), CaseStatus.WAITING_LIST.name(),
                        CaseStatus.ASSESSMENT.name(), CaseStatus.REFERRED.name())))
                .fetch(r -> new Line(r.value1(), r.value2(), r.value3(),
                        r.value4() == null ? null : CaseStatus.valueOf(r.value4()), r.value5()));
        log.append(actor, AccessEvent.PARTICIPANT_LIST, null, "caseload rows=" + lines.size());
        return lines;
    }

    /** The waiting list on {@code date}: whose case stands there, since the day it moved there. Logged. */
    public List<Waiting> waitingList(Actor actor, LocalDate date) {
        Table<?> statuses = latestStatuses(date);
        List<Waiting> waiting = tx.select(PARTICIPANT.ID, PARTICIPANT.FIRST_NAME, PARTICIPANT.LAST_NAME,
                        statuses.field(CASE_EVENT.EFFECTIVE_DATE))
                .from(statuses)
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(statuses.field(CASE_EVENT.PARTICIPANT_ID)))
                .where(statuses.field("RN", Integer.class).eq(1)
                        .and(statuses.field(CASE_EVENT.STATUS).eq(CaseStatus.WAITING_LIST.name())))
                .orderBy(statuses.field(CASE_EVENT.EFFECTIVE_DATE), PARTICIPANT.ID)
                .fetch(r -> new Waiting(r.value1(), r.value2(), r.value3(), r.value4()));
        log.append(actor, AccessEvent.PARTICIPANT_LIST, null, "waiting list rows=" + waiting.size());
        return waiting;
    }

    /**
     * How many participants (other than {@code except}) are enrolled on {@code date} with this navigator
     * as their navigator on that day: the navigator's caseload.
     */
    public int caseloadOn(long navigatorId, LocalDate date, long except) {
        Table<?> navigators = latestAssignments(date);
        Table<?> statuses = latestStatuses(date);
        return tx.fetchCount(tx.select(navigators.field(ASSIGNMENT.PARTICIPANT_ID))
                .from(navigators)
                .join(statuses).on(statuses.field(CASE_EVENT.PARTICIPANT_ID).eq(navigators.field(ASSIGNMENT.PARTICIPANT_ID))
                        .and(statuses.field("RN", Integer.class).eq(1)))
                .where(navigators.field("RN", Integer.class).eq(1)
                        .and(navigators.field(ASSIGNMENT.NAVIGATOR_ID).eq(navigatorId))
                        .and(navigators.field(ASSIGNMENT.PARTICIPANT_ID).ne(except))
                        .and(statuses.field(CASE_EVENT.STATUS).eq(CaseStatus.ENROLLED.name()))));
    }

    /** Assignments numbered newest first per participant, as of {@code date} (RN = 1 is the one in force). */
    private Table<?> latestAssignments(LocalDate date) {
        return tx.select(ASSIGNMENT.PARTICIPANT_ID, ASSIGNMENT.NAVIGATOR_ID,
                        DSL.rowNumber().over(DSL.partitionBy(ASSIGNMENT.PARTICIPANT_ID)
                                .orderBy(ASSIGNMENT.EFFECTIVE_DATE.desc(), ASSIGNMENT.ID.desc())).as("RN"))
                .from(ASSIGNMENT)
                .where(ASSIGNMENT.EFFECTIVE_DATE.le(date))
                .asTable("LATEST_ASSIGNMENT");
    }

    /** Effective case moves (not annulled) numbered newest first per participant, as of {@code date}. */
    private Table<?> latestStatuses(LocalDate date) {
        CaseEvent annulment = CASE_EVENT.as("ANNULMENT");
        return tx.select(CASE_EVENT.PARTICIPANT_ID, CASE_EVENT.STATUS, CASE_EVENT.EFFECTIVE_DATE,
                        DSL.rowNumber().over(DSL.partitionBy(CASE_EVENT.PARTICIPANT_ID)
                                .orderBy(CASE_EVENT.EFFECTIVE_DATE.desc(), CASE_EVENT.ID.desc())).as("RN"))
                .from(CASE_EVENT)
                .where(CASE_EVENT.STATUS.isNotNull()
                        .and(CASE_EVENT.EFFECTIVE_DATE.le(date))
                        .andNotExists(DSL.selectOne().from(annulment).where(annulment.ANNULS.eq(CASE_EVENT.ID))))
                .asTable("LATEST_STATUS");
    }
}
