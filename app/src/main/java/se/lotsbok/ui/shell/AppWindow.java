package se.lotsbok.ui.shell;

import java.time.Clock;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.event.EventHandler;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.input.InputEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import se.lotsbok.domain.settings.SecuritySettings;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Login;
import se.lotsbok.service.auth.Session;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.login.LoginScreen;
import se.lotsbok.ui.login.LoginViewModel;

/**
 * The one window of the app: the login screen first (nothing of the register shows before), then
 * the main window for the logged-in user, and the login screen again after logging out.
 */
public final class AppWindow {

    private static final System.Logger LOG = System.getLogger(AppWindow.class.getName());

    private final Login auth;
    private final Tasks tasks;
    private final LanguagePreference language;
    private final Clock clock;
    private final FileDialogs fileDialogs;
    private Stage stage;
    private Session session;
    private LoginViewModel login;
    /** Takes the day's automatic backup while someone is logged in. */
    private Timeline backups;
    /** Locks the window after the unit's minutes without use. */
    private IdleLock idleLock;
    private Timeline idleChecks;
    private final EventHandler<InputEvent> use = e -> {
        if (idleLock != null) {
            idleLock.used();
        }
    };
    private MainWindow mainWindow;
    /** What the window showed when it locked. */
    private Parent lockedAway;

    public AppWindow(Login auth, Tasks tasks, LanguagePreference language, Clock clock) {
        this(auth, tasks, language, clock, FileDialogs.system());
    }

    /** With the file dialogs given, where a test or a walk through the window chooses the files. */
    public AppWindow(Login auth, Tasks tasks, LanguagePreference language, Clock clock, FileDialogs fileDialogs) {
        this.auth = auth;
        this.tasks = tasks;
        this.language = language;
        this.clock = clock;
        this.fileDialogs = fileDialogs;
    }

    public void show(Stage stage) {
        this.stage = stage;
        stage.addEventFilter(InputEvent.ANY, use);
        // Closing the window while logged in logs out as the button does, with the same progress shown.
        stage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            if (session != null) {
                e.consume();
                if (lockedAway == null && mainWindow.mayLeave()) {
                    leave(stage::hide);
                }
            }
        });
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        showLogin();
        stage.show();
    }

    /**
     * Shows the window at once, empty but for the app's background and its title, and the login form
     * in it on the next pulse: the form's controls, their styles and fonts take longer than the
     * window itself, and the user sees the program start while they are made.
     */
    public void showAtOnce(Stage stage) {
        Rectangle2D size = windowSize();
        // No stylesheet yet: reading it is part of what waits for the next pulse.
        Scene scene = new Scene(new Region(), size.getWidth(), size.getHeight(), Styles.WINDOW_BACKGROUND);
        stage.setTitle(Texts.of(language.load()).get("app.title"));
        stage.setScene(scene);
        stage.show();
        Platform.runLater(() -> show(stage));
    }

    private static Rectangle2D windowSize() {
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        return new Rectangle2D(0, 0, Math.min(1280, bounds.getWidth()), Math.min(800, bounds.getHeight()));
    }

    /** Logs out (if logged in) when the window closes; the session's logout is logged. */
    public void close() {
        stopBackups();
        stopIdleLock();
        mainWindow = null;
        if (session != null) {
            backupAtLogout(session);
            session.close();
            session = null;
        }
        if (login != null) {
            login.pendingSession().ifPresent(Session::close);
        }
    }

    private void showLogin() {
        Texts texts = Texts.of(language.load());
        login = new LoginViewModel(auth, tasks, texts, clock, this::loggedIn);
        LoginScreen screen = new LoginScreen(login, texts);
        Rectangle2D size = windowSize();
        Scene scene = new Scene(screen.node(), size.getWidth(), size.getHeight());
        scene.getStylesheets().add(AppWindow.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setTitle(texts.get("app.title"));
        stage.setOnCloseRequest(null);
        stage.setScene(scene);
        screen.focus();
    }

    private void loggedIn(Session newSession) {
        session = newSession;
        login = null;
        mainWindow = new MainWindow(session, tasks, language, this::logout, fileDialogs);
        mainWindow.show(stage);
        backupIfDue();
        backups = new Timeline(new KeyFrame(Duration.hours(1), e -> backupIfDue()));
        backups.setCycleCount(Animation.INDEFINITE);
        backups.play();
        startIdleLock(newSession);
    }

    private void startIdleLock(Session current) {
        // Without its setting (the register could not be read) the window still locks, after the default.
        tasks.run(() -> current.services().settings().loadSecurity(), settings -> lockAfter(current, settings),
                error -> lockAfter(current, SecuritySettings.DEFAULTS));
    }

    private void lockAfter(Session current, SecuritySettings settings) {
        if (session != current) {
            return;
        }
        Texts texts = Texts.of(language.load());
        idleLock = new IdleLock(clock, java.time.Duration.ofMinutes(settings.idleLockMinutes()), current::checkPassword,
                tasks, texts);
        idleLock.lockedProperty().addListener((obs, was, locked) -> {
            if (locked) {
                LockScreen screen = new LockScreen(idleLock, texts, current.actor().displayName());
                lockedAway = stage.getScene().getRoot();
                stage.getScene().setRoot(screen.node());
                screen.focus();
            } else if (lockedAway != null) {
                stage.getScene().setRoot(lockedAway);
                lockedAway = null;
            }
        });
        idleChecks = new Timeline(new KeyFrame(Duration.seconds(10), e -> checkIdle()));
        idleChecks.setCycleCount(Animation.INDEFINITE);
        idleChecks.play();
    }

    /** Locks the window if it has stood unused for the unit's minutes; runs every few seconds. */
    public void checkIdle() {
        if (idleLock != null) {
            idleLock.check();
        }
    }

    private void stopIdleLock() {
        if (idleChecks != null) {
            idleChecks.stop();
            idleChecks = null;
        }
        idleLock = null;
        lockedAway = null;
    }

    private void logout() {
        leave(this::showLogin);
    }

    /**
     * Ends the session on the worker (the backup at logout, the logout itself, a key change or a
     * compaction that is due) while the window says what it is doing, then runs {@code then}.
     */
    private void leave(Runnable then) {
        stopBackups();
        stopIdleLock();
        Session ending = session;
        session = null;
        mainWindow = null;
        Texts texts = Texts.of(language.load());
        long compacting = compactionDue(ending);
        stage.getScene().setRoot(new LeavingScreen(texts, compacting).node());
        tasks.run(() -> {
            try {
                backupAtLogout(ending);
            } finally {
                ending.close();
            }
            return null;
        }, done -> then.run(), error -> then.run());
    }

    private static long compactionDue(Session ending) {
        try {
            return ending.services().maintenance().compactionDueBytes();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void backupIfDue() {
        Session current = session;
        if (current != null) {
            tasks.run(() -> current.services().maintenance().backupIfDue(current.actor()), taken -> { },
                    AppWindow::backupFailed);
        }
    }

    private static void backupAtLogout(Session ending) {
        try {
            ending.services().maintenance().backupAtLogout(ending.actor());
        } catch (RuntimeException e) {
            backupFailed(e);
        }
    }

    /** A failed automatic backup must not stop the work or the logout; the next attempt comes within the hour. */
    private static void backupFailed(Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "the automatic backup failed", error);
    }

    private void stopBackups() {
        if (backups != null) {
            backups.stop();
            backups = null;
        }
    }
}
