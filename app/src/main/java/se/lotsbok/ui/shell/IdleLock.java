package se.lotsbok.ui.shell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.ui.common.Tasks;

/**
 * Locks the window after a time without use (a setting, 15 minutes by default) and unlocks it with
 * the user's password. Only the window is locked: the session, its forms and drafts stay as they were.
 */
public final class IdleLock {

    private final Clock clock;
    private final Duration timeout;
    private final Function<char[], Session.PasswordCheck> checkPassword;
    private final Tasks tasks;
    private final Texts texts;
    private Instant lastUse;

    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked", false);
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    /** @param checkPassword checks the user's password as a login would (counting a wrong one) */
    public IdleLock(Clock clock, Duration timeout, Function<char[], Session.PasswordCheck> checkPassword, Tasks tasks,
            Texts texts) {
        this.clock = clock;
        this.timeout = timeout;
        this.checkPassword = checkPassword;
        this.tasks = tasks;
        this.texts = texts;
        this.lastUse = clock.instant();
    }

    /** The user did something (a key, the mouse): the time without use starts again. */
    public void used() {
        if (!locked.get()) {
            lastUse = clock.instant();
        }
    }

    /** Locks the window if it has not been used for the whole time; called every few seconds. */
    public void check() {
        if (!locked.get() && !clock.instant().isBefore(lastUse.plus(timeout))) {
            password.set("");
            message.set("");
            locked.set(true);
        }
    }

    /** Checks the password typed; the right one unlocks. */
    public void unlock() {
        if (!locked.get() || busy.get()) {
            return;
        }
        char[] secret = password.get().toCharArray();
        password.set("");
        busy.set(true);
        tasks.run(() -> checkPassword.apply(secret), result -> {
            busy.set(false);
            java.util.Arrays.fill(secret, '\0');
            switch (result) {
                case Session.Right right -> {
                    message.set("");
                    lastUse = clock.instant();
                    locked.set(false);
                }
                case Session.Wrong wrong -> message.set(texts.get("lock.wrong"));
                case Session.MustWait wait -> message.set(texts.format("login.mustWait",
                        Math.max(1, Duration.between(clock.instant(), wait.until()).toSeconds())));
            }
        }, error -> {
            busy.set(false);
            message.set(texts.get("lock.wrong"));
        });
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How long the window may stand unused before it locks. */
    public Duration timeout() {
        return timeout;
    }
}
