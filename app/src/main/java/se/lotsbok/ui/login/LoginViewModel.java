package se.lotsbok.ui.login;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.AppVersion;
import se.lotsbok.service.auth.AuthService;
import se.lotsbok.service.auth.Login;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.RegisterUnavailable;
import se.lotsbok.service.auth.Session;
import se.lotsbok.ui.about.AboutViewModel;
import se.lotsbok.ui.common.Tasks;

/**
 * The login screen: first start (the first administrator is created), an ordinary login, and the
 * change of a temporary password. Passwords leave the fields only as character arrays.
 */
public final class LoginViewModel {

    public enum Mode {
        FIRST_ADMINISTRATOR,
        LOGIN,
        CHANGE_PASSWORD
    }

    private final Login auth;
    private final Tasks tasks;
    private final Texts texts;
    private final Clock clock;
    private final Consumer<Session> onReady;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty unitName = new SimpleStringProperty(this, "unitName", "");
    private final ReadOnlyStringWrapper unitNameError = new ReadOnlyStringWrapper(this, "unitNameError", "");
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper(this, "working", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeated = new SimpleStringProperty(this, "repeated", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** While the key file is read after the first frame, to confirm the mode. */
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private Session pending;
    /** The temporary password just typed, the "current" one when the new password is set. */
    private char[] temporary;

    public LoginViewModel(Login auth, Tasks tasks, Texts texts, Clock clock, Consumer<Session> onReady) {
        this.auth = auth;
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
        this.onReady = onReady;
        if (!auth.mayHaveUsers()) {
            mode.set(Mode.FIRST_ADMINISTRATOR);
            return;
        }
        // The usual case, decided without reading the key file (which would load the JSON library
        // before the first frame); confirmed in the background, with the button held until then.
        mode.set(Mode.LOGIN);
        checking.set(true);
        tasks.run(auth::needsFirstAdministrator, first -> {
            checking.set(false);
            if (first) {
                mode.set(Mode.FIRST_ADMINISTRATOR);
            }
        }, error -> {
            checking.set(false);
            message.set(messageFor(error));
        });
    }

    /** Logs in, creates the first administrator or sets the new password, depending on the mode. */
    public void submit() {
        if (busy.get() || checking.get()) {
            return;
        }
        message.set("");
        switch (mode.get()) {
            case FIRST_ADMINISTRATOR -> createFirstAdministrator();
            case LOGIN -> login();
            case CHANGE_PASSWORD -> changePassword();
        }
    }

    /**
     * Creates the register, its first administrator and the unit's name (which goes into every
     * export). The name is checked before anything is created; creating takes some seconds, and the
     * screen says what is going on meanwhile.
     */
    private void createFirstAdministrator() {
        String unit = TypedText.strip(unitName.get());
        Optional<Refusal> badName = unit.isEmpty() ? Optional.of(new Refusal("login.unitName.missing"))
                : UnitSettings.checkName(unit);
        unitNameError.set(badName.map(r -> Messages.text(texts, r)).orElse(""));
        if (badName.isPresent()) {
            message.set(texts.get("form.fixErrors"));
            return;
        }
        char[] secret = password.get().toCharArray();
        char[] again = repeated.get().toCharArray();
        working.set(texts.get("login.working.FIRST_ADMINISTRATOR"));
        run(() -> {
            AuthService.FirstAdministrator result = auth.createFirstAdministrator(username.get(), displayName.get(),
                    secret, again);
            if (result instanceof AuthService.Created created) {
                var settings = created.session().services().settings();
                UnitSettings defaults = settings.load();
                settings.save(created.session().actor(), new UnitSettings(unit, defaults.caseloadCap(),
                        defaults.youthBand(), defaults.youngAdultsBand()));
            }
            return result;
        }, result -> {
            switch (result) {
                case AuthService.Created created -> ready(created.session());
                case AuthService.Rejected rejected -> message.set(texts.get("credentials." + rejected.problem().name()));
            }
        });
    }

    private void login() {
        char[] secret = password.get().toCharArray();
        working.set(texts.get("login.working.LOGIN"));
        run(() -> auth.login(username.get(), secret), result -> {
            switch (result) {
                case LoginResult.LoggedIn loggedIn -> {
                    temporary = secret;
                    ready(loggedIn.session());
                }
                case LoginResult.Expired expired -> {
                    password.set("");
                    message.set(texts.get("login.expired"));
                }
                case LoginResult.Refused refused -> {
                    password.set("");
                    message.set(texts.get("login.refused"));
                }
                case LoginResult.MustWait wait -> {
                    password.set("");
                    message.set(texts.format("login.mustWait",
                            Math.max(1, Duration.between(clock.instant(), wait.until()).toSeconds())));
                }
            }
        });
    }

    private void changePassword() {
        char[] secret = password.get().toCharArray();
        char[] again = repeated.get().toCharArray();
        Session session = pending;
        char[] current = temporary;
        run(() -> session.changePassword(current, secret, again), problem -> {
            if (problem.isPresent()) {
                message.set(texts.get("credentials." + problem.get().name()));
            } else {
                pending = null;
                java.util.Arrays.fill(temporary, '\0');
                temporary = null;
                onReady.accept(session);
            }
        });
    }

    private void ready(Session session) {
        password.set("");
        repeated.set("");
        if (session.mustChangePassword()) {
            pending = session;
            mode.set(Mode.CHANGE_PASSWORD);
            message.set(texts.get("login.mustChange"));
        } else {
            if (temporary != null) {
                java.util.Arrays.fill(temporary, '\0');
                temporary = null;
            }
            onReady.accept(session);
        }
    }

    private <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> done) {
        busy.set(true);
        tasks.run(work, result -> {
            busy.set(false);
            working.set("");
            done.accept(result);
        }, error -> {
            busy.set(false);
            working.set("");
            message.set(messageFor(error));
        });
    }

    private String messageFor(Throwable error) {
        if (error instanceof RegisterUnavailable unavailable) {
            return switch (unavailable.reason()) {
                case IN_USE -> texts.get("error.inUse");
                case TOO_NEW -> texts.format("error.tooNew", unavailable.fileVersion());
                case SERVER_NOT_READY -> texts.get("error.serverNotReady");
                case CANNOT_OPEN -> texts.format("error.cannotOpen", auth.location());
            };
        }
        return texts.format("error.cannotOpen", auth.location());
    }

    /** The session waiting for a new password, if any; closed if the user gives up. */
    public Optional<Session> pendingSession() {
        return Optional.ofNullable(pending);
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    /** The unit's name, asked for on first start: it goes into every export. */
    public StringProperty unitNameProperty() {
        return unitName;
    }

    public ReadOnlyStringProperty unitNameErrorProperty() {
        return unitNameError.getReadOnlyProperty();
    }

    /** What is going on while the screen waits ("Registret skapas och krypteras …"); empty otherwise. */
    public ReadOnlyStringProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatedProperty() {
        return repeated;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True until the mode is confirmed (a moment after the window opens); nothing can be submitted. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** The program's version, shown under the form. */
    public String version() {
        return AppVersion.get();
    }

    /** *Om Lotsbok* for this data folder or office server. */
    public AboutViewModel about() {
        return new AboutViewModel(AppVersion.get(), auth.isServer() ? auth.location() : "", auth.folder(),
                AboutViewModel.FolderOpener.system(), texts, "");
    }

    /** The shortest password accepted, for the hint under the field. */
    public int minimumPasswordLength() {
        return Credentials.MIN_PASSWORD_LENGTH;
    }
}
