package se.lotsbok.ui.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.backup.BackupSettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.maintenance.MaintenanceService;
import se.lotsbok.service.maintenance.RestoreRefused;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Question;
import se.lotsbok.ui.common.Tasks;

/**
 * "Säkerhetskopior": where the automatic backups go and how many are kept, the backups there, a
 * backup on demand, and a restore. After a restore (or a restore refused because others are
 * logged in, which also ends the session) {@code onSessionEnded} gets the message to show before
 * the login screen.
 */
public final class BackupViewModel {

    public static final String RESTORE_BUTTON_ID = "confirmRestoreButton";

    private final MaintenanceService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Dialogs dialogs;
    private final Consumer<Throwable> onError;
    private final Consumer<String> onSessionEnded;
    private final ObservableList<MaintenanceService.BackupFile> backups = FXCollections.observableArrayList();
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final StringProperty keep = new SimpleStringProperty(this, "keep", "");
    private final ReadOnlyStringWrapper folderError = new ReadOnlyStringWrapper(this, "folderError", "");
    private final ReadOnlyStringWrapper keepError = new ReadOnlyStringWrapper(this, "keepError", "");
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper(this, "location", "");
    private final ReadOnlyObjectWrapper<Feedback> message = new ReadOnlyObjectWrapper<>(this, "message", Feedback.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    public BackupViewModel(MaintenanceService service, Actor actor, Tasks tasks, Texts texts, Dialogs dialogs,
            Consumer<Throwable> onError, Consumer<String> onSessionEnded) {
        this.service = service;
        this.dialogs = dialogs;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.onError = onError;
        this.onSessionEnded = onSessionEnded;
    }

    private record Snapshot(BackupSettings settings, Path folder, List<MaintenanceService.BackupFile> backups) {
    }

    public void load() {
        tasks.run(() -> {
            BackupSettings settings = service.backupSettings();
            return new Snapshot(settings, service.folderOf(settings), service.backups(actor));
        }, snapshot -> {
            folder.set(snapshot.settings().folder());
            keep.set(Integer.toString(snapshot.settings().keep()));
            folderError.set("");
            keepError.set("");
            location.set(snapshot.folder().toAbsolutePath().toString());
            backups.setAll(snapshot.backups());
        }, onError);
    }

    /** Saves the folder and the number kept, each checked next to its field first. */
    public void saveSettings() {
        String folderText = folder.get() == null ? "" : folder.get().strip();
        String keepText = keep.get() == null ? "" : keep.get().strip();
        folderError.set(folderText.isEmpty() || Path.of(folderText).isAbsolute() ? "" : texts.get("backup.folder.notAbsolute"));
        int kept;
        try {
            kept = Integer.parseInt(keepText);
            keepError.set(kept >= BackupSettings.MIN_KEEP && kept <= BackupSettings.MAX_KEEP ? ""
                    : texts.format("backup.keep.range", BackupSettings.MIN_KEEP, BackupSettings.MAX_KEEP));
        } catch (NumberFormatException | java.nio.file.InvalidPathException e) {
            kept = 0;
            keepError.set(texts.format("backup.keep.range", BackupSettings.MIN_KEEP, BackupSettings.MAX_KEEP));
        }
        if (!folderError.get().isEmpty() || !keepError.get().isEmpty()) {
            message.set(Feedback.refused(texts.get("form.fixErrors")));
            return;
        }
        BackupSettings settings = new BackupSettings(folderText, kept);
        tasks.run(() -> {
            service.saveBackupSettings(actor, settings);
            return null;
        }, done -> {
            message.set(Feedback.done(texts.get("backup.settings.saved")));
            load();
        }, onError);
    }

    public void backupNow() {
        busy.set(true);
        message.set(Feedback.note(texts.get("backup.working")));
        tasks.run(() -> service.automaticBackup(actor), file -> {
            busy.set(false);
            message.set(Feedback.done(texts.format("backup.done", file.getFileName())));
            load();
        }, error -> {
            busy.set(false);
            message.set(Feedback.refused(texts.get("backup.failed")));
            onError.accept(error);
        });
    }

    /**
     * Replaces the register with the backup {@code file} (named to the user as {@code what}), after a
     * question whose default answer is to go back.
     */
    public void restore(Path file, String what) {
        if (!dialogs.confirm(Question.warn(texts.get("backup.restore.header"), texts.format("backup.restore.text", what))
                .go(texts.get("backup.restore.confirm"), RESTORE_BUTTON_ID))) {
            return;
        }
        busy.set(true);
        message.set(Feedback.note(texts.get("backup.restore.working")));
        tasks.run(() -> service.restore(actor, file), (MaintenanceService.Restored restored) -> {
            busy.set(false);
            onSessionEnded.accept(texts.format("backup.restore.done", file.getFileName(), restored.participants()));
        }, error -> {
            busy.set(false);
            switch (error) {
                case RestoreRefused refused when refused.reason() == RestoreRefused.Reason.IN_USE ->
                        onSessionEnded.accept(texts.get("backup.restore.inUse"));
                case RestoreRefused refused ->
                        message.set(Feedback.refused(texts.get("backup.bad." + refused.reason().name())));
                default -> {
                    message.set(Feedback.refused(texts.get("backup.restore.failed")));
                    onError.accept(error);
                }
            }
        });
    }

    public ObservableList<MaintenanceService.BackupFile> backups() {
        return backups;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty keepProperty() {
        return keep;
    }

    public ReadOnlyStringProperty folderErrorProperty() {
        return folderError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keepErrorProperty() {
        return keepError.getReadOnlyProperty();
    }

    /** The folder the backups go to now, in full. */
    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }

    /** What the last command did (a backup made: green), or why it failed or was refused (red). */
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
