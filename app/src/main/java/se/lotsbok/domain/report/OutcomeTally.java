package se.lotsbok.domain.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;

/**
 * The outcome measures of a period (a month or a year, first day F to last day L), from the dated
 * history rows only, as docs/measures.md defines them:
 * <ul>
 * <li>for each discharge dated in [F, L]: the situation (occupation, housing, substance use) at
 * the enrollment it ends and at the discharge, whether each field improved, stayed or worsened in
 * the unit's {@link OutcomeOrder} (unknown at either end is {@code unknown}), split by gender and
 * programme; the statuses of the case's goals on the discharge day, and by life area; and the
 * whole days from enrollment to discharge (25th percentile, median, 75th percentile, nearest rank);
 * <li>for each follow-up after discharge due in [F, L]: whether the person was reached, the
 * situation then, and how it changed from the discharge;
 * <li>the order used, as ranks (1 is best).
 * </ul>
 * Every measure but the days and the ranks is a count of discharges (or follow-ups, or goals), so
 * the counts of several units or periods add up.
 */
public final class OutcomeTally {

    /** What a measure's values are: counts add up; days and ranks do not. */
    public enum Kind {
        COUNT,
        /** Percentiles of days; the measure's total is the number of discharges they rest on. */
        DAYS,
        /** The order used: each value's rank, 1 best; the total is the number of levels. */
        RANK
    }

    public static final String ENROLLMENT_DAYS = "enrollment_days";
    public static final String FOLLOW_UP_DUE = "followup_due";
    public static final String NOT_RECORDED = "not_recorded";
    public static final String P25 = "p25";
    public static final String MEDIAN = "median";
    public static final String P75 = "p75";
    private static final String RANK_PREFIX = "outcome_order_";

    private static final Field<Situation.Occupation> OCCUPATION = new Field<>("occupation",
            Situation.Occupation.values(), Codes::of, Situation::occupation, OutcomeOrder::occupation);
    private static final Field<Situation.Housing> HOUSING = new Field<>("housing", Situation.Housing.values(),
            Codes::of, Situation::housing, OutcomeOrder::housing);
    private static final Field<Situation.SubstanceUse> SUBSTANCE_USE = new Field<>("substance_use",
            Situation.SubstanceUse.values(), Codes::of, Situation::substanceUse, OutcomeOrder::substanceUse);

    /** The three situation fields, as measure names spell them. */
    public static final List<String> FIELDS = List.of(OCCUPATION.name(), HOUSING.name(), SUBSTANCE_USE.name());

    private OutcomeTally() {
    }

    /** How to read a measure's values; the outcome order's ranks and the days are not counts. */
    public static Kind kindOf(String measure) {
        if (measure.startsWith(RANK_PREFIX)) {
            return Kind.RANK;
        }
        return measure.equals(ENROLLMENT_DAYS) ? Kind.DAYS : Kind.COUNT;
    }

    /** The outcome measures of the days [first, last], every category written, zeros included. */
    public static List<TallyRow> rows(LocalDate first, LocalDate last, RegisterSnapshot register) {
        OutcomeOrder order = register.outcomeOrder();
        List<Counts<?>> fields = List.of(new Counts<>(OCCUPATION, order), new Counts<>(HOUSING, order),
                new Counts<>(SUBSTANCE_USE, order));
        Map<String, Long> goals = counter(Goal.Status.values(), Codes::of);
        Map<String, Long> goalsByArea = counter(Goal.LifeArea.values(), Codes::of);
        Map<String, Long> metByArea = counter(Goal.LifeArea.values(), Codes::of);
        List<Long> days = new ArrayList<>();
        Map<String, Long> followUps = counter(DischargeFollowUp.Result.values(), Codes::of);
        followUps.put(NOT_RECORDED, 0L);

        // By value, not by entry: the participant's id is on each row, and the walk covers everyone.
        for (CaseHistory history : register.cases().values()) {
            LocalDate caseStart = null;
            CaseEvent enrollment = null;
            for (CaseEvent e : history.effective()) {
                long id = e.participantId();
                switch (e.status()) {
                    case REFERRED -> {
                        caseStart = e.date();
                        enrollment = null;
                    }
                    case ENROLLED -> enrollment = e;
                    case DISCHARGED -> {
                        if (within(e.date(), first, last)) {
                            Situation before = enrollment == null ? null : enrollment.situation();
                            RegisterSnapshot.Person person = register.people().get(id);
                            fields.forEach(f -> f.discharge(before, e.situation(), person));
                            if (enrollment != null) {
                                days.add(ChronoUnit.DAYS.between(enrollment.date(), e.date()));
                            }
                            LocalDate from = caseStart != null ? caseStart
                                    : enrollment != null ? enrollment.date() : e.date();
                            for (Goal g : register.goals().getOrDefault(id, List.of())) {
                                goalAtDischarge(g, from, e.date()).ifPresent(status -> {
                                    goals.merge(Codes.of(status), 1L, Long::sum);
                                    goalsByArea.merge(Codes.of(g.area()), 1L, Long::sum);
                                    if (status == Goal.Status.MET) {
                                        metByArea.merge(Codes.of(g.area()), 1L, Long::sum);
                                    }
                                });
                            }
                        }
                        if (e.followUpDue() != null && within(e.followUpDue(), first, last)) {
                            Optional<DischargeFollowUp> done = register.followUps().getOrDefault(id, List.of()).stream()
                                    .filter(f -> f.dischargeEventId() == e.id()).findFirst();
                            followUps.merge(done.map(f -> Codes.of(f.result())).orElse(NOT_RECORDED), 1L, Long::sum);
                            Situation then = done.map(DischargeFollowUp::situation).orElse(null);
                            fields.forEach(f -> f.followUp(e.situation(), then));
                        }
                        enrollment = null;
                    }
                    case CONTACTED_NOT_ENROLLED -> enrollment = null;
                    case ASSESSMENT, WAITING_LIST -> { }
                }
            }
        }

        List<TallyRow> rows = new ArrayList<>();
        for (String when : List.of("enrollment", "discharge")) {
            fields.forEach(f -> split(rows, f.field.name() + "_at_" + when, f.at(when)));
        }
        fields.forEach(f -> split(rows, "outcome_" + f.field.name(), f.outcome));
        for (Counts<?> f : fields) {
            for (Ranking.Change change : Ranking.Change.values()) {
                String code = Codes.of(change);
                split(rows, "outcome_" + f.field.name() + "_" + code + "_by_gender", f.byGender.get(code));
                split(rows, "outcome_" + f.field.name() + "_" + code + "_by_programme", f.byProgramme.get(code));
            }
        }
        split(rows, "goals_at_discharge", goals);
        split(rows, "goals_at_discharge_by_life_area", goalsByArea);
        split(rows, "goals_met_at_discharge_by_life_area", metByArea);
        rows.addAll(percentiles(days));
        split(rows, FOLLOW_UP_DUE, followUps);
        fields.forEach(f -> split(rows, f.field.name() + "_at_followup", f.atFollowUp));
        fields.forEach(f -> split(rows, "outcome_" + f.field.name() + "_followup", f.outcomeFollowUp));
        fields.forEach(f -> rows.addAll(f.ranks()));
        return rows;
    }

    /**
     * The goal's status at the end of the discharge day, for a goal of this case: first recorded on or
     * after the case began and on or before the discharge.
     */
    private static Optional<Goal.Status> goalAtDischarge(Goal goal, LocalDate caseStart, LocalDate discharge) {
        LocalDate added = goal.history().getFirst().date();
        if (added.isBefore(caseStart) || added.isAfter(discharge)) {
            return Optional.empty();
        }
        Goal.Status status = null;
        for (Goal.StatusChange change : goal.history()) {
            if (!change.date().isAfter(discharge)) {
                status = change.status();
            }
        }
        return Optional.ofNullable(status);
    }

    /** Nearest rank: the smallest number of days that at least p of the discharged were enrolled for or less. */
    private static List<TallyRow> percentiles(List<Long> days) {
        long[] sorted = days.stream().mapToLong(Long::longValue).sorted().toArray();
        List<TallyRow> rows = new ArrayList<>();
        rows.add(new TallyRow(ENROLLMENT_DAYS, TallyRow.TOTAL, sorted.length));
        rows.add(new TallyRow(ENROLLMENT_DAYS, P25, nearestRank(sorted, 25)));
        rows.add(new TallyRow(ENROLLMENT_DAYS, MEDIAN, nearestRank(sorted, 50)));
        rows.add(new TallyRow(ENROLLMENT_DAYS, P75, nearestRank(sorted, 75)));
        return rows;
    }

    static long nearestRank(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static boolean within(LocalDate date, LocalDate first, LocalDate last) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    private static void split(List<TallyRow> rows, String measure, Map<String, Long> categories) {
        rows.add(new TallyRow(measure, TallyRow.TOTAL, categories.values().stream().mapToLong(Long::longValue).sum()));
        categories.forEach((category, value) -> rows.add(new TallyRow(measure, category, value)));
    }

    private static <E extends Enum<E>> Map<String, Long> counter(E[] values, Function<E, String> code) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (E value : values) {
            counts.put(code.apply(value), 0L);
        }
        return counts;
    }

    /** One situation field: its name in the measures, values, codes, and where to find it. */
    private record Field<E extends Enum<E>>(String name, E[] values, Function<E, String> code,
            Function<Situation, E> of, Function<OutcomeOrder, Ranking<E>> ranking) {

        E unknown() {
            return Arrays.stream(values).filter(v -> v.name().equals("UNKNOWN")).findFirst().orElseThrow();
        }

        E in(Situation situation) {
            return situation == null ? unknown() : of.apply(situation);
        }
    }

    /** The counts of one field over the period. */
    private static final class Counts<E extends Enum<E>> {
        final Field<E> field;
        final Ranking<E> ranking;
        final Map<String, Long> atEnrollment;
        final Map<String, Long> atDischarge;
        final Map<String, Long> atFollowUp;
        final Map<String, Long> outcome = counter(Ranking.Change.values(), Codes::of);
        final Map<String, Long> outcomeFollowUp = counter(Ranking.Change.values(), Codes::of);
        final Map<String, Map<String, Long>> byGender = new LinkedHashMap<>();
        final Map<String, Map<String, Long>> byProgramme = new LinkedHashMap<>();

        Counts(Field<E> field, OutcomeOrder order) {
            this.field = field;
            this.ranking = field.ranking().apply(order);
            this.atEnrollment = counter(field.values(), field.code());
            this.atDischarge = counter(field.values(), field.code());
            this.atFollowUp = counter(field.values(), field.code());
            for (Ranking.Change change : Ranking.Change.values()) {
                byGender.put(Codes.of(change), counter(Gender.values(), Codes::of));
                byProgramme.put(Codes.of(change), counter(Programme.values(), Codes::of));
            }
        }

        Map<String, Long> at(String when) {
            return when.equals("enrollment") ? atEnrollment : atDischarge;
        }

        void discharge(Situation enrolled, Situation discharged, RegisterSnapshot.Person person) {
            E before = field.in(enrolled);
            E after = field.in(discharged);
            atEnrollment.merge(field.code().apply(before), 1L, Long::sum);
            atDischarge.merge(field.code().apply(after), 1L, Long::sum);
            String change = Codes.of(ranking.change(before, after));
            outcome.merge(change, 1L, Long::sum);
            Gender gender = person == null ? Gender.UNKNOWN : person.gender();
            byGender.get(change).merge(Codes.of(gender), 1L, Long::sum);
            if (person != null) {
                byProgramme.get(change).merge(Codes.of(person.programme()), 1L, Long::sum);
            }
        }

        void followUp(Situation discharged, Situation then) {
            E before = field.in(discharged);
            E after = field.in(then);
            atFollowUp.merge(field.code().apply(after), 1L, Long::sum);
            outcomeFollowUp.merge(Codes.of(ranking.change(before, after)), 1L, Long::sum);
        }

        List<TallyRow> ranks() {
            String measure = RANK_PREFIX + field.name();
            List<TallyRow> rows = new ArrayList<>();
            rows.add(new TallyRow(measure, TallyRow.TOTAL, ranking.levels().size()));
            for (E value : field.values()) {
                int rank = ranking.rankOf(value);
                if (rank > 0) {
                    rows.add(new TallyRow(measure, field.code().apply(value), rank));
                }
            }
            return rows;
        }
    }
}
