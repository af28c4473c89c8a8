package se.lotsbok.ui.shell;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.AppServices;
import se.lotsbok.ui.access.AccessLogScreen;
import se.lotsbok.ui.access.AccessLogViewModel;
import se.lotsbok.ui.backup.BackupScreen;
import se.lotsbok.ui.backup.BackupViewModel;
import se.lotsbok.ui.backup.ServerMoveViewModel;
import se.lotsbok.ui.combine.CombineScreen;
import se.lotsbok.ui.combine.CombineViewModel;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.ParticipantChanges;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.extract.ExtractDialog;
import se.lotsbok.ui.extract.ExtractViewModel;
import se.lotsbok.ui.journal.TodoScreen;
import se.lotsbok.ui.journal.TodoViewModel;
import se.lotsbok.ui.navigator.NavigatorsScreen;
import se.lotsbok.ui.navigator.NavigatorsViewModel;
import se.lotsbok.ui.participant.ParticipantsScreen;
import se.lotsbok.ui.participant.ParticipantsViewModel;
import se.lotsbok.ui.report.ReportsScreen;
import se.lotsbok.ui.report.ReportsViewModel;
import se.lotsbok.ui.retention.RetentionScreen;
import se.lotsbok.ui.retention.RetentionViewModel;
import se.lotsbok.ui.settings.OwnPasswordViewModel;
import se.lotsbok.ui.settings.SettingsScreen;
import se.lotsbok.ui.settings.SettingsViewModel;
import se.lotsbok.ui.user.SecurityViewModel;
import se.lotsbok.ui.user.UsersScreen;
import se.lotsbok.ui.user.UsersViewModel;

/**
 * The one place that makes the main window's screens, each with its view model, the first time
 * it is chosen. A new screen is one more case here and one more {@link Place}.
 */
final class Screens {

    /** What the screens need from the window around them. */
    record Window(Supplier<UnitSettings> unitSettings, LongConsumer openParticipant,
            Predicate<Locale> languageChanged, Consumer<UnitSettings> settingsChanged,
            Consumer<String> sessionEnded, OwnPasswordViewModel.Change passwordChange) {
    }

    private final AppServices services;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Dialogs dialogs;
    private final FileDialogs files;
    private final Consumer<Throwable> errors;
    private final Window window;
    private final ParticipantChanges changes = new ParticipantChanges();
    private final Map<Place, Screen> made = new EnumMap<>(Place.class);

    Screens(AppServices services, Actor actor, Tasks tasks, Texts texts, Dialogs dialogs, FileDialogs files,
            Consumer<Throwable> errors, Window window) {
        this.services = services;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.dialogs = dialogs;
        this.files = files;
        this.errors = errors;
        this.window = window;
    }

    /** The screen of {@code place}, made now if this is the first time. */
    Screen get(Place place) {
        return made.computeIfAbsent(place, this::make);
    }

    /** The screens made so far (a screen never shown has nothing unsaved). */
    Collection<Screen> made() {
        return made.values();
    }

    /** The Deltagare screen, for Ctrl+N, Ctrl+F and opening a participant from elsewhere. */
    ParticipantsScreen participants() {
        return (ParticipantsScreen) get(Place.PARTICIPANTS);
    }

    private Screen make(Place place) {
        return switch (place) {
            case TODO -> new TodoScreen(new TodoViewModel(services.notes(), actor, tasks, texts, changes, errors),
                    texts, window.openParticipant());
            case PARTICIPANTS -> participantsScreen();
            case NAVIGATORS -> new NavigatorsScreen(new NavigatorsViewModel(services.navigators(), actor, tasks,
                    texts, services.clock(), dialogs, changes, errors), texts);
            case REPORTS -> new ReportsScreen(new ReportsViewModel(services.reports(), services.imports(), actor,
                    tasks, texts, services.clock(), dialogs, errors), texts, files);
            case ACCESS_LOG -> new AccessLogScreen(new AccessLogViewModel(services.accessLog(),
                    services.participants(), actor, tasks, texts, services.clock(), errors), texts, files);
            case RETENTION -> new RetentionScreen(new RetentionViewModel(services.retention(), actor, tasks, texts,
                    services.clock().getZone(), dialogs, errors), texts);
            case COMBINE -> new CombineScreen(new CombineViewModel(tasks, texts, services.clock(), errors), texts,
                    files);
            case USERS -> new UsersScreen(new UsersViewModel(services.users(), actor, tasks, texts, errors),
                    new SecurityViewModel(services.settings(), services.users(), actor, tasks, texts, dialogs, errors),
                    texts);
            case BACKUPS -> new BackupScreen(new BackupViewModel(services.maintenance(), actor, tasks, texts,
                    dialogs, errors, window.sessionEnded()), new ServerMoveViewModel(services.move(), actor, tasks,
                    texts, dialogs, errors, window.sessionEnded()), texts, files);
            case SETTINGS -> new SettingsScreen(new SettingsViewModel(services.settings(), actor, tasks, texts,
                    window.languageChanged(), window.settingsChanged(), errors),
                    new OwnPasswordViewModel(window.passwordChange(), tasks, texts, errors), texts);
        };
    }

    /** The register and the open participant, with the register extract beside the name for those who may make one. */
    private ParticipantsScreen participantsScreen() {
        ParticipantsViewModel model = new ParticipantsViewModel(services.participants(), services.cases(),
                services.navigators(), services.notes(), services.accessLog(), actor, tasks, texts,
                window.unitSettings(), services.clock(), dialogs, changes, errors);
        ParticipantsScreen screen = new ParticipantsScreen(model, texts);
        if (services.extracts().mayExtract(actor)) {
            screen.addCaseFileAction(ExtractDialog.openButton(texts, model.form().participantIdProperty(),
                    id -> ExtractDialog.show(new ExtractViewModel(services.extracts(), actor, id, tasks, texts, errors),
                            texts, files, screen.node().getScene().getWindow(), model.caseFile()::refresh)));
        }
        return screen;
    }
}
