package se.lotsbok.ui.navigator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.navigator.Caseload;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.ui.casepath.CaseForms;
import se.lotsbok.ui.casepath.CaseViewModel;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.ParticipantChanges;
import se.lotsbok.ui.common.Question;
import se.lotsbok.ui.common.Tasks;

/**
 * "Lotsar": the caseload board, the waiting list and the navigator register, with the forms of the
 * register and of an enrollment from the waiting list. Assigning beyond a cap asks first, and Enter
 * keeps things as they are.
 */
public final class NavigatorsViewModel {

    public static final String MOVE_CHOICE_ID = "moveToChoice";
    public static final String SAME_NAME_BUTTON_ID = "confirmSameNameButton";

    private final NavigatorService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Clock clock;
    private final Dialogs dialogs;
    private final ParticipantChanges changes;
    private final Consumer<Throwable> onError;
    private final ObservableList<Caseload> board = FXCollections.observableArrayList();
    private final ObservableList<Caseload.Member> unassigned = FXCollections.observableArrayList();
    private final ObservableList<NavigatorService.WaitingEntry> waiting = FXCollections.observableArrayList();
    private final ObservableList<Navigator> navigators = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Feedback> feedback = new ReadOnlyObjectWrapper<>(this, "feedback", Feedback.NONE);
    private final RegisterForm register = new RegisterForm();

    public NavigatorsViewModel(NavigatorService service, Actor actor, Tasks tasks, Texts texts, Clock clock,
            Dialogs dialogs, ParticipantChanges changes, Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
        this.dialogs = dialogs;
        this.changes = changes;
        this.onError = onError;
        register.clear(today());
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
                    Long selected = register.selected.get() == null ? null : register.selected.get().id();
                    navigators.setAll(snapshot.navigators());
                    if (selected != null) {
                        register.selected.set(snapshot.navigators().stream().filter(n -> n.id() == selected)
                                .findFirst().orElse(null));
                    }
                }, onError);
    }

    /** Whether this user adds and changes navigators (the unit head). */
    public boolean mayManageNavigators() {
        return AccessPolicy.decide(actor, Action.MANAGE_NAVIGATORS).allowed();
    }

    /** The navigators who can be given participants today. */
    public List<Navigator> activeToday() {
        return navigators.stream().filter(n -> n.activeOn(today())).toList();
    }

    // ---- the board

    /** Makes {@code navigatorId} the participant's lots from today; beyond the cap, asks first. */
    public void assign(long participantId, Long navigatorId) {
        feedback.set(Feedback.NONE);
        attempt(confirmed -> service.assign(actor, participantId, navigatorId, today(), confirmed), participantId,
                "navigator.assigned", refusal -> feedback.set(Feedback.refused(refusal)), () -> { });
    }

    /** "Flytta markerad deltagare till…": asks which navigator, then assigns. */
    public void moveTo(Caseload.Member member) {
        dialogs.choose(Question.ask(texts.format("navigator.moveWho", member.name()), texts.get("navigator.lots"))
                                .field(MOVE_CHOICE_ID), activeToday(), Navigator::name)
                .ifPresent(navigator -> assign(member.participantId(), navigator.id()));
    }

    // ---- the waiting list

    /** The form of an enrollment from the waiting list, for {@code entry}. */
    public EnrollmentForm enrollment(NavigatorService.WaitingEntry entry) {
        return new EnrollmentForm(entry, today());
    }

    /**
     * "Tilldela lots och skriv in": a form that stays open until the enrollment is done. A refusal
     * (no consent, a guardian's consent missing) is shown in the form, and everything typed stays.
     */
    public final class EnrollmentForm {
        private final NavigatorService.WaitingEntry entry;
        private final ObjectProperty<Navigator> navigator = new SimpleObjectProperty<>(this, "navigator");
        private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
        private final CaseForms.SituationForm situation = new CaseForms.SituationForm();
        private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");

        private EnrollmentForm(NavigatorService.WaitingEntry entry, LocalDate today) {
            this.entry = entry;
            date.set(today);
        }

        /** Enrolls; {@code onDone} runs (to close the form) only when it was done. */
        public void enroll(Runnable onDone) {
            refusal.set("");
            Optional<Situation> chosen = situation.situation();
            if (navigator.get() == null || chosen.isEmpty()) {
                refusal.set(texts.get("waiting.refused.missing"));
                return;
            }
            long navigatorId = navigator.get().id();
            LocalDate on = date.get();
            attempt(confirmed -> service.enrollFromWaitingList(actor, entry.participantId(), navigatorId, on,
                    chosen.get(), confirmed), entry.participantId(), "waiting.enrolled", refusal::set, onDone);
        }

        public String title() {
            return texts.format("waiting.enrollWho", entry.name());
        }

        public List<Navigator> choices() {
            return activeToday();
        }

        public ObjectProperty<Navigator> navigatorProperty() {
            return navigator;
        }

        public ObjectProperty<LocalDate> dateProperty() {
            return date;
        }

        public CaseForms.SituationForm situation() {
            return situation;
        }

        /** Why the enrollment was refused; empty while nothing is refused. */
        public ReadOnlyStringProperty refusalProperty() {
            return refusal.getReadOnlyProperty();
        }
    }

    private interface Attempt {
        NavigatorService.AssignResult run(boolean confirmed) throws Exception;
    }

    private void attempt(Attempt attempt, long participantId, String doneKey, Consumer<String> refused,
            Runnable onDone) {
        tasks.run(() -> attempt.run(false), result -> {
            if (result instanceof NavigatorService.NeedsConfirmation ask) {
                if (dialogs.confirm(CaseViewModel.overCap(texts, ask))) {
                    tasks.run(() -> attempt.run(true), second -> answered(second, participantId, doneKey, refused,
                            onDone), onError);
                } else {
                    feedback.set(Feedback.note(texts.get("navigator.notAssigned")));
                }
            } else {
                answered(result, participantId, doneKey, refused, onDone);
            }
        }, onError);
    }

    private void answered(NavigatorService.AssignResult result, long participantId, String doneKey,
            Consumer<String> refused, Runnable onDone) {
        switch (result) {
            case NavigatorService.Assigned assigned -> {
                feedback.set(Feedback.done(texts.get(doneKey)));
                onDone.run();
                load();
                changes.changed(this, participantId);
            }
            case NavigatorService.Refused no -> refused.accept(EnumTexts.refusal(texts, no.refusal()));
            case NavigatorService.NeedsConfirmation ask -> feedback.set(Feedback.note(texts.get("navigator.notAssigned")));
        }
    }

    // ---- the register of navigators

    /**
     * "Lotsregister": the navigator chosen in the table (or none, for a new one), what is typed for
     * them, and the message beside each field.
     */
    public final class RegisterForm {
        private final ObjectProperty<Navigator> selected = new SimpleObjectProperty<>(this, "selected");
        private final StringProperty name = new SimpleStringProperty(this, "name", "");
        private final StringProperty cap = new SimpleStringProperty(this, "cap", "");
        private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
        private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
        private final ReadOnlyStringWrapper capError = new ReadOnlyStringWrapper(this, "capError", "");
        private final ReadOnlyStringWrapper fromError = new ReadOnlyStringWrapper(this, "fromError", "");

        private RegisterForm() {
            selected.addListener((obs, old, navigator) -> {
                if (navigator != null && (old == null || old.id() != navigator.id())) {
                    name.set(navigator.name());
                    cap.set(navigator.cap() == null ? "" : Integer.toString(navigator.cap()));
                    from.set(today());
                    clearErrors();
                }
            });
        }

        private void clear(LocalDate today) {
            selected.set(null);
            name.set("");
            cap.set("");
            from.set(today);
            clearErrors();
        }

        private void clearErrors() {
            nameError.set("");
            capError.set("");
            fromError.set("");
        }

        /** The navigator being changed, or null while a new one is being added. */
        public ObjectProperty<Navigator> selectedProperty() {
            return selected;
        }

        public StringProperty nameProperty() {
            return name;
        }

        public StringProperty capProperty() {
            return cap;
        }

        /** For a new navigator: active from; for the one chosen: the day "Gör aktiv/inaktiv" takes effect. */
        public ObjectProperty<LocalDate> fromProperty() {
            return from;
        }

        public ReadOnlyStringProperty nameErrorProperty() {
            return nameError.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty capErrorProperty() {
            return capError.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty fromErrorProperty() {
            return fromError.getReadOnlyProperty();
        }
    }

    public RegisterForm register() {
        return register;
    }

    /** "Ny lots": an empty form, nobody chosen. */
    public void newNavigator() {
        register.clear(today());
        feedback.set(Feedback.NONE);
    }

    /**
     * Saves the form (Enter): adds a new navigator, active from the chosen day, or saves the name and
     * cap of the one chosen. A second active navigator with the same name is added only after asking.
     */
    public void save() {
        register.clearErrors();
        feedback.set(Feedback.NONE);
        Integer cap;
        try {
            cap = cap(register.cap.get());
        } catch (NumberFormatException e) {
            register.capError.set(texts.get("navigator.refused.cap"));
            return;
        }
        Navigator chosen = register.selected.get();
        String name = register.name.get();
        if (chosen != null) {
            long id = chosen.id();
            change(() -> service.updateNavigator(actor, id, name, cap), "navigator.saved", () -> { });
            return;
        }
        if (sameNameActive(name) && !dialogs.confirm(Question.ask(texts.get("navigator.sameName.header"),
                        texts.format("navigator.sameName", TypedText.strip(name)))
                .go(texts.get("navigator.sameName.go"), SAME_NAME_BUTTON_ID))) {
            return;
        }
        LocalDate from = register.from.get();
        change(() -> service.createNavigator(actor, name, cap, from), "navigator.created",
                () -> register.clear(today()));
    }

    private boolean sameNameActive(String name) {
        String wanted = TypedText.strip(name == null ? "" : name).toLowerCase(Locale.ROOT);
        return !wanted.isEmpty() && activeToday().stream()
                .anyMatch(n -> n.name().strip().toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** Makes the chosen navigator active (or inactive) from the form's date; the history stays. */
    public void setActive(boolean active) {
        Navigator chosen = register.selected.get();
        if (chosen == null) {
            return;
        }
        register.clearErrors();
        feedback.set(Feedback.NONE);
        long id = chosen.id();
        LocalDate from = register.from.get();
        change(() -> service.setActive(actor, id, active, from),
                active ? "navigator.activated" : "navigator.deactivated", () -> register.from.set(today()));
    }

    /** "Aktiv sedan 2026-01-01", "Inaktiv från 2026-12-01 (aktiv till dess)": where the navigator stands today. */
    public String status(Navigator navigator) {
        Navigator.Status status = navigator.statusOn(today());
        if (status.since() == null) {
            return status.nextChange() == null ? "" : texts.format("navigator.status.from", status.nextChange());
        }
        String now = texts.format(status.active() ? "navigator.status.active" : "navigator.status.inactive",
                status.since());
        return status.nextChange() == null ? now : texts.format(status.active()
                ? "navigator.status.activeUntil" : "navigator.status.inactiveUntil", now, status.nextChange());
    }

    private void change(Callable<Optional<Refusal>> work, String doneKey, Runnable afterDone) {
        tasks.run(work, refusal -> {
            if (refusal.isPresent()) {
                String text = EnumTexts.refusal(texts, refusal.get());
                String key = refusal.get().reason();
                if (key.endsWith(".name")) {
                    register.nameError.set(text);
                } else if (key.endsWith(".cap")) {
                    register.capError.set(text);
                } else {
                    register.fromError.set(text);
                }
                feedback.set(Feedback.refused(texts.get("form.fixErrors")));
            } else {
                feedback.set(Feedback.done(texts.get(doneKey)));
                afterDone.run();
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

    /** What the last command did, or why it was refused. */
    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** The banner goes: the user moved to another tab or screen. */
    public void clearFeedback() {
        feedback.set(Feedback.NONE);
    }
}
