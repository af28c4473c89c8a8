package se.lotsbok.ui.user;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.lotsbok.domain.settings.SecuritySettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.settings.SettingsService;
import se.lotsbok.service.user.UserKeys;
import se.lotsbok.service.user.UserService;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.Question;
import se.lotsbok.ui.common.Tasks;

/**
 * The administrator's security settings on "Användare" (minutes before an unused window locks, days a
 * temporary password lasts) and "Byt registrets nyckel".
 */
public final class SecurityViewModel {

    /** The id of the question's go-ahead button. */
    public static final String CHANGE_KEY_BUTTON_ID = "confirmChangeKeyButton";

    private final SettingsService settings;
    private final UserService users;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Dialogs dialogs;
    private final Consumer<Throwable> onError;

    private final StringProperty idleMinutes = new SimpleStringProperty(this, "idleMinutes", "");
    private final StringProperty temporaryDays = new SimpleStringProperty(this, "temporaryDays", "");
    private final ReadOnlyStringWrapper idleMinutesError = new ReadOnlyStringWrapper(this, "idleMinutesError", "");
    private final ReadOnlyStringWrapper temporaryDaysError = new ReadOnlyStringWrapper(this, "temporaryDaysError", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    public SecurityViewModel(SettingsService settings, UserService users, Actor actor, Tasks tasks, Texts texts,
            Dialogs dialogs, Consumer<Throwable> onError) {
        this.settings = settings;
        this.dialogs = dialogs;
        this.users = users;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.onError = onError;
    }

    public void load() {
        tasks.run(settings::loadSecurity, loaded -> {
            idleMinutes.set(Integer.toString(loaded.idleLockMinutes()));
            temporaryDays.set(Integer.toString(loaded.temporaryPasswordDays()));
        }, onError);
    }

    /** Saves both numbers, or shows beside each field why it is refused (what was typed stays). */
    public void save() {
        message.set("");
        Integer minutes = number(idleMinutes.get(), SecuritySettings.MIN_IDLE_MINUTES, SecuritySettings.MAX_IDLE_MINUTES,
                idleMinutesError);
        Integer days = number(temporaryDays.get(), SecuritySettings.MIN_TEMPORARY_DAYS,
                SecuritySettings.MAX_TEMPORARY_DAYS, temporaryDaysError);
        if (minutes == null || days == null) {
            return;
        }
        SecuritySettings chosen = new SecuritySettings(minutes, days);
        tasks.run(() -> {
            settings.saveSecurity(actor, chosen);
            return chosen;
        }, saved -> message.set(texts.get("security.saved")), onError);
    }

    /** Encrypts the register anew under a new key for the remaining users, when the administrator says yes. */
    public void changeKey() {
        message.set("");
        if (!dialogs.confirm(Question.warn(texts.get("security.changeKey"), texts.get("security.changeKey.confirm"))
                .go(texts.get("security.changeKey"), CHANGE_KEY_BUTTON_ID))) {
            return;
        }
        busy.set(true);
        tasks.run(() -> users.changeKey(actor), change -> {
            busy.set(false);
            message.set(keyChangeText(texts, change));
        }, error -> {
            busy.set(false);
            onError.accept(error);
        });
    }

    /** Whether the register has a key of its own to change (a data folder's; an office server's has none). */
    public boolean mayChangeKey() {
        return users.mayChangeKey();
    }

    /** What a key change came to, in the user's words. */
    static String keyChangeText(Texts texts, UserKeys.KeyChange change) {
        String text = texts.get(change.changed() ? "users.keyChanged" : "users.keyChangeDue");
        return change.leftOut().isEmpty() ? text
                : text + " " + texts.format("users.keyLeftOut", String.join(", ", change.leftOut()));
    }

    private Integer number(String typed, int min, int max, ReadOnlyStringWrapper error) {
        try {
            int value = Integer.parseInt(typed.strip());
            if (value >= min && value <= max) {
                error.set("");
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        error.set(texts.format("security.range", min, max));
        return null;
    }

    public StringProperty idleMinutesProperty() {
        return idleMinutes;
    }

    public StringProperty temporaryDaysProperty() {
        return temporaryDays;
    }

    public ReadOnlyStringProperty idleMinutesErrorProperty() {
        return idleMinutesError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty temporaryDaysErrorProperty() {
        return temporaryDaysError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
