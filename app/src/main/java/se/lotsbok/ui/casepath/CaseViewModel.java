package se.lotsbok.ui.casepath;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.service.navigator.NavigatorService;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.ConsentRules;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.FollowUpRules;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.casepath.CaseService;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.Tasks;

/**
 * The open participant's case file (path, consent, partners, action plan) and the commands that
 * change it. Every command answers with a message: what was recorded, or why it was refused.
 */
public final class CaseViewModel {

    private final CaseService service;
    private final NavigatorService navigators;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Consumer<Throwable> onError;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<CaseFile> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper consentWarning = new ReadOnlyStringWrapper(this, "consentWarning", "");
    private final ReadOnlyObjectWrapper<Boolean> lastRefused = new ReadOnlyObjectWrapper<>(this, "lastRefused", false);
    private final ObservableList<NavigatorService.HistoryLine> navigatorHistory = FXCollections.observableArrayList();
    private final ObservableList<Navigator> activeNavigators = FXCollections.observableArrayList();
    private Runnable onChanged = () -> { };

    public CaseViewModel(CaseService service, NavigatorService navigators, Actor actor, Tasks tasks, Texts texts,
            Clock clock, Consumer<Throwable> onError) {
        this.service = service;
        this.navigators = navigators;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.onError = onError;
        this.clock = clock;
    }

    /** Today in the unit's calendar: the default date of every form in the case file. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The unit's time zone, in which recorded instants are shown. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /** Called after each recorded change, e.g. to refresh the register list's status column. */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    private record Loaded(CaseFile file, List<NavigatorService.HistoryLine> history, List<Navigator> navigators) {
    }

    public void load(long participantId) {
        message.set("");
        tasks.run(() -> new Loaded(service.caseFile(actor, participantId), navigators.history(actor, participantId),
                navigators.navigators(actor)), loaded -> {
                    navigatorHistory.setAll(loaded.history());
                    activeNavigators.setAll(loaded.navigators().stream()
                            .filter(n -> n.activeOn(today())).toList());
                    show(loaded.file());
                }, onError);
    }

    /** Makes {@code navigatorId} (null: nobody) the participant's lots from {@code date}; beyond the cap, asks. */
    public void assign(Long navigatorId, LocalDate date, Predicate<NavigatorService.NeedsConfirmation> confirm) {
        if (file.get() == null) {
            return;
        }
        long id = id();
        message.set("");
        tasks.run(() -> navigators.assign(actor, id, navigatorId, date, false), result -> {
            if (result instanceof NavigatorService.NeedsConfirmation ask) {
                if (confirm.test(ask)) {
                    tasks.run(() -> navigators.assign(actor, id, navigatorId, date, true), this::assigned, onError);
                } else {
                    message.set(texts.get("navigator.notAssigned"));
                }
            } else {
                assigned(result);
            }
        }, onError);
    }

    private void assigned(NavigatorService.AssignResult result) {
        if (result instanceof NavigatorService.Refused refused) {
            lastRefused.set(true);
            message.set(EnumTexts.refusal(texts, refused.refusal()));
            return;
        }
        lastRefused.set(false);
        load(id());
        message.set(texts.get("navigator.assigned"));
        onChanged.run();
    }

    /** The participant's navigators over time, newest first. */
    public ObservableList<NavigatorService.HistoryLine> navigatorHistory() {
        return navigatorHistory;
    }

    /** The navigators that can be chosen today. */
    public ObservableList<Navigator> activeNavigators() {
        return activeNavigators;
    }

    public void clear() {
        navigatorHistory.clear();
        file.set(null);
        message.set("");
        consentWarning.set("");
    }

    public void move(Move move) {
        run(() -> service.move(actor, id(), move), "case.recorded");
    }

    public void annulLatest(String note) {
        CaseFile current = file.get();
        current.history().latest().ifPresent(latest ->
                run(() -> service.annul(actor, id(), latest.id(), note), "case.annulled"));
    }

    public void recordConsent(LocalDate given, LocalDate validUntil, Set<Partner> partners,
            List<Consent.GuardianConsent> guardians) {
        run(() -> service.recordConsent(actor, id(), given, validUntil, partners, guardians), "consent.recorded");
    }

    public void withdrawConsent(long consentId, LocalDate date) {
        run(() -> service.withdrawConsent(actor, id(), consentId, date), "consent.withdrawnDone");
    }

    public void addPartner(Partner partner, LocalDate from) {
        run(() -> service.addPartner(actor, id(), partner, from), "partner.added");
    }

    public void endPartner(long involvementId, LocalDate to) {
        run(() -> service.endPartner(actor, id(), involvementId, to), "partner.ended");
    }

    public void addGoal(Goal.LifeArea area, String description, Partner responsible, LocalDate followUp) {
        run(() -> service.addGoal(actor, id(), area, description, responsible, followUp), "goal.added");
    }

    public void setGoalStatus(long goalId, Goal.Status status) {
        run(() -> service.setGoalStatus(actor, id(), goalId, status), "goal.statusChanged");
    }

    public void setFollowUp(long goalId, LocalDate followUp) {
        run(() -> service.setFollowUp(actor, id(), goalId, followUp), "goal.followUpChanged");
    }

    /** A discharge after which a follow-up was agreed, with the follow-up once recorded. */
    public record FollowUpLine(CaseEvent discharge, DischargeFollowUp done) {
    }

    /** The discharges with a follow-up agreed, newest first, each with its follow-up if recorded. */
    public List<FollowUpLine> followUpLines() {
        CaseFile current = file.get();
        if (current == null) {
            return List.of();
        }
        return current.history().effective().stream()
                .filter(e -> e.followUpDue() != null)
                .sorted(java.util.Comparator.comparing(CaseEvent::date).reversed())
                .map(e -> new FollowUpLine(e, current.followUps().stream()
                        .filter(f -> f.dischargeEventId() == e.id()).findFirst().orElse(null)))
                .toList();
    }

    /** The discharges still waiting for their follow-up, the one due first first. */
    public List<CaseEvent> pendingFollowUps() {
        CaseFile current = file.get();
        return current == null ? List.of() : FollowUpRules.pending(current.history(), current.followUps());
    }

    public void recordFollowUp(long dischargeEventId, LocalDate date, DischargeFollowUp.Result result,
            Situation situation) {
        run(() -> service.recordFollowUp(actor, id(), dischargeEventId, date, result, situation), "followup.recorded");
    }

    private long id() {
        return file.get().participantId();
    }

    private void run(Callable<CaseResult> work, String doneKey) {
        if (file.get() == null) {
            return;
        }
        message.set("");
        tasks.run(work, result -> {
            switch (result) {
                case CaseResult.Done done -> {
                    show(done.file());
                    lastRefused.set(false);
                    message.set(texts.get(doneKey));
                    onChanged.run();
                }
                case CaseResult.Refused refused -> {
                    lastRefused.set(true);
                    message.set(EnumTexts.refusal(texts, refused.refusal()));
                }
            }
        }, onError);
    }

    private void show(CaseFile loaded) {
        file.set(loaded);
        ConsentRules.Standing standing = loaded.consent();
        boolean open = loaded.history().current().filter(s -> !s.closed()).isPresent();
        consentWarning.set(open && ConsentRules.needsAttention(standing)
                ? texts.format("consent.warning." + standing.state().name(), standing.date().toString()) : "");
    }

    public ReadOnlyObjectProperty<CaseFile> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** What the last command did, or why it was refused. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the last command was refused (the message is then a warning). */
    public ReadOnlyObjectProperty<Boolean> lastRefusedProperty() {
        return lastRefused.getReadOnlyProperty();
    }

    /** A prominent warning when the consent of an open case is withdrawn, expired or ending soon. */
    public ReadOnlyStringProperty consentWarningProperty() {
        return consentWarning.getReadOnlyProperty();
    }

    public Texts texts() {
        return texts;
    }
}
