package se.lotsbok.ui.settings;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Tasks;

/** "Ditt lösenord" on Inställningar: the logged-in user changes their own password, giving the current one. */
public final class OwnPasswordViewModel {

    /** Changes the password of the logged-in user; a problem, or empty when it was changed. */
    @FunctionalInterface
    public interface Change {
        Optional<Credentials.Problem> change(char[] current, char[] password, char[] repeated);
    }

    private final Change change;
    private final Tasks tasks;
    private final Texts texts;
    private final Consumer<Throwable> onError;

    private final StringProperty current = new SimpleStringProperty(this, "current", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeated = new SimpleStringProperty(this, "repeated", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public OwnPasswordViewModel(Change change, Tasks tasks, Texts texts, Consumer<Throwable> onError) {
        this.change = change;
        this.tasks = tasks;
        this.texts = texts;
        this.onError = onError;
    }

    public void submit() {
        char[] now = current.get().toCharArray();
        char[] fresh = password.get().toCharArray();
        char[] again = repeated.get().toCharArray();
        message.set("");
        tasks.run(() -> change.change(now, fresh, again), problem -> {
            Arrays.fill(now, '\0');
            current.set("");
            if (problem.isPresent()) {
                message.set(texts.get("credentials." + problem.get().name()));
            } else {
                password.set("");
                repeated.set("");
                message.set(texts.get("settings.password.changed"));
            }
        }, onError);
    }

    public StringProperty currentProperty() {
        return current;
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
}
