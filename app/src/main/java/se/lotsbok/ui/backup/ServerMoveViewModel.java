package se.lotsbok.ui.backup;

import java.util.Arrays;
import java.util.Locale;
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
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.maintenance.ServerMove;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Question;
import se.lotsbok.ui.common.Tasks;

/**
 * "Flytta registret till kontorsservern" on Säkerhetskopior: the administrator of a data folder's
 * register names the server's database, gives its installer's login and their own password again,
 * answers a question that says what will happen, and the register is copied in the background.
 * A refusal is shown beside the field it concerns or under the form, with everything typed kept but
 * the passwords; after the move the session ends ({@code onSessionEnded} gets what was moved and
 * what to do next), since the register's work goes on on the server.
 */
public final class ServerMoveViewModel {

    public static final String CONFIRM_BUTTON_ID = "confirmMoveButton";

    private final ServerMove move;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Dialogs dialogs;
    private final Consumer<Throwable> onError;
    private final Consumer<String> onSessionEnded;

    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty installer = new SimpleStringProperty(this, "installer", "");
    private final StringProperty installerPassword = new SimpleStringProperty(this, "installerPassword", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper addressError = new ReadOnlyStringWrapper(this, "addressError", "");
    private final ReadOnlyStringWrapper installerError = new ReadOnlyStringWrapper(this, "installerError", "");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper(this, "passwordError", "");
    private final ReadOnlyObjectWrapper<Feedback> message = new ReadOnlyObjectWrapper<>(this, "message", Feedback.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    public ServerMoveViewModel(ServerMove move, Actor actor, Tasks tasks, Texts texts, Dialogs dialogs,
            Consumer<Throwable> onError, Consumer<String> onSessionEnded) {
        this.move = move;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.dialogs = dialogs;
        this.onError = onError;
        this.onSessionEnded = onSessionEnded;
    }

    /** Whether the form is offered: the register is in a data folder, not on a server already. */
    public boolean possible() {
        return move.possible();
    }

    /**
     * Checks the fields, asks whether to go ahead, and moves the register in the background. The
     * passwords are taken out of the form as the move starts and wiped when it ends.
     */
    public void move() {
        String typed = address.get() == null ? "" : address.get().strip();
        String login = installer.get() == null ? "" : installer.get().strip();
        Optional<String> server = ServerMove.address(typed);
        addressError.set(typed.isEmpty() ? texts.get("move.address.missing")
                : server.isEmpty() ? texts.get("move.address.invalid") : "");
        installerError.set(login.isEmpty() ? texts.get("move.installer.missing") : "");
        passwordError.set(password.get() == null || password.get().isEmpty() ? texts.get("move.password.missing") : "");
        if (!addressError.get().isEmpty() || !installerError.get().isEmpty() || !passwordError.get().isEmpty()) {
            message.set(Feedback.refused(texts.get("move.fixErrors")));
            return;
        }
        if (!dialogs.confirm(Question.warn(texts.get("move.confirm.header"),
                texts.format("move.confirm.text", server.get()))
                .go(texts.get("move.confirm.go"), CONFIRM_BUTTON_ID))) {
            return;
        }
        char[] own = password.get().toCharArray();
        char[] installers = installerPassword.get() == null || installerPassword.get().isEmpty() ? null
                : installerPassword.get().toCharArray();
        password.set("");
        installerPassword.set("");
        busy.set(true);
        message.set(Feedback.note(texts.format("move.working", server.get())));
        tasks.run(() -> {
            try {
                return move.move(actor, server.get(), own, login, installers);
            } finally {
                Arrays.fill(own, '\0');
                if (installers != null) {
                    Arrays.fill(installers, '\0');
                }
            }
        }, moved -> {
            busy.set(false);
            message.set(Feedback.NONE);
            onSessionEnded.accept(String.join("\n\n",
                    texts.format("move.done", moved.server(), moved.participants(), moved.users(), moved.logEntries()),
                    texts.format("move.signingKey", SigningKey.grouped(moved.fingerprint())),
                    texts.format("move.next", moved.server())));
        }, error -> {
            busy.set(false);
            if (error instanceof ServerMove.Refused refused) {
                refused(refused.problem());
            } else {
                message.set(Feedback.refused(texts.get("move.failed")));
                onError.accept(error);
            }
        });
    }

    private void refused(ServerMove.Problem problem) {
        String why = switch (problem) {
            case WRONG_PASSWORD -> texts.get("move.refused.WRONG_PASSWORD");
            case INSTALLER_REFUSED -> texts.get("move.refused.INSTALLER_REFUSED");
            // The command's own words, which the window shows as a sentence of their own.
            case UNREACHABLE -> sentence(texts.get("cli.error.unreachable"));
            default -> sentence(texts.get("cli.move.refused." + problem.name()));
        };
        ReadOnlyStringWrapper field = switch (problem) {
            case WRONG_PASSWORD -> passwordError;
            case INSTALLER_REFUSED -> installerError;
            case UNREACHABLE, SERVER_NOT_READY, SERVER_NOT_EMPTY -> addressError;
            default -> null;
        };
        if (field == null) {
            message.set(Feedback.refused(why));
        } else {
            field.set(why);
            message.set(Feedback.refused(texts.get("move.refusedAtField")));
        }
    }

    private static String sentence(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty installerProperty() {
        return installer;
    }

    public StringProperty installerPasswordProperty() {
        return installerPassword;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty installerErrorProperty() {
        return installerError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    /** Work going on (grey), or why the move was refused (red); the move itself ends the session. */
    public ReadOnlyObjectProperty<Feedback> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void clearMessage() {
        message.set(Feedback.NONE);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
