package se.lotsbok.service.journal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.access.Decision;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.ConsentRules;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.FollowUpRules;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.common.DateLimits;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.journal.FollowUp;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.journal.NoteDraft;
import se.lotsbok.domain.journal.NoteRules;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.access.Coverage;
import se.lotsbok.store.Database;
import se.lotsbok.store.Repositories;
import se.lotsbok.store.journal.JournalRepository;

/**
 * Meeting notes as a journal: drafts saved while written, signing that locks, corrections in the
 * open, follow-ups, search, and the "Att göra" list.
 */
public final class NoteService {

    /** A note with the corrections made to it, oldest correction first. */
    public record Entry(JournalNote note, List<JournalNote> amendments) {
    }

    public record Journal(List<Entry> entries, List<FollowUp> followUps) {
    }

    public sealed interface SignResult {
    }

    public record Signed(JournalNote note) implements SignResult {
    }

    public record Refused(Refusal refusal) implements SignResult {
    }

    /** A note found by a search, with whose it is. */
    public record Hit(JournalNote note, String participant) {
    }

    /** A draft waiting to be signed, with whose it is. */
    public record DraftLine(NoteDraft draft, String participant) {
    }

    /** Something to do for a participant, dated. */
    public record TodoItem(Kind kind, long participantId, String participant, String what, LocalDate date, long refId) {
        /** DISCHARGE_FOLLOW_UP: the follow-up after a discharge; {@code what} is the discharge day. */
        public enum Kind { FOLLOW_UP, GOAL, CONSENT, DISCHARGE_FOLLOW_UP }
    }

    /** "Att göra": overdue, due this week, later. */
    public record Todo(List<TodoItem> overdue, List<TodoItem> thisWeek, List<TodoItem> later, List<DraftLine> drafts) {
    }

    /** A follow-up to create with a note; {@code who} may be left out. */
    public record NewFollowUp(String what, String who, LocalDate due) {
        public NewFollowUp {
            who = who == null ? "" : who;
        }
    }

    public static final int SEARCH_PAGE = 50;
    public static final int MAX_FOLLOW_UP = 1000;
    public static final int MAX_FOLLOW_UP_WHO = 200;

    private final Database database;
    private final Clock clock;
    private final Coverage coverage;

    public NoteService(Database database, Clock clock, Coverage coverage) {
        this.database = database;
        this.clock = clock;
        this.coverage = coverage;
    }

    /** The participant's notes, newest meeting first, each with its corrections; and its follow-ups. */
    public Journal journal(Actor actor, long participantId) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        return database.transaction(repos -> {
            List<JournalNote> notes = repos.journal().notes(actor, participantId);
            return new Journal(group(notes), repos.journal().followUps(participantId));
        });
    }

    public Optional<NoteDraft> draft(Actor actor, long participantId, Long amends) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        return database.transaction(repos -> repos.journal().draft(actor, participantId, amends));
    }

    /** Keeps what is being written; called every few seconds while a note is open. */
    public Optional<Refusal> saveDraft(Actor actor, long participantId, Long amends, NoteContent content) {
        Optional<Refusal> refused = mayWrite(actor, participantId).or(() -> NoteRules.checkLength(content));
        if (refused.isEmpty()) {
            database.transaction(repos -> {
                repos.journal().saveDraft(actor, participantId, amends, content, clock.instant());
                return null;
            });
        }
        return refused;
    }

    public void discardDraft(Actor actor, long participantId, Long amends) {
        database.transaction(repos -> {
            repos.journal().discardDraft(actor, participantId, amends);
            return null;
        });
    }

    /**
     * Signs the note: from now on it is locked. With {@code amends}, it is a correction of that note,
     * which stays as it was. The follow-ups are created with it, in the same transaction.
     */
    public SignResult sign(Actor actor, long participantId, Long amends, NoteContent content,
            List<NewFollowUp> followUps) {
        Optional<Refusal> refused = mayWrite(actor, participantId)
                .or(() -> NoteRules.checkForSigning(content, LocalDateTime.now(clock)))
                .or(() -> checkFollowUps(followUps, LocalDate.now(clock)));
        if (refused.isPresent()) {
            return new Refused(refused.get());
        }
        return database.transaction(repos -> {
            if (amends != null && repos.journal().notes(actor, participantId).stream().noneMatch(n -> n.id() == amends)) {
                return new Refused(new Refusal("note.refused.amendsMissing"));
            }
            return new Signed(repos.journal().sign(actor, participantId, amends, content, followUps.stream()
                    .map(f -> new JournalRepository.NewFollowUp(TypedText.strip(f.what()), TypedText.strip(f.who()), f.due()))
                    .toList(), clock.instant()));
        });
    }

    /** The newest notes with every word of {@code query} (case and accents ignored), first page only. */
    public List<Hit> search(Actor actor, String query, Long participantId) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        List<String> words = NoteRules.queryWords(query);
        if (words.isEmpty()) {
            return List.of();
        }
        return database.transaction(repos -> {
            List<JournalNote> notes = repos.journal().search(actor, words, participantId, SEARCH_PAGE);
            Map<Long, String> names = names(repos, actor, notes.stream().map(JournalNote::participantId).toList());
            return notes.stream().map(n -> new Hit(n, names.getOrDefault(n.participantId(), ""))).toList();
        });
    }

    /**
     * Marks a follow-up done: a change in the participant's case, which needs the right to write in it
     * (their own participant, or one the user covers for, which was logged).
     *
     * @throws AccessDenied when the user may not write in that case (the refusal is logged)
     */
    public void followUpDone(Actor actor, long followUpId) {
        Optional<String> refused = database.transaction(repos -> {
            long participantId = repos.journal().followUpParticipant(followUpId).orElseThrow();
            Decision decision = AccessPolicy.decide(actor, Action.WRITE_CASE_RECORDS,
                    coverage.relation(repos, actor, participantId));
            if (decision instanceof Decision.Refused no) {
                return Optional.of(no.reason());
            }
            repos.journal().markDone(actor, followUpId, LocalDate.now(clock));
            return Optional.<String>empty();
        });
        if (refused.isPresent()) {
            database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.ACCESS_REFUSED,
                    repos.journal().followUpParticipant(followUpId).orElse(null), Action.WRITE_CASE_RECORDS.name()));
            throw new AccessDenied(refused.get());
        }
    }

    /**
     * "Att göra" for the user: the open follow-ups, ongoing goals to follow up and consents needing
     * attention of their own participants (all open cases for a user not linked to a navigator),
     * and the follow-ups after discharge not yet recorded of the participants they were the lots of
     * on the discharge day (all of them for a user not linked to a navigator), sorted into overdue,
     * this week and later; and their unsigned drafts.
     */
    public Todo todo(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        LocalDate today = LocalDate.now(clock);
        LocalDate endOfWeek = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        return database.transaction(repos -> {
            Map<Long, List<CaseEvent>> events = repos.cases().allEvents().stream()
                    .collect(Collectors.groupingBy(CaseEvent::participantId));
            Collection<Long> participants;
            if (actor.navigatorId() != null) {
                participants = repos.assignments().navigatorsOn(today).entrySet().stream()
                        .filter(e -> e.getValue().equals(actor.navigatorId())).map(Map.Entry::getKey).toList();
            } else {
                participants = events.entrySet().stream()
                        .filter(e -> CaseHistory.of(e.getValue()).current().filter(s -> !s.closed()).isPresent())
                        .map(Map.Entry::getKey).toList();
            }
            List<FollowUp> followUps = repos.journal().openFollowUps(actor.navigatorId() != null ? participants : null);
            List<CaseEvent> afterDischarge = dischargeFollowUps(repos, actor, events);
            java.util.Set<Long> named = new java.util.HashSet<>(participants);
            followUps.forEach(f -> named.add(f.participantId()));
            afterDischarge.forEach(e -> named.add(e.participantId()));
            Map<Long, String> names = names(repos, actor, named);
            List<TodoItem> items = new ArrayList<>();
            for (FollowUp f : followUps) {
                items.add(new TodoItem(TodoItem.Kind.FOLLOW_UP, f.participantId(), names.get(f.participantId()),
                        f.what() + (f.who().isBlank() ? "" : " (" + f.who() + ")"), f.due(), f.id()));
            }
            for (CaseEvent discharge : afterDischarge) {
                // A residue left by gallring has no name and is no one's to call any more.
                if (names.containsKey(discharge.participantId())) {
                    items.add(new TodoItem(TodoItem.Kind.DISCHARGE_FOLLOW_UP, discharge.participantId(),
                            names.get(discharge.participantId()), discharge.date().toString(), discharge.followUpDue(),
                            discharge.id()));
                }
            }
            Map<Long, List<Consent>> consents = repos.cases().allConsents().stream()
                    .collect(Collectors.groupingBy(Consent::participantId));
            for (long p : participants) {
                for (Goal g : repos.cases().goals(actor, p)) {
                    if (g.status() == Goal.Status.ONGOING) {
                        items.add(new TodoItem(TodoItem.Kind.GOAL, p, names.get(p), g.description(), g.followUp(), g.id()));
                    }
                }
                ConsentRules.Standing standing = ConsentRules.standingOn(consents.getOrDefault(p, List.of()), today);
                if (ConsentRules.needsAttention(standing) && standing.date() != null) {
                    items.add(new TodoItem(TodoItem.Kind.CONSENT, p, names.get(p), standing.state().name(),
                            standing.date(), 0));
                }
            }
            items.sort(Comparator.comparing(TodoItem::date).thenComparing(TodoItem::participant));
            List<DraftLine> drafts = repos.journal().drafts(actor).stream()
                    .map(d -> new DraftLine(d, names(repos, actor, List.of(d.participantId())).getOrDefault(d.participantId(), "")))
                    .toList();
            // The list shows names and the texts of follow-ups and goals: one log row per participant shown.
            Map<Long, Long> shown = new java.util.TreeMap<>(items.stream()
                    .collect(Collectors.groupingBy(TodoItem::participantId, Collectors.counting())));
            drafts.forEach(d -> shown.merge(d.draft().participantId(), 1L, Long::sum));
            shown.forEach((participant, count) -> repos.accessLog().append(actor, AccessEvent.TODO_READ, participant,
                    "items=" + count));
            return new Todo(
                    items.stream().filter(i -> i.date().isBefore(today)).toList(),
                    items.stream().filter(i -> !i.date().isBefore(today) && !i.date().isAfter(endOfWeek)).toList(),
                    items.stream().filter(i -> i.date().isAfter(endOfWeek)).toList(),
                    drafts);
        });
    }

    /**
     * The discharges whose follow-up is agreed and not yet recorded: for a lots, those of the
     * participants whose lots they were on the discharge day; for anyone else, all.
     */
    private static List<CaseEvent> dischargeFollowUps(Repositories repos, Actor actor, Map<Long, List<CaseEvent>> events) {
        Map<Long, List<DischargeFollowUp>> recorded = repos.cases().allFollowUps().stream()
                .collect(Collectors.groupingBy(DischargeFollowUp::participantId));
        List<CaseEvent> pending = new ArrayList<>();
        events.forEach((participantId, rows) -> {
            for (CaseEvent e : FollowUpRules.pending(CaseHistory.of(rows), recorded.getOrDefault(participantId, List.of()))) {
                if (actor.navigatorId() == null || repos.assignments().navigatorOn(participantId, e.date())
                        .filter(actor.navigatorId()::equals).isPresent()) {
                    pending.add(e);
                }
            }
        });
        return pending;
    }

    private Optional<Refusal> mayWrite(Actor actor, long participantId) {
        Decision decision = AccessPolicy.decide(actor, Action.WRITE_CASE_RECORDS, coverage.relation(actor, participantId));
        return decision instanceof Decision.Refused refused ? Optional.of(new Refusal(refused.reason())) : Optional.empty();
    }

    private static Optional<Refusal> checkFollowUps(List<NewFollowUp> followUps, LocalDate today) {
        for (NewFollowUp f : followUps) {
            if (TypedText.isBlank(f.what()) || f.due() == null) {
                return Optional.of(new Refusal("note.refused.followUp"));
            }
            if (TypedText.strip(f.what()).length() > MAX_FOLLOW_UP || TypedText.strip(f.who()).length() > MAX_FOLLOW_UP_WHO) {
                return Optional.of(new Refusal("note.refused.followUpTooLong", MAX_FOLLOW_UP, MAX_FOLLOW_UP_WHO));
            }
            Optional<Refusal> implausible = DateLimits.check(f.due(), today);
            if (implausible.isPresent()) {
                return implausible;
            }
        }
        return Optional.empty();
    }

    private static Map<Long, String> names(Repositories repos, Actor actor, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        for (ParticipantSummary s : repos.participants().summariesOf(ids)) {
            names.put(s.id(), s.lastName() + ", " + s.firstName());
        }
        return names;
    }

    /** The notes as journal entries: each original with its corrections, in the order of {@code notes}. */
    public static List<Entry> group(List<JournalNote> notes) {
        Map<Long, JournalNote> byId = notes.stream().collect(Collectors.toMap(JournalNote::id, n -> n));
        Map<Long, List<JournalNote>> amendments = new LinkedHashMap<>();
        List<JournalNote> roots = new ArrayList<>();
        for (JournalNote note : notes) {
            if (note.amends() == null) {
                roots.add(note);
                continue;
            }
            JournalNote root = note;
            while (root.amends() != null && byId.containsKey(root.amends())) {
                root = byId.get(root.amends());
            }
            amendments.computeIfAbsent(root.id(), k -> new ArrayList<>()).add(note);
        }
        return roots.stream().map(r -> new Entry(r, amendments.getOrDefault(r.id(), List.of()).stream()
                .sorted(Comparator.comparing(JournalNote::signedAt).thenComparingLong(JournalNote::id)).toList()))
                .toList();
    }
}
