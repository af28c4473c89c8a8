package se.lotsbok.ui.user;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.navigator.NavigatorRef;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.user.UserService;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Tasks;

/** "Användare": the administrator's list of accounts and the form for one. */
public final class UsersViewModel {

    private final UserService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Consumer<Throwable> onError;

    private final ObservableList<UserAccount> users = FXCollections.observableArrayList();
    private final ObservableList<NavigatorRef> navigators = FXCollections.observableArrayList();
    private final ObjectProperty<UserAccount> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);
    private final ObjectProperty<NavigatorRef> navigator = new SimpleObjectProperty<>(this, "navigator");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeated = new SimpleStringProperty(this, "repeated", "");
    private final ReadOnlyObjectWrapper<Feedback> message = new ReadOnlyObjectWrapper<>(this, "message", Feedback.NONE);
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating", true);

    public UsersViewModel(UserService service, Actor actor, Tasks tasks, Texts texts, Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.onError = onError;
        for (Role role : Role.values()) {
            roles.put(role, new SimpleBooleanProperty(this, role.name()));
        }
        selected.addListener((obs, old, user) -> {
            if (user != null) {
                show(user);
            }
        });
    }

    public void load() {
        tasks.run(() -> new Object[] {service.list(actor), service.navigators(actor)}, lists -> {
            @SuppressWarnings("unchecked")
            java.util.List<UserAccount> accounts = (java.util.List<UserAccount>) lists[0];
            @SuppressWarnings("unchecked")
            java.util.List<NavigatorRef> refs = (java.util.List<NavigatorRef>) lists[1];
            users.setAll(accounts);
            navigators.setAll(refs);
        }, onError);
    }

    /** Empties the form for a new account. */
    public void newUser() {
        selected.set(null);
        creating.set(true);
        username.set("");
        displayName.set("");
        roles.values().forEach(r -> r.set(false));
        roles.get(Role.NAVIGATOR).set(true);
        navigator.set(null);
        password.set("");
        repeated.set("");
        message.set(Feedback.NONE);
    }

    /** Creates the account (with its temporary password) or saves the changes to the chosen one. */
    public void save() {
        Set<Role> chosen = chosenRoles();
        Long navigatorId = navigator.get() == null ? null : navigator.get().id();
        if (creating.get()) {
            char[] secret = password.get().toCharArray();
            char[] again = repeated.get().toCharArray();
            run(() -> service.create(actor, username.get(), displayName.get(), chosen, navigatorId, secret, again),
                    "users.created");
        } else {
            long id = selected.get().id();
            run(() -> service.update(actor, id, displayName.get(), chosen, navigatorId), "users.saved");
        }
    }

    public void deactivate() {
        if (selected.get() != null) {
            long id = selected.get().id();
            run(() -> service.deactivate(actor, id), "users.deactivated");
        }
    }

    /** Gives the chosen user the temporary password typed in the form. */
    public void resetPassword() {
        if (selected.get() != null) {
            long id = selected.get().id();
            char[] secret = password.get().toCharArray();
            char[] again = repeated.get().toCharArray();
            run(() -> service.resetPassword(actor, id, secret, again), "users.passwordReset");
        }
    }

    private void run(java.util.concurrent.Callable<UserService.Outcome> work, String doneKey) {
        message.set(Feedback.NONE);
        tasks.run(work, outcome -> {
            switch (outcome) {
                case UserService.Done done -> {
                    password.set("");
                    repeated.set("");
                    message.set(Feedback.done(texts.format(doneKey, done.user().username())
                            + (done.keyChange() == null ? "" : " " + SecurityViewModel.keyChangeText(texts,
                                    done.keyChange()))));
                    load();
                    selected.set(done.user());
                }
                case UserService.Rejected rejected ->
                        message.set(Feedback.refused(texts.get("credentials." + rejected.problem().name())));
                case UserService.NotPossible notPossible ->
                        message.set(Feedback.refused(texts.get(notPossible.reason())));
            }
        }, onError);
    }

    private void show(UserAccount user) {
        creating.set(false);
        username.set(user.username());
        displayName.set(user.displayName());
        roles.forEach((role, on) -> on.set(user.roles().contains(role)));
        navigator.set(navigators.stream().filter(n -> user.navigatorId() != null && n.id() == user.navigatorId())
                .findFirst().orElse(null));
        password.set("");
        repeated.set("");
    }

    private Set<Role> chosenRoles() {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        roles.forEach((role, on) -> {
            if (on.get()) {
                chosen.add(role);
            }
        });
        return chosen;
    }

    /**
     * A user's status as the list shows it: deactivated, active, or active with the temporary password
     * an administrator gave still not replaced (after the unit's days it opens nothing, and the user
     * needs a new one).
     */
    public String status(UserAccount user) {
        if (!user.active()) {
            return texts.get("users.inactive");
        }
        return texts.get(user.mustChangePassword() ? "users.activeTemporary" : "users.active");
    }

    public ObservableList<UserAccount> users() {
        return users;
    }

    public ObservableList<NavigatorRef> navigators() {
        return navigators;
    }

    public ObjectProperty<UserAccount> selectedProperty() {
        return selected;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public BooleanProperty roleProperty(Role role) {
        return roles.get(role);
    }

    public ObjectProperty<NavigatorRef> navigatorProperty() {
        return navigator;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatedProperty() {
        return repeated;
    }

    /** What the last command did, or why it was refused. */
    public ReadOnlyObjectProperty<Feedback> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void clearMessage() {
        message.set(Feedback.NONE);
    }

    /** True while the form is for a new account (the user name can be typed). */
    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }
}
