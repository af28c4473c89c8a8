package se.lotsbok.ui.casepath;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.ConsentRules;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.FollowUpRules;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.casepath.CaseService;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Question;
import se.lotsbok.ui.common.Tasks;

/**
 * The open participant's case file (path, navigator, consent, partners, action plan), what is typed
 * in its forms ({@link CaseForms}), and the commands that change it. Every command answers with
 * {@link Feedback}: what was recorded, or why it was refused. The forms are emptied whenever another
 * participant is opened, and what a late answer says about a participant no longer open is dropped.
 */
public final class CaseViewModel {

    public static final String ANNUL_FIELD_ID = "annulNoteField";
    public static final String OVER_CAP_BUTTON_ID = "confirmOverCapButton";

    private final CaseService service;
    private final NavigatorService navigators;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Clock clock;
    private final Dialogs dialogs;
    private final Consumer<Throwable> onError;
    private final CaseForms forms = new CaseForms();
    private final ReadOnlyObjectWrapper<CaseFile> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<Feedback> feedback = new ReadOnlyObjectWrapper<>(this, "feedback", Feedback.NONE);
    private final ReadOnlyStringWrapper consentWarning = new ReadOnlyStringWrapper(this, "consentWarning", "");
    private final ObservableList<NavigatorService.HistoryLine> navigatorHistory = FXCollections.observableArrayList();
    private final ObservableList<Navigator> activeNavigators = FXCollections.observableArrayList();
    /** The participant whose case file this is; answers about anyone else are dropped. */
    private Long participantId;
    private LongConsumer onChanged = id -> { };

    public CaseViewModel(CaseService service, NavigatorService navigators, Actor actor, Tasks tasks, Texts texts,
            Clock clock, Dialogs dialogs, Consumer<Throwable> onError) {
        this.service = service;
        this.navigators = navigators;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
        this.dialogs = dialogs;
        this.onError = onError;
        forms.reset(today());
    }

    /** Today in the unit's calendar: the default date of every form in the case file. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The unit's time zone, in which recorded instants are shown. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /** Called with the participant's id after each recorded change (the register list shows the status). */
    public void setOnChanged(LongConsumer onChanged) {
        this.onChanged = onChanged;
    }

    public CaseForms forms() {
        return forms;
    }

    private record Loaded(CaseFile file, List<NavigatorService.HistoryLine> history, List<Navigator> navigators) {
    }

    /** Opens participant {@code id}'s case file; the forms start empty unless it is the one already open. */
    public void load(long id) {
        if (participantId == null || participantId != id) {
            clear();
            participantId = id;
        }
        read(id, true);
    }

    /** Reads the open case file again (it changed elsewhere); what is typed in the forms stays. */
    public void refresh() {
        if (participantId != null) {
            read(participantId, false);
        }
    }

    private void read(long id, boolean fresh) {
        tasks.run(() -> new Loaded(service.caseFile(actor, id), navigators.history(actor, id),
                navigators.navigators(actor)), loaded -> {
                    if (!isOpen(id)) {
                        return;
                    }
                    navigatorHistory.setAll(loaded.history());
                    activeNavigators.setAll(loaded.navigators().stream().filter(n -> n.activeOn(today())).toList());
                    if (fresh) {
                        forms.move().reset(today(), loaded.file().nextMoves());
                    }
                    show(loaded.file());
                }, onError);
    }

    /** Nobody's case file: the forms empty, nothing shown. */
    public void clear() {
        participantId = null;
        navigatorHistory.clear();
        activeNavigators.clear();
        file.set(null);
        feedback.set(Feedback.NONE);
        consentWarning.set("");
        forms.reset(today());
    }

    /** The feedback of the last command goes (the user moved on to another tab or screen). */
    public void clearFeedback() {
        feedback.set(Feedback.NONE);
    }

    // ---- Ärende

    /** Records the step in "Nästa steg", with only the fields shown for it. */
    public void recordMove() {
        forms.move().toMove(today()).ifPresent(move -> run(id -> service.move(actor, id, move), "case.recorded",
                () -> forms.move().reset(today(), List.of())));
    }

    /** The latest step as the annulment question names it: "Inskriven 2026-11-20". */
    public Optional<String> latestStep() {
        CaseFile current = file.get();
        return current == null ? Optional.empty() : current.history().latest()
                .map(e -> texts.format("case.annul.step", EnumTexts.label(texts, e.status()), e.date().toString()));
    }

    /** Asks why, naming the step, and annuls the latest step; the row stays in the history. */
    public void annulLatest() {
        CaseFile current = file.get();
        if (current == null) {
            return;
        }
        Optional<CaseEvent> latest = current.history().latest();
        Optional<String> step = latestStep();
        if (latest.isEmpty() || step.isEmpty()) {
            return;
        }
        long eventId = latest.get().id();
        dialogs.askText(Question.ask(texts.format("case.annul.header", step.get()), texts.get("case.annul.why"))
                        .go(texts.get("case.annul.go"), null).field(ANNUL_FIELD_ID))
                .ifPresent(note -> run(id -> service.annul(actor, id, eventId, note), "case.annulled", () -> { }));
    }

    // ---- Lots

    /** Makes the navigator chosen in the form the participant's lots; beyond the cap, asks first. */
    public void assign() {
        Navigator chosen = forms.assignment().navigatorProperty().get();
        if (chosen != null) {
            assign(chosen.id());
        }
    }

    /** Records that the participant has no lots from the form's date. */
    public void unassign() {
        assign(null);
    }

    private void assign(Long navigatorId) {
        if (participantId == null) {
            return;
        }
        long id = participantId;
        LocalDate date = forms.assignment().fromProperty().get();
        feedback.set(Feedback.NONE);
        tasks.run(() -> navigators.assign(actor, id, navigatorId, date, false), result -> {
            if (result instanceof NavigatorService.NeedsConfirmation ask) {
                if (dialogs.confirm(overCap(texts, ask))) {
                    tasks.run(() -> navigators.assign(actor, id, navigatorId, date, true), r -> assigned(id, r),
                            onError);
                } else {
                    feedback.set(Feedback.note(texts.get("navigator.notAssigned")));
                }
            } else {
                assigned(id, result);
            }
        }, onError);
    }

    /** The over-cap question: going ahead takes a deliberate choice, Enter keeps things as they are. */
    public static Question overCap(Texts texts, NavigatorService.NeedsConfirmation ask) {
        return Question.warn(texts.get("navigator.overCap.header"),
                        texts.format("navigator.overCap", ask.navigator(), ask.caseload(), ask.cap()))
                .go(texts.get("navigator.overCap.yes"), OVER_CAP_BUTTON_ID);
    }

    private void assigned(long id, NavigatorService.AssignResult result) {
        if (!isOpen(id)) {
            return;
        }
        if (result instanceof NavigatorService.Refused refused) {
            feedback.set(Feedback.refused(EnumTexts.refusal(texts, refused.refusal())));
            return;
        }
        forms.assignment().reset(today());
        read(id, false);
        feedback.set(Feedback.done(texts.get("navigator.assigned")));
        onChanged.accept(id);
    }

    /** The participant's navigators over time, newest first. */
    public ObservableList<NavigatorService.HistoryLine> navigatorHistory() {
        return navigatorHistory;
    }

    /** The navigators that can be chosen today. */
    public ObservableList<Navigator> activeNavigators() {
        return activeNavigators;
    }

    // ---- Samtycke

    public void recordConsent() {
        CaseForms.ConsentForm form = forms.consent();
        LocalDate given = form.givenProperty().get();
        LocalDate until = form.untilProperty().get();
        var partners = form.chosenPartners();
        var guardians = form.guardians(today());
        run(id -> service.recordConsent(actor, id, given, until, partners, guardians), "consent.recorded",
                () -> form.reset(today()));
    }

    public void withdrawConsent(long consentId) {
        LocalDate date = forms.consent().withdrawDateProperty().get();
        run(id -> service.withdrawConsent(actor, id, consentId, date), "consent.withdrawnDone", () -> { });
    }

    // ---- Aktörer

    public void addPartner() {
        CaseForms.PartnerForm form = forms.partner();
        var partner = form.partnerProperty().get();
        LocalDate from = form.fromProperty().get();
        run(id -> service.addPartner(actor, id, partner, from), "partner.added", () -> form.reset(today()));
    }

    public void endPartner(long involvementId) {
        LocalDate to = forms.partner().toProperty().get();
        run(id -> service.endPartner(actor, id, involvementId, to), "partner.ended", () -> { });
    }

    // ---- Handlingsplan

    public void addGoal() {
        CaseForms.GoalForm form = forms.goal();
        var area = form.areaProperty().get();
        String description = form.descriptionProperty().get();
        var responsible = form.responsibleProperty().get();
        LocalDate followUp = form.followUpProperty().get();
        run(id -> service.addGoal(actor, id, area, description, responsible, followUp), "goal.added",
                () -> form.reset(today()));
    }

    public void setGoalStatus(long goalId) {
        var status = forms.goal().newStatusProperty().get();
        run(id -> service.setGoalStatus(actor, id, goalId, status), "goal.statusChanged", () -> { });
    }

    public void setFollowUp(long goalId) {
        LocalDate followUp = forms.goal().newFollowUpProperty().get();
        run(id -> service.setFollowUp(actor, id, goalId, followUp), "goal.followUpChanged", () -> { });
    }

    private interface Command {
        CaseResult run(long participantId) throws Exception;
    }

    // ---- Uppföljning efter avslut

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
        run(id -> service.recordFollowUp(actor, id, dischargeEventId, date, result, situation), "followup.recorded",
                () -> { });
    }

    private void run(Command command, String doneKey, Runnable afterDone) {
        if (participantId == null || file.get() == null) {
            return;
        }
        long id = participantId;
        feedback.set(Feedback.NONE);
        tasks.run(() -> command.run(id), result -> {
            if (!isOpen(id)) {
                return;
            }
            switch (result) {
                case CaseResult.Done done -> {
                    afterDone.run();
                    show(done.file());
                    feedback.set(Feedback.done(texts.get(doneKey)));
                    onChanged.accept(id);
                }
                case CaseResult.Refused refused ->
                        feedback.set(Feedback.refused(EnumTexts.refusal(texts, refused.refusal())));
            }
        }, onError);
    }

    private boolean isOpen(long id) {
        return participantId != null && participantId == id;
    }

    private void show(CaseFile loaded) {
        forms.move().allow(loaded.nextMoves());
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
    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** A prominent warning when the consent of an open case is withdrawn, expired or ending soon. */
    public ReadOnlyStringProperty consentWarningProperty() {
        return consentWarning.getReadOnlyProperty();
    }

    public Texts texts() {
        return texts;
    }
}
