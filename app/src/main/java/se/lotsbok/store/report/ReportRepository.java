package se.lotsbok.store.report;

import static se.lotsbok.store.jooq.Tables.CASE_EVENT;
import static se.lotsbok.store.jooq.Tables.CONSENT;
import static se.lotsbok.store.jooq.Tables.CONSENT_WITHDRAWAL;
import static se.lotsbok.store.jooq.Tables.DISCHARGE_FOLLOW_UP;
import static se.lotsbok.store.jooq.Tables.GOAL;
import static se.lotsbok.store.jooq.Tables.GOAL_STATUS;
import static se.lotsbok.store.jooq.Tables.JOURNAL_NOTE;
import static se.lotsbok.store.jooq.Tables.MEETING_RESIDUE;
import static se.lotsbok.store.jooq.Tables.PARTICIPANT;
import static se.lotsbok.store.jooq.Tables.PARTNER_INVOLVEMENT;
import static se.lotsbok.store.jooq.Tables.REPORT_CHANGE;
import static se.lotsbok.store.jooq.Tables.TALLY_EXPORT;
import static se.lotsbok.store.jooq.Tables.ASSIGNMENT;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.navigator.Assignment;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.report.OutcomeOrder;
import se.lotsbok.domain.report.RegisterSnapshot;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.store.common.StoreException;
import se.lotsbok.store.access.AccessLogRepository;
import se.lotsbok.store.casepath.CaseRepository;
import se.lotsbok.store.navigator.NavigatorRepository;
import se.lotsbok.store.settings.SettingsRepository;

/**
 * Reads what the tallies count, and nothing more: no names, no identity numbers, no note texts;
 * each query reads only the columns the counting needs. Also the record of which participants'
 * rows changed (for the in-memory tally data), the exports' digests, and, only on explicit
 * request, the participant list.
 */
public final class ReportRepository {

    /** How far back from the newest recorded change the changes are kept for the tallies' readers. */
    public static final java.time.Duration CHANGES_KEPT = java.time.Duration.ofDays(7);

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

    /** The rows the tallies count, of some participants or of all: no names, numbers or texts. */
    public record TallyRows(Map<Long, RegisterSnapshot.Person> people, Map<Long, List<CaseEvent>> events,
            Map<Long, List<Assignment>> assignments, Map<Long, List<Consent>> consents,
            Map<Long, List<PartnerInvolvement>> partners, Map<Long, List<Goal>> goals,
            Map<Long, List<DischargeFollowUp>> followUps) {
    }

    /** Whose tally rows changed after a point in {@code report_change}; everything, when that cannot be told. */
    public record Changes(long upTo, Set<Long> participants, boolean everything) {
    }

    /** The newest point in the change record (0 when it is empty). */
    public long latestChange() {
        Long latest = tx.select(DSL.max(REPORT_CHANGE.SEQ)).from(REPORT_CHANGE).fetchOne(0, Long.class);
        return latest == null ? 0 : latest;
    }

    /**
     * Whose rows changed after {@code seq}, up to the newest point. When the record no longer
     * reaches back to {@code seq} (pruned), or a change could not be traced to a participant, the
     * answer is "everything".
     */
    public Changes changesSince(long seq) {
        long latest = latestChange();
        if (latest <= seq) {
            return new Changes(seq, Set.of(), false);
        }
        Long oldest = tx.select(DSL.min(REPORT_CHANGE.SEQ)).from(REPORT_CHANGE).fetchOne(0, Long.class);
        if (oldest == null || oldest > seq + 1 && seq > 0) {
            return new Changes(latest, Set.of(), true);
        }
        Set<Long> participants = new HashSet<>();
        boolean everything = false;
        for (var r : tx.selectDistinct(REPORT_CHANGE.PARTICIPANT_ID).from(REPORT_CHANGE)
                .where(REPORT_CHANGE.SEQ.gt(seq)).and(REPORT_CHANGE.SEQ.le(latest)).fetch()) {
            if (r.value1() == null) {
                everything = true;
            } else {
                participants.add(r.value1());
            }
        }
        return new Changes(latest, participants, everything);
    }

    /**
     * Forgets changes recorded more than {@link #CHANGES_KEPT} before the newest one; a reader that far
     * behind reads everything again. The database stamps the changes with its own clock (in a
     * trigger), so they are measured against each other, never against the program's clock: a
     * computer or server whose clock differs from the program's loses no change a reader still needs.
     */
    public void pruneChanges() {
        java.time.OffsetDateTime newest = tx.select(DSL.max(REPORT_CHANGE.CHANGED_AT)).from(REPORT_CHANGE)
                .fetchOne(0, java.time.OffsetDateTime.class);
        if (newest != null) {
            tx.deleteFrom(REPORT_CHANGE).where(REPORT_CHANGE.CHANGED_AT.lt(newest.minus(CHANGES_KEPT))).execute();
        }
    }

    /** Every participant's tally rows. */
    public TallyRows readAll() {
        return read(null);
    }

    /** The tally rows of {@code ids} (those no longer in the register are simply absent). */
    public TallyRows read(Collection<Long> ids) {
        Map<Long, RegisterSnapshot.Person> people = new HashMap<>();
        tx.select(PARTICIPANT.ID, PARTICIPANT.GENDER, PARTICIPANT.BIRTH_DATE, PARTICIPANT.PROGRAMME).from(PARTICIPANT)
                .where(among(PARTICIPANT.ID, ids))
                .forEach(r -> people.put(r.value1(), new RegisterSnapshot.Person(r.value1(), Gender.valueOf(r.value2()),
                        r.value3(), Programme.valueOf(r.value4()))));

        Map<Long, List<CaseEvent>> events = new HashMap<>();
        tx.select(CASE_EVENT.ID, CASE_EVENT.PARTICIPANT_ID, CASE_EVENT.EFFECTIVE_DATE, CASE_EVENT.STATUS,
                        CASE_EVENT.REFERRAL_SOURCE, CASE_EVENT.DISCHARGE_REASON, CASE_EVENT.CLOSURE_REASON, CASE_EVENT.ANNULS,
                        CASE_EVENT.OCCUPATION, CASE_EVENT.HOUSING, CASE_EVENT.SUBSTANCE_USE, CASE_EVENT.FOLLOW_UP_DUE)
                .from(CASE_EVENT)
                .where(among(CASE_EVENT.PARTICIPANT_ID, ids))
                .orderBy(CASE_EVENT.ID)
                .forEach(r -> events.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new CaseEvent(r.value1(),
                        r.value2(), r.value3(), r.value4() == null ? null : CaseStatus.valueOf(r.value4()),
                        r.value5() == null ? null : ReferralSource.valueOf(r.value5()),
                        r.value6() == null ? null : DischargeReason.valueOf(r.value6()),
                        r.value7() == null ? null : ClosureReason.valueOf(r.value7()),
                        CaseRepository.situation(r.value9(), r.value10(), r.value11()), r.value8(), "", Instant.EPOCH, "",
                        r.value12())));

        Map<Long, List<Assignment>> assigned = new HashMap<>();
        tx.select(ASSIGNMENT.ID, ASSIGNMENT.PARTICIPANT_ID, ASSIGNMENT.NAVIGATOR_ID, ASSIGNMENT.EFFECTIVE_DATE)
                .from(ASSIGNMENT)
                .where(among(ASSIGNMENT.PARTICIPANT_ID, ids))
                .forEach(r -> assigned.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new Assignment(r.value1(),
                        r.value2(), r.value3(), r.value4(), Instant.EPOCH, "")));

        // Whether a consent is valid on a day needs its dates and withdrawal only, not whom it covers.
        Map<Long, List<Consent>> consents = new HashMap<>();
        tx.select(CONSENT.ID, CONSENT.PARTICIPANT_ID, CONSENT.GIVEN_DATE, CONSENT.VALID_UNTIL,
                        CONSENT_WITHDRAWAL.WITHDRAWN_DATE)
                .from(CONSENT)
                .leftJoin(CONSENT_WITHDRAWAL).on(CONSENT_WITHDRAWAL.CONSENT_ID.eq(CONSENT.ID))
                .where(among(CONSENT.PARTICIPANT_ID, ids))
                .forEach(r -> consents.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new Consent(r.value1(),
                        r.value2(), r.value3(), r.value4(), Set.of(), List.of(), r.value5(), Instant.EPOCH, "")));

        Map<Long, List<PartnerInvolvement>> partners = new HashMap<>();
        tx.select(PARTNER_INVOLVEMENT.ID, PARTNER_INVOLVEMENT.PARTICIPANT_ID, PARTNER_INVOLVEMENT.PARTNER,
                        PARTNER_INVOLVEMENT.FROM_DATE, PARTNER_INVOLVEMENT.TO_DATE)
                .from(PARTNER_INVOLVEMENT)
                .where(among(PARTNER_INVOLVEMENT.PARTICIPANT_ID, ids))
                .forEach(r -> partners.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new PartnerInvolvement(
                        r.value1(), r.value2(), Partner.valueOf(r.value3()), r.value4(), r.value5())));

        Map<Long, List<Goal.StatusChange>> statuses = new HashMap<>();
        tx.select(GOAL_STATUS.GOAL_ID, GOAL_STATUS.STATUS, GOAL_STATUS.EFFECTIVE_DATE)
                .from(GOAL_STATUS).join(GOAL).on(GOAL.ID.eq(GOAL_STATUS.GOAL_ID))
                .where(among(GOAL.PARTICIPANT_ID, ids))
                .orderBy(GOAL_STATUS.ID)
                .forEach(r -> statuses.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new Goal.StatusChange(
                        Goal.Status.valueOf(r.value2()), r.value3(), Instant.EPOCH, "")));
        Map<Long, List<Goal>> goals = new HashMap<>();
        tx.select(GOAL.ID, GOAL.PARTICIPANT_ID, GOAL.LIFE_AREA, GOAL.RESPONSIBLE, GOAL.FOLLOW_UP_DATE)
                .from(GOAL)
                .where(among(GOAL.PARTICIPANT_ID, ids))
                .forEach(r -> goals.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new Goal(r.value1(),
                        r.value2(), Goal.LifeArea.valueOf(r.value3()), "", Partner.valueOf(r.value4()), r.value5(),
                        statuses.getOrDefault(r.value1(), List.of(
                                new Goal.StatusChange(Goal.Status.ONGOING, r.value5(), Instant.EPOCH, ""))))));

        Map<Long, List<DischargeFollowUp>> followUps = new HashMap<>();
        tx.select(DISCHARGE_FOLLOW_UP.ID, DISCHARGE_FOLLOW_UP.PARTICIPANT_ID, DISCHARGE_FOLLOW_UP.DISCHARGE_EVENT_ID,
                        DISCHARGE_FOLLOW_UP.CONTACT_DATE, DISCHARGE_FOLLOW_UP.RESULT, DISCHARGE_FOLLOW_UP.OCCUPATION,
                        DISCHARGE_FOLLOW_UP.HOUSING, DISCHARGE_FOLLOW_UP.SUBSTANCE_USE)
                .from(DISCHARGE_FOLLOW_UP)
                .where(among(DISCHARGE_FOLLOW_UP.PARTICIPANT_ID, ids))
                .forEach(r -> followUps.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new DischargeFollowUp(
                        r.value1(), r.value2(), r.value3(), r.value4(), DischargeFollowUp.Result.valueOf(r.value5()),
                        CaseRepository.situation(r.value6(), r.value7(), r.value8()), Instant.EPOCH, "")));
        return new TallyRows(people, events, assigned, consents, partners, goals, followUps);
    }

    private static Condition among(Field<Long> field, Collection<Long> ids) {
        return ids == null ? DSL.trueCondition() : field.in(ids);
    }

    /**
     * The meetings (signed notes, corrections left out) of the days [from, to], and the meetings
     * whose notes gallring deleted, which are kept as date and type only.
     */
    public List<RegisterSnapshot.Meeting> meetings(LocalDate from, LocalDate to) {
        // Corrections are left out here rather than in SQL: a condition on amends makes H2 choose
        // that column's index, which holds every note, over the covering index on meeting_at.
        List<RegisterSnapshot.Meeting> meetings = new ArrayList<>(tx.select(JOURNAL_NOTE.PARTICIPANT_ID,
                        JOURNAL_NOTE.MEETING_AT, JOURNAL_NOTE.MEETING_TYPE, JOURNAL_NOTE.AMENDS)
                .from(JOURNAL_NOTE)
                .where(JOURNAL_NOTE.MEETING_AT.ge(from.atStartOfDay()))
                .and(JOURNAL_NOTE.MEETING_AT.lt(to.plusDays(1).atStartOfDay()))
                .fetch()
                .stream()
                .filter(r -> r.value4() == null)
                .map(r -> new RegisterSnapshot.Meeting(r.value1(), r.value2().toLocalDate(), MeetingType.valueOf(r.value3())))
                .toList());
        tx.select(MEETING_RESIDUE.PARTICIPANT_ID, MEETING_RESIDUE.MEETING_DATE, MEETING_RESIDUE.MEETING_TYPE)
                .from(MEETING_RESIDUE)
                .where(MEETING_RESIDUE.MEETING_DATE.between(from, to))
                .forEach(r -> meetings.add(new RegisterSnapshot.Meeting(r.value1(), r.value2(),
                        MeetingType.valueOf(r.value3()))));
        return meetings;
    }

    public List<Navigator> navigators() {
        return navigators.all();
    }

    public int unitCap() {
        return settings.load().caseloadCap();
    }

    /** The order of better and worse the outcome measures use, from the unit's settings. */
    public OutcomeOrder outcomeOrder() {
        return settings.loadOutcome().order();
    }

    /** Logs that {@code actor} ran a report (counts only, so no participant is named). */
    public void logRun(Actor actor, String what) {
        log.append(actor, AccessEvent.REPORT_RUN, null, what);
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
        // Read through JDBC rather than jOOQ records: at 100 000 rows the records cost as much as the
        // query itself (docs/benchmarks.md).
        try (ResultSet result = tx.select(PARTICIPANT.IDENTITY_NUMBER, PARTICIPANT.FIRST_NAME, PARTICIPANT.LAST_NAME,
                        PARTICIPANT.BIRTH_DATE, PARTICIPANT.GENDER, PARTICIPANT.PROGRAMME)
                .from(PARTICIPANT)
                .where(PARTICIPANT.ANONYMISED_AT.isNull())
                .orderBy(PARTICIPANT.LAST_NAME, PARTICIPANT.FIRST_NAME, PARTICIPANT.ID)
                .fetchSize(1000)
                .fetchResultSet()) {
            while (result.next()) {
                rows++;
                String pin = result.getString(1);
                sink.accept(new ListRow(pin == null ? null : new PersonalIdentityNumber(pin), result.getString(2),
                        result.getString(3), result.getObject(4, LocalDate.class), Gender.valueOf(result.getString(5)),
                        Programme.valueOf(result.getString(6))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the participant list", e);
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
