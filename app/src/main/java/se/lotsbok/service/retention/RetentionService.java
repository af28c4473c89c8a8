package se.lotsbok.service.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.common.SwedishText;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.retention.Assessment;
import se.lotsbok.domain.retention.RetentionCase;
import se.lotsbok.domain.retention.RetentionRule;
import se.lotsbok.domain.settings.RetentionSettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.store.Database;
import se.lotsbok.store.Repositories;
import se.lotsbok.store.retention.RetentionRepository;

/**
 * Gallring for the enhetschef: which case files are due ({@link RetentionRule} decides), marking
 * a case file to be kept, and deleting the personal data of the due ones in one transaction, each
 * deletion logged by participant id only. The retention settings may be changed by the
 * enhetschef and by the administrator.
 */
public final class RetentionService {

    /** The longest reason for keeping a case file. */
    public static final int MAX_REASON = 200;

    /** A case file due for gallring, as the enhetschef sees it before confirming. */
    public record DueCase(long participantId, String name, PersonalIdentityNumber identityNumber, LocalDate closedOn,
            LocalDate lastEntry, LocalDate dueOn, LocalDate deadline) {
    }

    /**
     * A case file marked to be kept (bevaras).
     *
     * @param due whether it would be due for gallring without the mark
     */
    public record KeptCase(long participantId, String name, PersonalIdentityNumber identityNumber, String reason,
            Instant markedAt, boolean due) {
    }

    /**
     * What the Gallring screen shows.
     *
     * @param researchSample how many case files are due but kept because the person is in the research sample
     */
    public record Overview(LocalDate today, RetentionSettings settings, List<DueCase> due, List<KeptCase> kept,
            int researchSample) {
    }

    /** What a gallring did: case files whose personal data was deleted, and those no longer due when it ran. */
    public record Outcome(int deleted, int skipped) {
    }

    private final Database database;
    private final Clock clock;

    public RetentionService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Whether {@code actor} may list, keep and delete case files. */
    public boolean mayRun(Actor actor) {
        return AccessPolicy.decide(actor, Action.RUN_RETENTION).allowed();
    }

    /** Whether {@code actor} may change the retention settings: the enhetschef or the administrator. */
    public boolean mayChangeSettings(Actor actor) {
        return mayRun(actor) || AccessPolicy.decide(actor, Action.MANAGE_SETTINGS).allowed();
    }

    /** The retention settings; they hold no personal data, so anyone logged in may read them. */
    public RetentionSettings settings() {
        return database.transaction(repos -> repos.retention().settings());
    }

    public void saveSettings(Actor actor, RetentionSettings settings) {
        if (!mayChangeSettings(actor)) {
            refuse(actor, Action.MANAGE_SETTINGS, null, "retention.refused.settings");
        }
        database.transaction(repos -> {
            repos.retention().saveSettings(actor, settings);
            return null;
        });
    }

    /** The case files due today, those marked to be kept, and how many the research sample keeps. */
    public Overview overview(Actor actor) {
        require(actor, null);
        LocalDate today = LocalDate.now(clock);
        return database.transaction(repos -> {
            RetentionRepository retention = repos.retention();
            RetentionSettings settings = retention.settings();
            List<RetentionCase> candidates = retention.candidates(
                    RetentionRule.latestLastEntryThatMayBeDue(today, settings.years()), clock.getZone());
            List<Assessment> due = new ArrayList<>();
            Set<Long> keptAndDue = new HashSet<>();
            int sample = 0;
            for (RetentionCase file : candidates) {
                Assessment a = RetentionRule.assess(file, settings, today);
                switch (a.standing()) {
                    case DUE -> due.add(a);
                    case KEPT -> keptAndDue.add(a.participantId());
                    case RESEARCH_SAMPLE -> sample++;
                    case OPEN, NOT_YET_DUE -> { }
                }
            }
            Map<Long, RetentionRepository.Hold> holds = retention.holds();
            Set<Long> named = new LinkedHashSet<>();
            due.forEach(a -> named.add(a.participantId()));
            named.addAll(holds.keySet());
            Map<Long, ParticipantSummary> people = new HashMap<>();
            if (!named.isEmpty()) {
                repos.participants().summariesOf(named).forEach(p -> people.put(p.id(), p));
            }
            var collator = SwedishText.comparator();
            List<DueCase> dueCases = due.stream()
                    .filter(a -> people.containsKey(a.participantId()))
                    .map(a -> {
                        ParticipantSummary p = people.get(a.participantId());
                        return new DueCase(p.id(), name(p), p.identityNumber(), a.closedOn(), a.lastEntry(),
                                a.dueOn(), a.deadline());
                    })
                    .sorted(Comparator.comparing(DueCase::deadline).thenComparing(DueCase::lastEntry)
                            .thenComparing(DueCase::name, collator))
                    .toList();
            List<KeptCase> kept = holds.values().stream()
                    .filter(h -> people.containsKey(h.participantId()))
                    .map(h -> {
                        ParticipantSummary p = people.get(h.participantId());
                        return new KeptCase(p.id(), name(p), p.identityNumber(), h.reason(), h.markedAt(),
                                keptAndDue.contains(p.id()));
                    })
                    .sorted(Comparator.comparing(KeptCase::name, collator))
                    .toList();
            repos.accessLog().append(actor, AccessEvent.RETENTION_REVIEWED, null,
                    "due=" + dueCases.size() + " kept=" + kept.size());
            return new Overview(today, settings, dueCases, kept, sample);
        });
    }

    /** Marks a case file to be kept (bevaras), with the reason; empty when done. */
    public Optional<Refusal> keep(Actor actor, long participantId, String reason) {
        require(actor, participantId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            return Optional.of(new Refusal("retention.refused.reasonMissing"));
        }
        if (why.length() > MAX_REASON) {
            return Optional.of(new Refusal("retention.refused.reasonTooLong", MAX_REASON));
        }
        return database.transaction(repos -> {
            if (repos.retention().cases(List.of(participantId), clock.getZone()).isEmpty()) {
                return Optional.of(new Refusal("retention.refused.gone"));
            }
            repos.retention().keep(actor, participantId, why, clock.instant());
            return Optional.<Refusal>empty();
        });
    }

    /** Takes away the mark: the case file is offered again when due. */
    public void endKeep(Actor actor, long participantId) {
        require(actor, participantId);
        database.transaction(repos -> {
            repos.retention().endKeep(actor, participantId);
            return null;
        });
    }

    /**
     * Deletes the personal data of the case files {@code participantIds} (those the enhetschef saw
     * and confirmed), all in one transaction. Each is assessed again first: one that is no longer
     * due (written in since, marked to be kept, already deleted) is left as it is and counted as
     * skipped.
     */
    public Outcome delete(Actor actor, Collection<Long> participantIds) {
        require(actor, null);
        LocalDate today = LocalDate.now(clock);
        return database.transaction(repos -> {
            RetentionSettings settings = repos.retention().settings();
            Set<Long> asked = new LinkedHashSet<>(participantIds);
            int deleted = 0;
            for (RetentionCase file : repos.retention().cases(asked, clock.getZone())) {
                if (RetentionRule.assess(file, settings, today).due()) {
                    anonymise(repos, actor, file);
                    deleted++;
                }
            }
            return new Outcome(deleted, asked.size() - deleted);
        });
    }

    private void anonymise(Repositories repos, Actor actor, RetentionCase file) {
        repos.retention().anonymise(actor, file.participantId(), RetentionRule.residueBirthDate(file.birthDate()),
                clock.instant());
    }

    private static String name(ParticipantSummary p) {
        return p.lastName() + ", " + p.firstName();
    }

    private void require(Actor actor, Long participantId) {
        if (!mayRun(actor)) {
            refuse(actor, Action.RUN_RETENTION, participantId, "access.refused." + Action.RUN_RETENTION.name());
        }
    }

    private void refuse(Actor actor, Action action, Long participantId, String reason) {
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.ACCESS_REFUSED, participantId,
                action.name()));
        throw new AccessDenied(reason);
    }
}
