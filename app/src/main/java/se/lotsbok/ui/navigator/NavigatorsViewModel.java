package se.lotsbok.ui.navigator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.navigator.Caseload;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.Tasks;

/**
 * "Lotsar": the caseload board, the waiting list and the navigator register. Assigning beyond a cap
 * asks the {@code confirm} callback first; the answer decides, never a silent default.
 */
public final class NavigatorsViewModel {

    private final NavigatorService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Clock clock;
    private final Consumer<Throwable> onError;
    private final ObservableList<Caseload> board = FXCollections.observableArrayList();
    private final ObservableList<Caseload.Member> unassigned = FXCollections.observableArrayList();
    private final ObservableList<NavigatorService.WaitingEntry> waiting = FXCollections.observableArrayList();
    private final ObservableList<Navigator> navigators = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public NavigatorsViewModel(NavigatorService service, Actor actor, Tasks tasks, Texts texts, Clock clock,
            Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
        this.onError = onError;
    }

    /** Today in the unit's calendar: the date of assignments made from the board, the default of the forms. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private record Snapshot(NavigatorService.Board board, List<Navigator> navigators) {
    }

    public void load() {
        tasks.run(() -> new Snapshot(service.boardToday(actor), service.navigators(actor)),
                snapshot -> {
                    unassigned.setAll(snapshot.board().unassigned());
                    board.setAll(snapshot.board().caseloads());
                    waiting.setAll(snapshot.board().waiting());
                    navigators.setAll(snapshot.navigators());
                }, onError);
    }

    /** Whether this user adds and changes navigators (the unit head). */
    public boolean mayManageNavigators() {
        return AccessPolicy.decide(actor, Action.MANAGE_NAVIGATORS).allowed();
    }

    /** Makes {@code navigatorId} the participant's lots from {@code date}; beyond the cap, asks {@code confirm}. */
    public void assign(long participantId, Long navigatorId, LocalDate date,
            Predicate<NavigatorService.NeedsConfirmation> confirm) {
        run(confirmed -> service.assign(actor, participantId, navigatorId, date, confirmed), confirm,
                "navigator.assigned");
    }

    /** Enrolls a participant from the waiting list with {@code navigatorId} as lots, both from {@code date}. */
    public void enrollFromWaitingList(long participantId, long navigatorId, LocalDate date, Situation situation,
            Predicate<NavigatorService.NeedsConfirmation> confirm) {
        run(confirmed -> service.enrollFromWaitingList(actor, participantId, navigatorId, date, situation, confirmed),
                confirm, "waiting.enrolled");
    }

    /** @param capText empty for the unit's cap, or a whole number for a personal one */
    public void createNavigator(String name, String capText, LocalDate from) {
        try {
            Integer cap = cap(capText);
            change(() -> service.createNavigator(actor, name, cap, from), "navigator.created");
        } catch (NumberFormatException e) {
            message.set(texts.get("navigator.refused.cap"));
        }
    }

    public void updateNavigator(long id, String name, String capText) {
        try {
            Integer cap = cap(capText);
            change(() -> service.updateNavigator(actor, id, name, cap), "navigator.saved");
        } catch (NumberFormatException e) {
            message.set(texts.get("navigator.refused.cap"));
        }
    }

    public void setActive(long id, boolean active, LocalDate from) {
        change(() -> service.setActive(actor, id, active, from), active ? "navigator.activated" : "navigator.deactivated");
    }

    private interface Attempt {
        NavigatorService.AssignResult run(boolean confirmed) throws Exception;
    }

    private void run(Attempt attempt, Predicate<NavigatorService.NeedsConfirmation> confirm, String doneKey) {
        message.set("");
        tasks.run(() -> attempt.run(false), result -> {
            if (result instanceof NavigatorService.NeedsConfirmation ask) {
                if (confirm.test(ask)) {
                    tasks.run(() -> attempt.run(true), second -> show(second, doneKey), onError);
                } else {
                    message.set(texts.get("navigator.notAssigned"));
                }
            } else {
                show(result, doneKey);
            }
        }, onError);
    }

    private void show(NavigatorService.AssignResult result, String doneKey) {
        switch (result) {
            case NavigatorService.Assigned assigned -> {
                message.set(texts.get(doneKey));
                load();
            }
            case NavigatorService.Refused refused -> message.set(EnumTexts.refusal(texts, refused.refusal()));
            case NavigatorService.NeedsConfirmation ask -> message.set(texts.get("navigator.notAssigned"));
        }
    }

    private void change(Callable<Optional<Refusal>> work, String doneKey) {
        message.set("");
        tasks.run(work, refusal -> {
            if (refusal.isPresent()) {
                message.set(EnumTexts.refusal(texts, refusal.get()));
            } else {
                message.set(texts.get(doneKey));
                load();
            }
        }, onError);
    }

    /** Empty text: null, the unit's cap; otherwise the personal cap typed. */
    private static Integer cap(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? null : Integer.valueOf(t);
    }

    public ObservableList<Caseload> board() {
        return board;
    }

    public ObservableList<Caseload.Member> unassigned() {
        return unassigned;
    }

    public ObservableList<NavigatorService.WaitingEntry> waiting() {
        return waiting;
    }

    public ObservableList<Navigator> navigators() {
        return navigators;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
