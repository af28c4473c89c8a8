package se.lotsbok.service.navigator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.access.Decision;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.CaseTransitions;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.common.DateLimits;
import se.lotsbok.domain.common.SwedishText;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.navigator.Assignment;
import se.lotsbok.domain.navigator.AssignmentHistory;
import se.lotsbok.domain.navigator.Caseload;
import se.lotsbok.domain.navigator.CaseloadPolicy;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.access.Coverage;
import se.lotsbok.store.Database;
import se.lotsbok.store.Repositories;
import se.lotsbok.store.navigator.AssignmentRepository;

/**
 * Navigators, assignments with history, the caseload board and the waiting list. An assignment
 * beyond a navigator's cap needs the user's confirmation: it is never silently refused or allowed.
 */
public final class NavigatorService {

    /** What came of an assignment. */
    public sealed interface AssignResult {
    }

    public record Assigned() implements AssignResult {
    }

    /** The navigator would go over their cap; call again with {@code confirmedOverCap} to go ahead. */
    public record NeedsConfirmation(String navigator, int caseload, int cap) implements AssignResult {
    }

    public record Refused(Refusal refusal) implements AssignResult {
    }

    /** A line of the waiting list. */
    public record WaitingEntry(long participantId, String name, LocalDate since, long daysWaited) {
    }

    /** A participant's assignment rows with the navigators' names. */
    public record HistoryLine(Assignment assignment, String navigator) {
    }

    private final Database database;
    private final Clock clock;
    private final Coverage coverage;
    private final int maxNameLength = 200;

    public NavigatorService(Database database, Clock clock, Coverage coverage) {
        this.database = database;
        this.clock = clock;
        this.coverage = coverage;
    }

    public List<Navigator> navigators(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        return database.transaction(repos -> repos.navigators().all());
    }

    public Optional<Refusal> createNavigator(Actor actor, String name, Integer cap, LocalDate activeFrom) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_NAVIGATORS));
        Optional<Refusal> problem = checkNavigator(name, cap).or(() -> activeFrom == null
                ? Optional.of(new Refusal("navigator.refused.date")) : DateLimits.check(activeFrom, today()));
        if (problem.isEmpty()) {
            database.transaction(repos -> repos.navigators().insert(actor, TypedText.strip(name), cap, activeFrom,
                    clock.instant()));
        }
        return problem;
    }

    public Optional<Refusal> updateNavigator(Actor actor, long id, String name, Integer cap) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_NAVIGATORS));
        Optional<Refusal> problem = checkNavigator(name, cap);
        if (problem.isEmpty()) {
            database.transaction(repos -> {
                repos.navigators().update(actor, id, TypedText.strip(name), cap);
                return null;
            });
        }
        return problem;
    }

    /** Makes the navigator active or inactive from {@code from}; the history stays. */
    public Optional<Refusal> setActive(Actor actor, long id, boolean active, LocalDate from) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_NAVIGATORS));
        if (from == null) {
            return Optional.of(new Refusal("navigator.refused.date"));
        }
        Optional<Refusal> implausible = DateLimits.check(from, today());
        if (implausible.isPresent()) {
            return implausible;
        }
        return database.transaction(repos -> {
            // A change dated before the latest one would be overruled by it at once: the status
            // shown would contradict what the user just did.
            Optional<LocalDate> latest = repos.navigators().all().stream().filter(n -> n.id() == id).findFirst()
                    .flatMap(n -> n.activity().stream().map(Navigator.Activity::from).max(LocalDate::compareTo));
            if (latest.isPresent() && from.isBefore(latest.get())) {
                return Optional.of(new Refusal("navigator.refused.beforeLatest", latest.get()));
            }
            repos.navigators().setActive(actor, id, active, from, clock.instant());
            return Optional.<Refusal>empty();
        });
    }

    /**
     * The caseload board today: every navigator active today (and any inactive one still holding
     * participants) with their caseload, and the open cases that have no navigator.
     */
    public record Board(List<Caseload> caseloads, List<Caseload.Member> unassigned, List<WaitingEntry> waiting) {
    }

    /** The caseloads of {@link #boardToday}, for callers that need only those. */
    public List<Caseload> board(Actor actor) {
        return boardToday(actor).caseloads();
    }

    public Board boardToday(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        LocalDate today = today();
        return database.transaction(repos -> {
            int unitCap = repos.settings().load().caseloadCap();
            List<AssignmentRepository.Line> lines = repos.assignments().lines(actor, today);
            Map<Long, List<Caseload.Member>> enrolled = new HashMap<>();
            Map<Long, List<Caseload.Member>> others = new HashMap<>();
            var collator = SwedishText.comparator();
            for (AssignmentRepository.Line line : lines) {
                if (line.navigatorId() == null) {
                    continue;
                }
                Caseload.Member member = new Caseload.Member(line.participantId(),
                        line.lastName() + ", " + line.firstName(), line.status() == null ? "" : line.status().name());
                (line.status() == CaseStatus.ENROLLED ? enrolled : others)
                        .computeIfAbsent(line.navigatorId(), k -> new ArrayList<>()).add(member);
            }
            List<Caseload.Member> unassigned = lines.stream()
                    .filter(l -> l.navigatorId() == null && l.status() != null && !l.status().closed())
                    .map(l -> new Caseload.Member(l.participantId(), l.lastName() + ", " + l.firstName(),
                            l.status().name()))
                    .sorted(Comparator.comparing(Caseload.Member::name, collator))
                    .toList();
            List<Caseload> board = new ArrayList<>();
            for (Navigator navigator : repos.navigators().all()) {
                List<Caseload.Member> mine = sorted(enrolled.get(navigator.id()), collator);
                List<Caseload.Member> rest = sorted(others.get(navigator.id()), collator);
                boolean active = navigator.activeOn(today);
                if (active || !mine.isEmpty() || !rest.isEmpty()) {
                    board.add(new Caseload(navigator, navigator.capOr(unitCap), active, mine, rest));
                }
            }
            board.sort(Comparator.comparing((Caseload c) -> c.navigator().name(), collator));
            List<WaitingEntry> waiting = lines.stream()
                    .filter(l -> l.status() == CaseStatus.WAITING_LIST)
                    .sorted(Comparator.comparing(AssignmentRepository.Line::since)
                            .thenComparingLong(AssignmentRepository.Line::participantId))
                    .map(l -> new WaitingEntry(l.participantId(), l.lastName() + ", " + l.firstName(), l.since(),
                            ChronoUnit.DAYS.between(l.since(), today)))
                    .toList();
            return new Board(board, unassigned, waiting);
        });
    }

    /**
     * Makes {@code navigatorId} the participant's navigator from {@code date} (null: nobody). Beyond
     * the navigator's cap this answers {@link NeedsConfirmation} unless {@code confirmedOverCap}.
     */
    public AssignResult assign(Actor actor, long participantId, Long navigatorId, LocalDate date,
            boolean confirmedOverCap) {
        Decision decision = AccessPolicy.decide(actor, Action.ASSIGN_NAVIGATOR, coverage.relation(actor, participantId));
        if (decision instanceof Decision.Refused refused) {
            logRefusal(actor, participantId, Action.ASSIGN_NAVIGATOR);
            return new Refused(new Refusal(refused.reason()));
        }
        return database.transaction(repos -> {
            Optional<AssignResult> problem = checkAssignment(repos, participantId, navigatorId, date, confirmedOverCap);
            if (problem.isPresent()) {
                return problem.get();
            }
            repos.assignments().assign(actor, participantId, navigatorId, date, clock.instant());
            return new Assigned();
        });
    }

    /** Who was the participant's navigator on {@code date} (any past day), if anyone. */
    public Optional<Long> navigatorOn(Actor actor, long participantId, LocalDate date) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        return database.transaction(repos -> repos.assignments().navigatorOn(participantId, date));
    }

    /** How many participants were enrolled with {@code navigatorId} as their navigator on {@code date}. */
    public int caseloadOn(Actor actor, long navigatorId, LocalDate date) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        return database.transaction(repos -> repos.assignments().caseloadOn(navigatorId, date, -1));
    }

    /** The participant's assignments, newest first, with navigator names. */
    public List<HistoryLine> history(Actor actor, long participantId) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        return database.transaction(repos -> {
            Map<Long, String> names = repos.navigators().list().stream()
                    .collect(Collectors.toMap(n -> n.id(), n -> n.name()));
            List<Assignment> rows = new ArrayList<>(AssignmentHistory.of(repos.assignments().history(participantId)).rows());
            java.util.Collections.reverse(rows);
            return rows.stream().map(a -> new HistoryLine(a, a.navigatorId() == null ? "" : names.get(a.navigatorId())))
                    .toList();
        });
    }

    /** The waiting list, longest wait first, with the days waited until today. */
    public List<WaitingEntry> waitingList(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        LocalDate today = today();
        return database.transaction(repos -> repos.assignments().waitingList(actor, today).stream()
                .map(w -> new WaitingEntry(w.participantId(), w.lastName() + ", " + w.firstName(), w.since(),
                        ChronoUnit.DAYS.between(w.since(), today)))
                .toList());
    }

    /**
     * Takes a participant off the waiting list: enrolls them on {@code date} (if the consent holds)
     * and makes {@code navigatorId} their navigator from the same day, in one transaction.
     */
    public AssignResult enrollFromWaitingList(Actor actor, long participantId, long navigatorId, LocalDate date,
            Situation situation, boolean confirmedOverCap) {
        Decision decision = AccessPolicy.decide(actor, Action.DECIDE_ENROLLMENT);
        if (decision instanceof Decision.Refused refused) {
            logRefusal(actor, participantId, Action.DECIDE_ENROLLMENT);
            return new Refused(new Refusal(refused.reason()));
        }
        return database.transaction(repos -> {
                CaseHistory history = CaseHistory.of(repos.cases().events(actor, participantId));
                if (history.current().filter(s -> s == CaseStatus.WAITING_LIST).isEmpty()) {
                    return new Refused(new Refusal("waiting.refused.notWaiting"));
                }
                Move enrollment = Move.enrollment(date, situation);
                Optional<Refusal> refusal = CaseTransitions.check(history, enrollment, today(),
                        repos.cases().consents(actor, participantId),
                        repos.participants().fetchForRules(participantId).orElseThrow().data().birthDate());
                if (refusal.isPresent()) {
                    return new Refused(refusal.get());
                }
                Optional<AssignResult> problem = checkAssignment(repos, participantId, navigatorId, date, confirmedOverCap);
                if (problem.isPresent()) {
                    return problem.get();
                }
                repos.cases().recordMove(actor, participantId, enrollment, clock.instant());
                repos.assignments().assign(actor, participantId, navigatorId, date, clock.instant());
                return new Assigned();
            });
    }

    /** The participants whose navigator today is the user's own navigator record. */
    public Set<Long> myParticipants(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        if (actor.navigatorId() == null) {
            return Set.of();
        }
        return database.transaction(repos -> repos.assignments().navigatorsOn(today()).entrySet().stream()
                .filter(e -> e.getValue().equals(actor.navigatorId()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet()));
    }

    private Optional<AssignResult> checkAssignment(Repositories repos, long participantId, Long navigatorId,
            LocalDate date, boolean confirmedOverCap) {
        if (date == null || date.isAfter(today())) {
            return Optional.of(new Refused(new Refusal("assignment.refused.date")));
        }
        Optional<Refusal> implausible = DateLimits.check(date, today());
        if (implausible.isPresent()) {
            return Optional.of(new Refused(implausible.get()));
        }
        Optional<Assignment> latest = AssignmentHistory.of(repos.assignments().history(participantId)).latest();
        if (latest.isPresent() && date.isBefore(latest.get().date())) {
            return Optional.of(new Refused(new Refusal("assignment.refused.beforeLatest", latest.get().date())));
        }
        if (navigatorId == null) {
            return Optional.empty();
        }
        Navigator navigator = repos.navigators().all().stream().filter(n -> n.id() == navigatorId).findFirst()
                .orElse(null);
        if (navigator == null || !navigator.activeOn(date)) {
            return Optional.of(new Refused(new Refusal("assignment.refused.inactive",
                    navigator == null ? "?" : navigator.name())));
        }
        if (latest.isPresent() && navigatorId.equals(latest.get().navigatorId())) {
            return Optional.of(new Refused(new Refusal("assignment.refused.same", navigator.name())));
        }
        int cap = navigator.capOr(repos.settings().load().caseloadCap());
        int caseload = caseloadOn(repos, navigatorId, date, participantId);
        if (!confirmedOverCap && CaseloadPolicy.check(caseload, cap) == CaseloadPolicy.Outcome.NEEDS_CONFIRMATION) {
            return Optional.of(new NeedsConfirmation(navigator.name(), caseload, cap));
        }
        return Optional.empty();
    }

    /** The navigator's enrolled participants on {@code date}, not counting {@code except}. */
    private static int caseloadOn(Repositories repos, long navigatorId, LocalDate date, long except) {
        return repos.assignments().caseloadOn(navigatorId, date, except);
    }

    private Optional<Refusal> checkNavigator(String name, Integer cap) {
        if (TypedText.isBlank(name) || TypedText.strip(name).length() > maxNameLength) {
            return Optional.of(new Refusal("navigator.refused.name"));
        }
        if (cap != null && (cap < 1 || cap > 99)) {
            return Optional.of(new Refusal("navigator.refused.cap"));
        }
        return Optional.empty();
    }

    private static List<Caseload.Member> sorted(List<Caseload.Member> members, Comparator<String> collator) {
        if (members == null) {
            return List.of();
        }
        return members.stream().sorted(Comparator.comparing(Caseload.Member::name, collator)).toList();
    }

    private void logRefusal(Actor actor, long participantId, Action action) {
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.ACCESS_REFUSED, participantId,
                action.name()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
