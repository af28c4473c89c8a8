package se.lotsbok.domain.report;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.ConsentRules;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.common.SwedishText;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.participant.AgeBand;

/**
 * The monthly tally and the yearly summary, exactly as docs/measures.md defines them, from the dated
 * history rows only, by their effective dates. For month M with first day F and last day L:
 * enrolled at end means enrolled on L (enrollment on or before L, no discharge on or before L);
 * enrolled during means enrolled on at least one day of M. Every measure writes its total, zeros
 * included; splits are measures of their own; shares are two counts.
 */
public final class MonthlyTally {

    private MonthlyTally() {
    }

    public static Tally of(YearMonth month, RegisterSnapshot register) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Rows rows = new Rows();

        Set<Long> enrolledAtEnd = new HashSet<>();
        Set<Long> enrolledDuring = new HashSet<>();
        long newEnrollments = 0;
        Map<String, Long> discharges = counter(DischargeReason.values(), Codes::of);
        Map<String, Long> referrals = counter(ReferralSource.values(), Codes::of);
        Map<String, Long> closures = counter(ClosureReason.values(), Codes::of);
        long waitingAtEnd = 0;
        long longestWait = 0;
        Set<Long> openAtEnd = new HashSet<>();

        for (Map.Entry<Long, CaseHistory> entry : register.cases().entrySet()) {
            long id = entry.getKey();
            CaseHistory history = entry.getValue();
            if (history.enrollmentOn(last).isPresent()) {
                enrolledAtEnd.add(id);
            }
            if (enrolledSomeDay(history, first, last)) {
                enrolledDuring.add(id);
            }
            Optional<CaseStatus> atEnd = history.statusOn(last);
            if (atEnd.filter(s -> !s.closed()).isPresent()) {
                openAtEnd.add(id);
            }
            if (atEnd.filter(s -> s == CaseStatus.WAITING_LIST).isPresent()) {
                waitingAtEnd++;
                LocalDate since = history.effective().stream()
                        .filter(e -> !e.date().isAfter(last)).reduce((a, b) -> b).map(CaseEvent::date).orElse(last);
                longestWait = Math.max(longestWait, ChronoUnit.DAYS.between(since, last));
            }
            for (CaseEvent e : history.effective()) {
                if (e.date().isBefore(first) || e.date().isAfter(last)) {
                    continue;
                }
                switch (e.status()) {
                    case ENROLLED -> newEnrollments++;
                    case DISCHARGED -> discharges.merge(Codes.of(e.dischargeReason()), 1L, Long::sum);
                    case REFERRED -> referrals.merge(Codes.of(e.source()), 1L, Long::sum);
                    case CONTACTED_NOT_ENROLLED -> closures.merge(Codes.of(e.closureReason()), 1L, Long::sum);
                    case ASSESSMENT, WAITING_LIST -> { }
                }
            }
        }

        Map<String, Long> genders = counter(Gender.values(), Codes::of);
        Map<String, Long> programmes = counter(Programme.values(), Codes::of);
        Map<String, Long> ages = new LinkedHashMap<>();
        Codes.AGE_BANDS.forEach(b -> ages.put(b, 0L));
        for (long id : enrolledAtEnd) {
            RegisterSnapshot.Person person = register.people().get(id);
            if (person == null) {
                continue;
            }
            genders.merge(Codes.of(person.gender()), 1L, Long::sum);
            programmes.merge(Codes.of(person.programme()), 1L, Long::sum);
            ages.merge(Codes.ageBand(AgeBand.ageOn(person.birthDate(), last)), 1L, Long::sum);
        }
        rows.split("enrolled_at_end", enrolledAtEnd.size(), genders);
        rows.split("enrolled_at_end_by_programme", enrolledAtEnd.size(), programmes);
        rows.split("enrolled_at_end_by_age_band", enrolledAtEnd.size(), ages);
        rows.total("enrolled_during", enrolledDuring.size());
        rows.total("new_enrollments", newEnrollments);
        rows.total("discharges", sum(discharges));
        rows.split("discharges_by_reason", sum(discharges), discharges);
        rows.total("referrals", sum(referrals));
        rows.split("referrals_by_source", sum(referrals), referrals);
        rows.total("contacted_not_enrolled", sum(closures));
        rows.split("contacted_not_enrolled_by_reason", sum(closures), closures);
        rows.total("waiting_at_end", waitingAtEnd);
        rows.total("waiting_longest_days", longestWait);

        // Caseload per navigator at L: enrolled at L, with that navigator on L.
        Map<Long, Long> caseloads = new LinkedHashMap<>();
        List<Navigator> navigators = new ArrayList<>(register.navigators());
        navigators.sort(Comparator.comparing(Navigator::name, SwedishText.comparator()));
        long withoutNavigator = 0;
        for (long id : enrolledAtEnd) {
            Optional<Long> navigator = register.assignmentsOf(id).navigatorOn(last);
            if (navigator.isPresent()) {
                caseloads.merge(navigator.get(), 1L, Long::sum);
            } else {
                withoutNavigator++;
            }
        }
        Map<String, Long> byName = new LinkedHashMap<>();
        long overCap = 0;
        for (Navigator n : navigators) {
            long load = caseloads.getOrDefault(n.id(), 0L);
            if (n.activeOn(last) || load > 0) {
                byName.merge(n.name(), load, Long::sum);
                if (load > n.capOr(register.unitCap())) {
                    overCap++;
                }
            }
        }
        rows.split("caseload_at_end", enrolledAtEnd.size() - withoutNavigator, byName);
        rows.total("enrolled_at_end_without_navigator", withoutNavigator);
        rows.total("navigators_over_cap", overCap);

        // Meetings in M (signed notes; corrections are not new meetings).
        Map<String, Long> meetings = counter(MeetingType.values(), Codes::of);
        Set<Long> met = new HashSet<>();
        for (RegisterSnapshot.Meeting m : register.meetings()) {
            if (!m.date().isBefore(first) && !m.date().isAfter(last)) {
                meetings.merge(Codes.of(m.type()), 1L, Long::sum);
                met.add(m.participantId());
            }
        }
        rows.total("meetings", sum(meetings));
        rows.split("meetings_by_type", sum(meetings), meetings);
        rows.total("met_in_month", enrolledAtEnd.stream().filter(met::contains).count());
        rows.total("met_in_month_base", enrolledAtEnd.size());

        // Partners involved on L, among those enrolled at end.
        Map<String, Long> partners = counter(Partner.values(), Codes::of);
        long withAnyPartner = 0;
        for (long id : enrolledAtEnd) {
            Set<Partner> involved = new HashSet<>();
            for (PartnerInvolvement p : register.partners().getOrDefault(id, List.of())) {
                if (p.activeOn(last)) {
                    involved.add(p.partner());
                }
            }
            involved.forEach(p -> partners.merge(Codes.of(p), 1L, Long::sum));
            if (!involved.isEmpty()) {
                withAnyPartner++;
            }
        }
        rows.split("partner_involved", withAnyPartner, partners);
        rows.total("partner_involved_base", enrolledAtEnd.size());

        // Consents of open cases at L: ending within 30 days of L, or no longer valid.
        long expiring = 0;
        long lapsed = 0;
        for (long id : openAtEnd) {
            ConsentRules.Standing standing = ConsentRules.standingOn(register.consents().getOrDefault(id, List.of()), last);
            if (standing.state() == ConsentRules.State.EXPIRING) {
                expiring++;
            } else if (standing.state() == ConsentRules.State.EXPIRED || standing.state() == ConsentRules.State.WITHDRAWN) {
                lapsed++;
            }
        }
        rows.total("consents_expiring", expiring);
        rows.total("consents_lapsed", lapsed);

        // Action-plan goals of those enrolled on some day of M: due in M, met in M, overdue at L. (A
        // closed case's plan is closed with it, so its goals are neither due nor overdue.)
        long due = 0;
        long metGoals = 0;
        long overdue = 0;
        for (long id : enrolledDuring) {
            List<Goal> goals = register.goals().getOrDefault(id, List.of());
            for (Goal g : goals) {
                if (!g.followUp().isBefore(first) && !g.followUp().isAfter(last)) {
                    due++;
                }
                if (g.history().stream().anyMatch(c -> c.status() == Goal.Status.MET
                        && !c.date().isBefore(first) && !c.date().isAfter(last))) {
                    metGoals++;
                }
                Optional<Goal.Status> statusAtEnd = g.history().stream().filter(c -> !c.date().isAfter(last))
                        .reduce((a, b) -> b).map(Goal.StatusChange::status);
                if (statusAtEnd.filter(s -> s == Goal.Status.ONGOING).isPresent() && g.followUp().isBefore(last)) {
                    overdue++;
                }
            }
        }
        rows.total("goals_due", due);
        rows.total("goals_met", metGoals);
        rows.total("goals_overdue_at_end", overdue);
        rows.list.addAll(OutcomeTally.rows(first, last, register));
        return new Tally(month.toString(), rows.list);
    }

    /**
     * The yearly summary: inskrivna (enrolled on at least one day of the year), berörda (closed as
     * contacted, not enrolled, during the year), and their total; then the year's outcome measures
     * ({@link OutcomeTally}).
     */
    public static Tally yearly(Year year, RegisterSnapshot register) {
        LocalDate first = year.atDay(1);
        LocalDate last = year.atMonth(12).atEndOfMonth();
        long enrolled = 0;
        long contacted = 0;
        for (CaseHistory history : register.cases().values()) {
            if (enrolledSomeDay(history, first, last)) {
                enrolled++;
            }
            contacted += history.effective().stream()
                    .filter(e -> e.status() == CaseStatus.CONTACTED_NOT_ENROLLED)
                    .filter(e -> !e.date().isBefore(first) && !e.date().isAfter(last))
                    .count();
        }
        Rows rows = new Rows();
        rows.total("enrolled", enrolled);
        rows.total("contacted_not_enrolled", contacted);
        rows.total("total", enrolled + contacted);
        rows.list.addAll(OutcomeTally.rows(first, last, register));
        return new Tally(year.toString(), rows.list);
    }

    /** Enrolled on some day of [first, last]: an enrollment on or before last not ended on or before first. */
    static boolean enrolledSomeDay(CaseHistory history, LocalDate first, LocalDate last) {
        LocalDate enrolledFrom = null;
        for (CaseEvent e : history.effective()) {
            if (e.status() == CaseStatus.ENROLLED) {
                enrolledFrom = e.date();
            } else if (e.status() == CaseStatus.DISCHARGED && enrolledFrom != null) {
                // enrolled on the days [enrolledFrom, e.date())
                if (!enrolledFrom.isAfter(last) && e.date().isAfter(first) && enrolledFrom.isBefore(e.date())) {
                    return true;
                }
                enrolledFrom = null;
            }
        }
        return enrolledFrom != null && !enrolledFrom.isAfter(last);
    }

    private static <E extends Enum<E>> Map<String, Long> counter(E[] values, Function<E, String> code) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (E value : values) {
            counts.merge(code.apply(value), 0L, Long::sum);
        }
        return counts;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static final class Rows {
        private final List<TallyRow> list = new ArrayList<>();

        void total(String measure, long value) {
            list.add(new TallyRow(measure, TallyRow.TOTAL, value));
        }

        void split(String measure, long total, Map<String, Long> categories) {
            total(measure, total);
            categories.forEach((category, value) -> list.add(new TallyRow(measure, category, value)));
        }
    }
}
