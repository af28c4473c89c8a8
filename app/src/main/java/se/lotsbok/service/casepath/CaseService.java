package se.lotsbok.service.casepath;

import java.time.Clock;
import java.time.LocalDate;
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
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.CaseTransitions;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.ConsentRules;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.FollowUpRules;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.common.DateLimits;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.access.Coverage;
import se.lotsbok.store.Database;
import se.lotsbok.store.Repositories;

/**
 * The case path (referral to discharge, with the consent gate), consents, partners and the action
 * plan. Each action is one transaction: checked, recorded and logged, or refused with nothing written.
 */
public final class CaseService {

    private static final int MAX_TEXT = 1000;

    private final Database database;
    private final Clock clock;
    private final Coverage coverage;

    public CaseService(Database database, Clock clock, Coverage coverage) {
        this.database = database;
        this.clock = clock;
        this.coverage = coverage;
    }

    /** The case file of participant {@code id}; its reading is logged. */
    public CaseFile caseFile(Actor actor, long participantId) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        return database.transaction(repos -> {
            repos.accessLog().append(actor, AccessEvent.CASE_FILE_READ, participantId, "");
            return read(repos, actor, participantId);
        });
    }

    /**
     * Records a move of the case, after checking the path, the dates and (to enroll) the consent gate.
     * A discharge the participant agreed to be followed up after gets its follow-up due date: the
     * discharge day plus the unit's follow-up months as they are set today.
     */
    public CaseResult move(Actor actor, long participantId, Move move) {
        return decide(actor, participantId, Action.DECIDE_ENROLLMENT, repos -> {
            if (move.note().length() > MAX_TEXT) {
                return Optional.of(new Refusal("case.refused.noteTooLong", MAX_TEXT));
            }
            Participant participant = participant(repos, participantId);
            CaseHistory history = CaseHistory.of(repos.cases().events(actor, participantId));
            Optional<Refusal> refusal = CaseTransitions.check(history, move, today(),
                    repos.cases().consents(actor, participantId), participant.data().birthDate());
            if (refusal.isEmpty()) {
                LocalDate followUpDue = move.followUpAgreed() && move.status() == CaseStatus.DISCHARGED
                        ? move.date().plusMonths(repos.settings().loadOutcome().followUpMonths()) : null;
                repos.cases().recordMove(actor, participantId, move, followUpDue, clock.instant());
            }
            return refusal;
        });
    }

    /** Annuls the latest move, with a note saying why; both rows stay in the history. */
    public CaseResult annul(Actor actor, long participantId, long eventId, String note) {
        return decide(actor, participantId, Action.DECIDE_ENROLLMENT, repos -> {
            String why = TypedText.strip(note);
            if (why.isEmpty()) {
                return Optional.of(new Refusal("case.refused.annulNote"));
            }
            if (why.length() > MAX_TEXT) {
                return Optional.of(new Refusal("case.refused.noteTooLong", MAX_TEXT));
            }
            CaseHistory history = CaseHistory.of(repos.cases().events(actor, participantId));
            Optional<Refusal> refusal = CaseTransitions.checkAnnulment(history, eventId);
            if (refusal.isEmpty()) {
                repos.cases().annul(actor, participantId, eventId, today(), why, clock.instant());
            }
            return refusal;
        });
    }

    /**
     * Records a consent given on {@code given}, ending after {@code validUntil} (null: no end), for the
     * given partners, with the guardians' consents when the participant is a minor.
     */
    public CaseResult recordConsent(Actor actor, long participantId, LocalDate given, LocalDate validUntil,
            Set<Partner> partners, List<Consent.GuardianConsent> guardians) {
        return write(actor, participantId, repos -> {
            if (given == null) {
                return Optional.of(new Refusal("consent.refused.givenMissing"));
            }
            if (given.isAfter(today())) {
                return Optional.of(new Refusal("case.refused.future", given));
            }
            if (validUntil != null && validUntil.isBefore(given)) {
                return Optional.of(new Refusal("consent.refused.untilBeforeGiven"));
            }
            Optional<Refusal> implausible = DateLimits.check(given, today()).or(() -> DateLimits.check(validUntil, today()));
            if (implausible.isPresent()) {
                return implausible;
            }
            if (partners.isEmpty()) {
                return Optional.of(new Refusal("consent.refused.noPartners"));
            }
            for (Consent.GuardianConsent g : guardians) {
                if (TypedText.isBlank(g.name()) || TypedText.strip(g.name()).length() > 200) {
                    return Optional.of(new Refusal("consent.refused.guardianName"));
                }
                if (g.given() == null) {
                    return Optional.of(new Refusal("consent.refused.givenMissing"));
                }
                if (g.given().isAfter(today())) {
                    return Optional.of(new Refusal("case.refused.future", g.given()));
                }
                Optional<Refusal> guardianDate = DateLimits.check(g.given(), today());
                if (guardianDate.isPresent()) {
                    return guardianDate;
                }
            }
            repos.cases().recordConsent(actor, participantId, given, validUntil, partners, guardians.stream()
                    .map(g -> new Consent.GuardianConsent(TypedText.strip(g.name()), g.given())).toList(), clock.instant());
            return Optional.empty();
        });
    }

    public CaseResult withdrawConsent(Actor actor, long participantId, long consentId, LocalDate date) {
        return write(actor, participantId, repos -> {
            Optional<Consent> consent = repos.cases().consents(actor, participantId).stream()
                    .filter(c -> c.id() == consentId).findFirst();
            if (consent.isEmpty() || consent.get().withdrawn() != null) {
                return Optional.of(new Refusal("consent.refused.alreadyWithdrawn"));
            }
            if (date == null || date.isBefore(consent.get().given()) || date.isAfter(today())) {
                return Optional.of(new Refusal("consent.refused.withdrawDate", consent.get().given()));
            }
            repos.cases().withdrawConsent(actor, participantId, consentId, date, clock.instant());
            return Optional.empty();
        });
    }

    public CaseResult addPartner(Actor actor, long participantId, Partner partner, LocalDate from) {
        return write(actor, participantId, repos -> {
            if (partner == null || from == null) {
                return Optional.of(new Refusal("partner.refused.missing"));
            }
            Optional<Refusal> implausible = DateLimits.check(from, today());
            if (implausible.isPresent()) {
                return implausible;
            }
            boolean ongoing = repos.cases().partners(actor, participantId).stream()
                    .anyMatch(p -> p.partner() == partner && p.to() == null);
            if (ongoing) {
                return Optional.of(new Refusal("partner.refused.alreadyActive", partner));
            }
            repos.cases().addPartner(actor, participantId, partner, from, clock.instant());
            return Optional.empty();
        });
    }

    public CaseResult endPartner(Actor actor, long participantId, long involvementId, LocalDate to) {
        return write(actor, participantId, repos -> {
            Optional<PartnerInvolvement> involvement = repos.cases().partners(actor, participantId).stream()
                    .filter(p -> p.id() == involvementId).findFirst();
            if (involvement.isEmpty() || involvement.get().to() != null) {
                return Optional.of(new Refusal("partner.refused.notActive"));
            }
            if (to == null || to.isBefore(involvement.get().from())) {
                return Optional.of(new Refusal("partner.refused.endBeforeStart", involvement.get().from()));
            }
            Optional<Refusal> implausible = DateLimits.check(to, today());
            if (implausible.isPresent()) {
                return implausible;
            }
            repos.cases().endPartner(actor, participantId, involvementId, to);
            return Optional.empty();
        });
    }

    public CaseResult addGoal(Actor actor, long participantId, Goal.LifeArea area, String description,
            Partner responsible, LocalDate followUp) {
        return write(actor, participantId, repos -> {
            String text = TypedText.strip(description);
            if (area == null || responsible == null || followUp == null || text.isEmpty()) {
                return Optional.of(new Refusal("goal.refused.missing"));
            }
            if (text.length() > MAX_TEXT) {
                return Optional.of(new Refusal("case.refused.noteTooLong", MAX_TEXT));
            }
            Optional<Refusal> implausible = DateLimits.check(followUp, today());
            if (implausible.isPresent()) {
                return implausible;
            }
            repos.cases().addGoal(actor, participantId, area, text, responsible, followUp, today(), clock.instant());
            return Optional.empty();
        });
    }

    /** Records the goal's new status as of today; earlier statuses stay. */
    public CaseResult setGoalStatus(Actor actor, long participantId, long goalId, Goal.Status status) {
        return write(actor, participantId, repos -> {
            Optional<Goal> goal = repos.cases().goals(actor, participantId).stream()
                    .filter(g -> g.id() == goalId).findFirst();
            if (goal.isEmpty() || status == null) {
                return Optional.of(new Refusal("goal.refused.missing"));
            }
            if (goal.get().status() == status) {
                return Optional.of(new Refusal("goal.refused.sameStatus"));
            }
            repos.cases().setGoalStatus(actor, participantId, goalId, status, today(), clock.instant());
            return Optional.empty();
        });
    }

    public CaseResult setFollowUp(Actor actor, long participantId, long goalId, LocalDate followUp) {
        return write(actor, participantId, repos -> {
            if (followUp == null) {
                return Optional.of(new Refusal("goal.refused.missing"));
            }
            Optional<Refusal> implausible = DateLimits.check(followUp, today());
            if (implausible.isPresent()) {
                return implausible;
            }
            repos.cases().setFollowUp(actor, participantId, goalId, followUp);
            return Optional.empty();
        });
    }

    /**
     * Records the follow-up after the discharge {@code dischargeEventId}: on {@code date} the person
     * was reached (with the situation then), could not be reached, or declined. Written by whoever
     * writes the participant's case records (their lots, or a colleague covering).
     */
    public CaseResult recordFollowUp(Actor actor, long participantId, long dischargeEventId, LocalDate date,
            DischargeFollowUp.Result result, Situation situation) {
        return write(actor, participantId, repos -> {
            CaseHistory history = CaseHistory.of(repos.cases().events(actor, participantId));
            Optional<Refusal> refusal = FollowUpRules.check(history, repos.cases().followUps(participantId),
                    dischargeEventId, date, result, situation, today());
            if (refusal.isEmpty()) {
                repos.cases().recordFollowUp(actor, participantId, dischargeEventId, date, result, situation,
                        clock.instant());
            }
            return refusal;
        });
    }

    /** A participant's line in the register: where the case stands, and a consent needing attention. */
    public record Overview(CaseStatus status, ConsentRules.Standing consentAlert) {
    }

    /**
     * Every participant with a case: its current status, and, for an open case whose consent needs
     * attention today (ending within 30 days, expired or withdrawn), that consent's standing.
     */
    public Map<Long, Overview> overview(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.READ_REGISTER));
        LocalDate today = today();
        return database.transaction(repos -> {
            Map<Long, List<CaseEvent>> events = repos.cases().allEvents().stream()
                    .collect(Collectors.groupingBy(CaseEvent::participantId));
            Map<Long, List<Consent>> consents = repos.cases().allConsents().stream()
                    .collect(Collectors.groupingBy(Consent::participantId));
            Map<Long, Overview> overview = new HashMap<>();
            events.forEach((participantId, rows) -> CaseHistory.of(rows).current().ifPresent(status -> {
                ConsentRules.Standing standing = ConsentRules.standingOn(
                        consents.getOrDefault(participantId, List.of()), today);
                overview.put(participantId, new Overview(status,
                        !status.closed() && ConsentRules.needsAttention(standing) ? standing : null));
            }));
            return overview;
        });
    }

    /** Participants whose open case has a consent needing attention today. */
    public Map<Long, ConsentRules.Standing> consentAlerts(Actor actor) {
        Map<Long, ConsentRules.Standing> alerts = new HashMap<>();
        overview(actor).forEach((id, line) -> {
            if (line.consentAlert() != null) {
                alerts.put(id, line.consentAlert());
            }
        });
        return alerts;
    }

    private interface Work {
        Optional<Refusal> apply(Repositories repos);
    }

    private CaseResult decide(Actor actor, long participantId, Action action, Work work) {
        return run(actor, participantId, AccessPolicy.decide(actor, action, coverage.relation(actor, participantId)),
                action, work);
    }

    private CaseResult write(Actor actor, long participantId, Work work) {
        return decide(actor, participantId, Action.WRITE_CASE_RECORDS, work);
    }

    private CaseResult run(Actor actor, long participantId, Decision decision, Action action, Work work) {
        if (decision instanceof Decision.Refused refused) {
            database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.ACCESS_REFUSED, participantId,
                    action.name()));
            return new CaseResult.Refused(new Refusal(refused.reason()));
        }
        // A refusal inside the transaction rolls it back, so nothing half-written remains.
        try {
            return database.transaction(repos -> {
                Optional<Refusal> refusal = work.apply(repos);
                if (refusal.isPresent()) {
                    throw new Refused(refusal.get());
                }
                return new CaseResult.Done(read(repos, actor, participantId));
            });
        } catch (Refused e) {
            return new CaseResult.Refused(e.refusal);
        }
    }

    private CaseFile read(Repositories repos, Actor actor, long participantId) {
        CaseHistory history = CaseHistory.of(repos.cases().events(actor, participantId));
        List<Consent> consents = repos.cases().consents(actor, participantId);
        return new CaseFile(participantId, history, CaseTransitions.nextFrom(history.current()), consents,
                ConsentRules.standingOn(consents, today()), repos.cases().partners(actor, participantId),
                repos.cases().goals(actor, participantId),
                AccessPolicy.decide(actor, Action.DECIDE_ENROLLMENT, coverage.relation(repos, actor, participantId)).allowed(),
                AccessPolicy.decide(actor, Action.WRITE_CASE_RECORDS, coverage.relation(repos, actor, participantId))
                        .allowed(),
                repos.cases().followUps(participantId),
                // The releases of copies are the enhetschef's, who makes them; nobody else reads them.
                AccessPolicy.decide(actor, Action.EXPORT).allowed() ? repos.extracts().releases(participantId)
                        : List.of());
    }

    private static Participant participant(Repositories repos, long participantId) {
        return repos.participants().fetchForRules(participantId).orElseThrow();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Carries a refusal out of the transaction so that it rolls back. */
    private static final class Refused extends RuntimeException {
        private final transient Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.reason(), null, false, false);
            this.refusal = refusal;
        }
    }
}
