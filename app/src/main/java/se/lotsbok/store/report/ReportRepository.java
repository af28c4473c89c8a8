package se.lotsbok.store.report;

import static se.lotsbok.store.jooq.Tables.CASE_EVENT;
import static se.lotsbok.store.jooq.Tables.CONSENT;
import static se.lotsbok.store.jooq.Tables.CONSENT_WITHDRAWAL;
import static se.lotsbok.store.jooq.Tables.GOAL;
import static se.lotsbok.store.jooq.Tables.GOAL_STATUS;
import static se.lotsbok.store.jooq.Tables.JOURNAL_NOTE;
import static se.lotsbok.store.jooq.Tables.PARTICIPANT;
import static se.lotsbok.store.jooq.Tables.PARTNER_INVOLVEMENT;
import static se.lotsbok.store.jooq.Tables.TALLY_EXPORT;
import static se.lotsbok.store.jooq.Tables.ASSIGNMENT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.navigator.Assignment;
import se.lotsbok.domain.navigator.AssignmentHistory;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.report.RegisterSnapshot;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.store.access.AccessLogRepository;
import se.lotsbok.store.navigator.NavigatorRepository;
import se.lotsbok.store.settings.SettingsRepository;

/**
 * Reads what the tallies count, and nothing more: no names, no identity numbers, no note texts.
 * Each query reads only the columns the counting needs.
 */
public final class ReportRepository {

    private final DSLContext tx;
    private final AccessLogRepository log;
    private final NavigatorRepository navigators;
    private final SettingsRepository settings;

    public ReportRepository(DSLContext tx, AccessLogRepository log, NavigatorRepository navigators,
            SettingsRepository settings) {
        this.tx = tx;
        this.log = log;
        this.navigators = navigators;
        this.settings = settings;
    }

    /**
     * The register as the tallies of the days [from, to] see it, with the signed notes' meetings
     * of those days; the reading is logged as a report run. Only participants whose case can count
     * in the period are read: someone whose case closed before {@code from}, with nothing recorded
     * since, adds nothing to any measure of the period (see {@link #relevant}).
     */
    public RegisterSnapshot snapshot(Actor actor, String what, LocalDate from, LocalDate to) {
        return snapshot(actor, what, from, to, from, to);
    }

    /**
     * As {@link #snapshot(Actor, String, LocalDate, LocalDate)}, with the meetings of
     * [meetingsFrom, meetingsTo] instead (none when {@code meetingsFrom} is null): the notes are by
     * far the largest table, and the yearly summary needs none of them.
     */
    public RegisterSnapshot snapshot(Actor actor, String what, LocalDate from, LocalDate to, LocalDate meetingsFrom,
            LocalDate meetingsTo) {
        Long[] ids = relevant(from, to);

        Map<Long, RegisterSnapshot.Person> people = new HashMap<>();
        tx.select(PARTICIPANT.ID, PARTICIPANT.GENDER, PARTICIPANT.BIRTH_DATE, PARTICIPANT.PROGRAMME).from(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(DSL.any(ids)))
                .forEach(r -> people.put(r.value1(), new RegisterSnapshot.Person(r.value1(), Gender.valueOf(r.value2()),
                        r.value3(), Programme.valueOf(r.value4()))));

        Map<Long, List<CaseEvent>> events = new HashMap<>();
        tx.select(CASE_EVENT.ID, CASE_EVENT.PARTICIPANT_ID, CASE_EVENT.EFFECTIVE_DATE, CASE_EVENT.STATUS,
                        CASE_EVENT.REFERRAL_SOURCE, CASE_EVENT.DISCHARGE_REASON, CASE_EVENT.CLOSURE_REASON, CASE_EVENT.ANNULS)
                .from(CASE_EVENT)
                .where(CASE_EVENT.PARTICIPANT_ID.eq(DSL.any(ids)))
                .orderBy(CASE_EVENT.ID)
                .forEach(r -> events.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new CaseEvent(r.value1(),
                        r.value2(), r.value3(), r.value4() == null ? null : CaseStatus.valueOf(r.value4()),
                        r.value5() == null ? null : ReferralSource.valueOf(r.value5()),
                        r.value6() == null ? null : DischargeReason.valueOf(r.value6()),
                        r.value7() == null ? null : ClosureReason.valueOf(r.value7()),
                        null, r.value8(), "", Instant.EPOCH, "")));
        Map<Long, CaseHistory> histories = new HashMap<>();
        events.forEach((id, rows) -> histories.put(id, CaseHistory.of(rows)));

        Map<Long, List<Assignment>> assigned = new HashMap<>();
        tx.select(ASSIGNMENT.ID, ASSIGNMENT.PARTICIPANT_ID, ASSIGNMENT.NAVIGATOR_ID, ASSIGNMENT.EFFECTIVE_DATE)
                .from(ASSIGNMENT)
                .where(ASSIGNMENT.PARTICIPANT_ID.eq(DSL.any(ids)))
                .forEach(r -> assigned.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new Assignment(r.value1(),
                        r.value2(), r.value3(), r.value4(), Instant.EPOCH, "")));
        Map<Long, AssignmentHistory> assignments = new HashMap<>();
        assigned.forEach((id, rows) -> assignments.put(id, AssignmentHistory.of(rows)));

        // Whether a consent is valid on a day needs its dates and withdrawal only, not whom it covers.
        Map<Long, List<Consent>> consents = new HashMap<>();
        tx.select(CONSENT.ID, CONSENT.PARTICIPANT_ID, CONSENT.GIVEN_DATE, CONSENT.VALID_UNTIL,
                        CONSENT_WITHDRAWAL.WITHDRAWN_DATE)
                .from(CONSENT)
                .leftJoin(CONSENT_WITHDRAWAL).on(CONSENT_WITHDRAWAL.CONSENT_ID.eq(CONSENT.ID))
                .where(CONSENT.PARTICIPANT_ID.eq(DSL.any(ids)))
                .forEach(r -> consents.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new Consent(r.value1(),
                        r.value2(), r.value3(), r.value4(), Set.of(), List.of(), r.value5(), Instant.EPOCH, "")));

        List<RegisterSnapshot.Meeting> meetings = meetingsFrom == null ? List.of() : tx.select(
                        JOURNAL_NOTE.PARTICIPANT_ID, JOURNAL_NOTE.MEETING_AT, JOURNAL_NOTE.MEETING_TYPE)
                .from(JOURNAL_NOTE)
                .where(JOURNAL_NOTE.MEETING_AT.ge(meetingsFrom.atStartOfDay()))
                .and(JOURNAL_NOTE.MEETING_AT.lt(meetingsTo.plusDays(1).atStartOfDay()))
                .and(JOURNAL_NOTE.AMENDS.isNull())
                .fetch(r -> new RegisterSnapshot.Meeting(r.value1(), r.value2().toLocalDate(), MeetingType.valueOf(r.value3())));

        Map<Long, List<PartnerInvolvement>> partners = new HashMap<>();
        tx.select(PARTNER_INVOLVEMENT.ID, PARTNER_INVOLVEMENT.PARTICIPANT_ID, PARTNER_INVOLVEMENT.PARTNER,
                        PARTNER_INVOLVEMENT.FROM_DATE, PARTNER_INVOLVEMENT.TO_DATE)
                .from(PARTNER_INVOLVEMENT)
                .where(PARTNER_INVOLVEMENT.PARTICIPANT_ID.eq(DSL.any(ids)))
                .forEach(r -> partners.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new PartnerInvolvement(
                        r.value1(), r.value2(), Partner.valueOf(r.value3()), r.value4(), r.value5())));

        Map<Long, List<Goal.StatusChange>> statuses = new HashMap<>();
        tx.select(GOAL_STATUS.GOAL_ID, GOAL_STATUS.STATUS, GOAL_STATUS.EFFECTIVE_DATE)
                .from(GOAL_STATUS).join(GOAL).on(GOAL.ID.eq(GOAL_STATUS.GOAL_ID))
                .where(GOAL.PARTICIPANT_ID.eq(DSL.any(ids)))
                .orderBy(GOAL_STATUS.ID)
                .forEach(r -> statuses.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new Goal.StatusChange(
                        Goal.Status.valueOf(r.value2()), r.value3(), Instant.EPOCH, "")));
        Map<Long, List<Goal>> goals = new HashMap<>();
        tx.select(GOAL.ID, GOAL.PARTICIPANT_ID, GOAL.LIFE_AREA, GOAL.RESPONSIBLE, GOAL.FOLLOW_UP_DATE)
                .from(GOAL)
                .where(GOAL.PARTICIPANT_ID.eq(DSL.any(ids)))
                .forEach(r -> goals.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new Goal(r.value1(),
                        r.value2(), Goal.LifeArea.valueOf(r.value3()), "", Partner.valueOf(r.value4()), r.value5(),
                        statuses.getOrDefault(r.value1(), List.of(
                                new Goal.StatusChange(Goal.Status.ONGOING, r.value5(), Instant.EPOCH, ""))))));

        log.append(actor, AccessEvent.REPORT_RUN, null, what);
        return new RegisterSnapshot(people, histories, assignments, navigators.all(), consents, meetings, partners,
                goals, settings.load().caseloadCap());
    }

    /**
     * The participants whose case can count in [from, to]: those whose latest move in force on
     * {@code to} (annulled moves and the annulments themselves left out, whatever their dates) is
     * dated on or after {@code from}, or does not close the case. A case path only moves forward in
     * time, so a participant outside this set had their case closed before {@code from} with no
     * move in force since: not enrolled, waiting, referred or closed in the period.
     */
    private Long[] relevant(LocalDate from, LocalDate to) {
        Field<Long> lastId = DSL.max(CASE_EVENT.ID).as("last_id");
        Field<LocalDate> lastDate = DSL.max(CASE_EVENT.EFFECTIVE_DATE).as("last_date");
        var annulment = CASE_EVENT.as("annulment");
        Table<?> latest = tx.select(CASE_EVENT.PARTICIPANT_ID, lastId, lastDate)
                .from(CASE_EVENT)
                .where(CASE_EVENT.EFFECTIVE_DATE.le(to))
                .and(CASE_EVENT.STATUS.isNotNull())
                .andNotExists(DSL.selectOne().from(annulment).where(annulment.ANNULS.eq(CASE_EVENT.ID)))
                .groupBy(CASE_EVENT.PARTICIPANT_ID)
                .asTable("latest");
        var last = CASE_EVENT.as("last_row");
        return tx.select(latest.field(CASE_EVENT.PARTICIPANT_ID))
                .from(latest)
                .join(last).on(last.ID.eq(latest.field(lastId)))
                .where(latest.field(lastDate).ge(from)
                        .or(last.STATUS.notIn(CaseStatus.DISCHARGED.name(), CaseStatus.CONTACTED_NOT_ENROLLED.name())))
                .fetchArray(latest.field(CASE_EVENT.PARTICIPANT_ID));
    }

    /** The digest of the last export of {@code period}, and when it was made. */
    public Optional<Export> lastExport(String period) {
        return tx.selectFrom(TALLY_EXPORT).where(TALLY_EXPORT.PERIOD.eq(period)).orderBy(TALLY_EXPORT.ID.desc()).limit(1)
                .fetchOptional(r -> new Export(r.getPeriod(), r.getDigest(), r.getExportedAt().toInstant()));
    }

    public void recordExport(Actor actor, String period, String digest, String what, Instant now) {
        tx.insertInto(TALLY_EXPORT)
                .set(TALLY_EXPORT.PERIOD, period)
                .set(TALLY_EXPORT.DIGEST, digest)
                .set(TALLY_EXPORT.EXPORTED_AT, now.atOffset(ZoneOffset.UTC))
                .set(TALLY_EXPORT.EXPORTED_BY, actor.userId())
                .execute();
        log.append(actor, AccessEvent.EXPORT, null, what);
    }

    /**
     * Streams the participant list (identity number, names, birth date, gender, programme) in name
     * order, for an explicit export; the export is logged with the number of rows.
     */
    public int exportParticipantList(Actor actor, Consumer<ListRow> sink) {
        int rows = 0;
        try (var cursor = tx.select(PARTICIPANT.IDENTITY_NUMBER, PARTICIPANT.FIRST_NAME, PARTICIPANT.LAST_NAME, PARTICIPANT.BIRTH_DATE,
                        PARTICIPANT.GENDER, PARTICIPANT.PROGRAMME)
                .from(PARTICIPANT)
                .orderBy(PARTICIPANT.LAST_NAME, PARTICIPANT.FIRST_NAME, PARTICIPANT.ID)
                .fetchSize(1000)
                .fetchLazy()) {
            for (var r : cursor) {
                rows++;
                sink.accept(new ListRow(r.value1() == null ? null : new PersonalIdentityNumber(r.value1()),
                        r.value2(), r.value3(), r.value4(), Gender.valueOf(r.value5()), Programme.valueOf(r.value6())));
            }
        }
        log.append(actor, AccessEvent.EXPORT, null, "participant list, rows=" + rows);
        return rows;
    }

    /** One line of the participant list. */
    public record ListRow(PersonalIdentityNumber identityNumber, String firstName, String lastName, LocalDate birthDate,
            Gender gender, Programme programme) {
    }

    /** An earlier export of a period's tally. */
    public record Export(String period, String digest, Instant at) {
    }
}
