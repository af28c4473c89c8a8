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

    /** A participant on a day: name, case status since when, and navigator then (any may be null). */
    public record Line(long participantId, String firstName, String lastName, CaseStatus status, LocalDate since,
            Long navigatorId) {
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

    /**
     * Every participant's navigator on {@code date} (participants with nobody, and the residues that
     * gallring leaves, are left out).
     */
    public Map<Long, Long> navigatorsOn(LocalDate date) {
        Field<Long> navigator = navigatorOn(PARTICIPANT.ID, date);
        Map<Long, Long> result = new HashMap<>();
        tx.select(PARTICIPANT.ID, navigator).from(PARTICIPANT)
                .where(PARTICIPANT.ANONYMISED_AT.isNull())
                .forEach(r -> {
                    if (r.value2() != null) {
                        result.put(r.value1(), r.value2());
                    }
                });
        return result;
    }

    /**
     * The participants who on {@code date} have a navigator or whose case is open, with name, status and
     * navigator: what the caseload board shows. Logged as a result list (ids and names are read).
     */
    public List<Line> lines(Actor actor, LocalDate date) {
        Field<Long> navigator = navigatorOn(PARTICIPANT.ID, date).as("NAVIGATOR");
        // The status and its date in one subquery, as "STATUS|YYYY-MM-DD".
        Field<String> status = statusOn(PARTICIPANT.ID, date,
                DSL.concat(CASE_EVENT.STATUS, DSL.inline("|"), CASE_EVENT.EFFECTIVE_DATE.cast(String.class))).as("STATUS");
        Table<?> current = tx.select(PARTICIPANT.ID, PARTICIPANT.FIRST_NAME, PARTICIPANT.LAST_NAME, status, navigator)
                .from(PARTICIPANT)
                .where(PARTICIPANT.ANONYMISED_AT.isNull())
                .asTable("CURRENT");
        Field<Long> currentNavigator = current.field(navigator);
        Field<String> currentStatus = current.field(status);
        List<Line> lines = tx.selectFrom(current)
                .where(currentNavigator.isNotNull().or(currentStatus.isNotNull()
                        .and(currentStatus.notLike(CaseStatus.DISCHARGED.name() + "|%"))
                        .and(currentStatus.notLike(CaseStatus.CONTACTED_NOT_ENROLLED.name() + "|%"))))
                .fetch(r -> {
                    String statusAndDate = r.get(currentStatus);
                    int bar = statusAndDate == null ? -1 : statusAndDate.indexOf('|');
                    return new Line(r.get(current.field(PARTICIPANT.ID)), r.get(current.field(PARTICIPANT.FIRST_NAME)),
                            r.get(current.field(PARTICIPANT.LAST_NAME)),
                            bar < 0 ? null : CaseStatus.valueOf(statusAndDate.substring(0, bar)),
                            bar < 0 ? null : LocalDate.parse(statusAndDate.substring(bar + 1)),
                            r.get(currentNavigator));
                });
        log.append(actor, AccessEvent.PARTICIPANT_LIST, null, "caseload rows=" + lines.size());
        return lines;
    }

    /** The waiting list on {@code date}: whose case stands there, since the day it moved there. Logged. */
    public List<Waiting> waitingList(Actor actor, LocalDate date) {
        Field<String> status = statusOn(PARTICIPANT.ID, date, CASE_EVENT.STATUS).as("STATUS");
        Field<LocalDate> since = statusOn(PARTICIPANT.ID, date, CASE_EVENT.EFFECTIVE_DATE).as("SINCE");
        Table<?> current = tx.select(PARTICIPANT.ID, PARTICIPANT.FIRST_NAME, PARTICIPANT.LAST_NAME, status, since)
                .from(PARTICIPANT)
                .where(PARTICIPANT.ANONYMISED_AT.isNull())
                .asTable("CURRENT");
        List<Waiting> waiting = tx.selectFrom(current)
                .where(current.field(status).eq(CaseStatus.WAITING_LIST.name()))
                .orderBy(current.field(since), current.field(PARTICIPANT.ID))
                .fetch(r -> new Waiting(r.get(current.field(PARTICIPANT.ID)), r.get(current.field(PARTICIPANT.FIRST_NAME)),
                        r.get(current.field(PARTICIPANT.LAST_NAME)), r.get(current.field(since))));
        log.append(actor, AccessEvent.PARTICIPANT_LIST, null, "waiting list rows=" + waiting.size());
        return waiting;
    }

    /**
     * How many participants (other than {@code except}) are enrolled on {@code date} with this navigator
     * as their navigator on that day: the navigator's caseload.
     */
    public int caseloadOn(long navigatorId, LocalDate date, long except) {
        return tx.fetchCount(PARTICIPANT, PARTICIPANT.ID.ne(except)
                .and(navigatorOn(PARTICIPANT.ID, date).eq(navigatorId))
                .and(statusOn(PARTICIPANT.ID, date, CASE_EVENT.STATUS).eq(CaseStatus.ENROLLED.name())));
    }

    /**
     * The navigator of {@code participant} on {@code date}: the newest assignment dated on or before it,
     * found through the (participant, date, id) index, one participant at a time.
     */
    private Field<Long> navigatorOn(Field<Long> participant, LocalDate date) {
        return DSL.field(DSL.select(ASSIGNMENT.NAVIGATOR_ID).from(ASSIGNMENT)
                .where(ASSIGNMENT.PARTICIPANT_ID.eq(participant).and(ASSIGNMENT.EFFECTIVE_DATE.le(date)))
                .orderBy(ASSIGNMENT.EFFECTIVE_DATE.desc(), ASSIGNMENT.ID.desc())
                .limit(1));
    }

    /** A column of the participant's effective case move (not annulled) in force on {@code date}. */
    private <T> Field<T> statusOn(Field<Long> participant, LocalDate date, Field<T> column) {
        CaseEvent annulment = CASE_EVENT.as("ANNULMENT");
        return DSL.field(DSL.select(column).from(CASE_EVENT)
                .where(CASE_EVENT.PARTICIPANT_ID.eq(participant)
                        .and(CASE_EVENT.STATUS.isNotNull())
                        .and(CASE_EVENT.EFFECTIVE_DATE.le(date))
                        .andNotExists(DSL.selectOne().from(annulment).where(annulment.ANNULS.eq(CASE_EVENT.ID))))
                .orderBy(CASE_EVENT.EFFECTIVE_DATE.desc(), CASE_EVENT.ID.desc())
                .limit(1));
    }
}
