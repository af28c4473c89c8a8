package se.lotsbok.ui.casepath;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.ConsentRules;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
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
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Consumer<Throwable> onError;
    private final ReadOnlyObjectWrapper<CaseFile> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper consentWarning = new ReadOnlyStringWrapper(this, "consentWarning", "");
    private final ReadOnlyObjectWrapper<Boolean> lastRefused = new ReadOnlyObjectWrapper<>(this, "lastRefused", false);
    private Runnable onChanged = () -> { };

    public CaseViewModel(CaseService service, Actor actor, Tasks tasks, Texts texts, Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.onError = onError;
    }

    /** Called after each recorded change, e.g. to refresh the register list's status column. */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    public void load(long participantId) {
        message.set("");
        tasks.run(() -> service.caseFile(actor, participantId), this::show, onError);
    }

    public void clear() {
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
