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
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.AuthService;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.RegisterUnavailable;
import se.lotsbok.service.auth.Session;
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

    private final AuthService auth;
    private final Tasks tasks;
    private final Texts texts;
    private final Clock clock;
    private final Consumer<Session> onReady;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeated = new SimpleStringProperty(this, "repeated", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Session pending;
    /** The temporary password just typed, the "current" one when the new password is set. */
    private char[] temporary;

    public LoginViewModel(AuthService auth, Tasks tasks, Texts texts, Clock clock, Consumer<Session> onReady) {
        this.auth = auth;
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
        this.onReady = onReady;
        mode.set(auth.needsFirstAdministrator() ? Mode.FIRST_ADMINISTRATOR : Mode.LOGIN);
    }

    /** Logs in, creates the first administrator or sets the new password, depending on the mode. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        message.set("");
        switch (mode.get()) {
            case FIRST_ADMINISTRATOR -> createFirstAdministrator();
            case LOGIN -> login();
            case CHANGE_PASSWORD -> changePassword();
        }
    }

    private void createFirstAdministrator() {
        char[] secret = password.get().toCharArray();
        char[] again = repeated.get().toCharArray();
        run(() -> auth.createFirstAdministrator(username.get(), displayName.get(), secret, again), result -> {
            switch (result) {
                case AuthService.Created created -> ready(created.session());
                case AuthService.Rejected rejected -> message.set(texts.get("credentials." + rejected.problem().name()));
            }
        });
    }

    private void login() {
        char[] secret = password.get().toCharArray();
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
            done.accept(result);
        }, error -> {
            busy.set(false);
            message.set(messageFor(error));
        });
    }

    private String messageFor(Throwable error) {
        if (error instanceof RegisterUnavailable unavailable) {
            return switch (unavailable.reason()) {
                case IN_USE -> texts.get("error.inUse");
                case TOO_NEW -> texts.format("error.tooNew", unavailable.fileVersion());
                case CANNOT_OPEN -> texts.format("error.cannotOpen", auth.folder().toAbsolutePath());
            };
        }
        return texts.format("error.cannotOpen", auth.folder().toAbsolutePath());
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

    /** The shortest password accepted, for the hint under the field. */
    public int minimumPasswordLength() {
        return Credentials.MIN_PASSWORD_LENGTH;
    }
}
