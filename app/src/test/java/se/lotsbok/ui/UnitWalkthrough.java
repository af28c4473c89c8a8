package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import se.lotsbok.AppWiring;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.i18n.Texts;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.ui.common.FxTasks;
import se.lotsbok.ui.common.LanguagePreference;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.AppWindow;

/**
 * A unit's first week, walked through the real window from the first start: users, navigators,
 * five participants (one under 18) from referral to discharge, a note, a goal, the waiting list and
 * the tally, with a screenshot of each step. Not part of the test suite: it needs a display (Xvfb)
 * and ImageMagick's {@code import}, and hashes passwords as the product does. Run on demand:
 *
 * <pre>
 * Xvfb :99 -screen 0 1366x768x24 &amp;
 * DISPLAY=:99 mvn -B test -Dtest=UnitWalkthrough -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dheadless.argLine=--enable-native-access=ALL-UNNAMED -Dwalkthrough.out=$PWD/docs/screenshots
 * </pre>
 */
@ExtendWith(ApplicationExtension.class)
class UnitWalkthrough {

    private static final String ADMIN_PASSWORD = "administratören har ett långt lösenord";
    private static final String CHEF_PASSWORD = "enhetschefens egna lösenord";
    private static final LocalDate TODAY = TestDatabases.TODAY;

    @TempDir
    Path temp;

    private final CountingTasks tasks = new CountingTasks();
    private AppWindow window;
    private Stage stage;
    private Path out;
    private int width = 1366;
    private int height = 768;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
        tasks.close();
    }

    @Test
    void aUnitsFirstWeek(FxRobot robot) throws Exception {
        out = Path.of(System.getProperty("walkthrough.out", "target/walkthrough"));
        Files.createDirectories(out);
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new AppWindow(AppWiring.auth(TestDatabases.folder(temp), TestDatabases.CLOCK), tasks,
                    LanguagePreference.inMemory(Texts.SWEDISH), TestDatabases.CLOCK, SavedInFolder.in(temp));
            window.show(s);
        });
        size(robot, 1366, 768);

        // First start: the unit's name, the first administrator, and what happens meanwhile
        write(robot, "#firstUnitNameField", "SIG Söderort");
        write(robot, "#usernameField", "admin");
        write(robot, "#displayNameField", "Adam Administratör");
        write(robot, "#passwordField", ADMIN_PASSWORD);
        write(robot, "#repeatedPasswordField", ADMIN_PASSWORD);
        shot("forsta-start");
        click(robot, "#loginButton");
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        shot("forsta-start-skapas");
        tasks.settle();
        waitFor(robot, "#currentUser");

        // Users: the unit head and a lots
        click(robot, "#nav_USERS");
        newUser(robot, "chef", "Cecilia Hedlund", "UNIT_HEAD");
        newUser(robot, "lotta", "Lotta Ek", "NAVIGATOR");
        shot("anvandare");
        logout(robot);

        // The unit head's first login: the temporary password is replaced
        write(robot, "#usernameField", "chef");
        write(robot, "#passwordField", "ett tillfälligt lösenord");
        click(robot, "#loginButton");
        tasks.settle();
        write(robot, "#passwordField", CHEF_PASSWORD);
        write(robot, "#repeatedPasswordField", CHEF_PASSWORD);
        click(robot, "#loginButton");
        tasks.settle();
        waitFor(robot, "#currentUser");

        // Navigators: one from today, one back-dated, added with Enter
        click(robot, "#nav_NAVIGATORS");
        click(robot, "#registerTab");
        write(robot, "#navigatorNameField", "Lotta Ek");
        robot.type(KeyCode.ENTER);
        tasks.settle();
        write(robot, "#navigatorNameField", "Omar Haddad");
        write(robot, "#navigatorCapField", "5");
        robot.interact(() -> robot.lookup("#navigatorFrom").queryAs(DatePicker.class).setValue(TODAY.minusMonths(4)));
        click(robot, "#navigatorNameField").type(KeyCode.ENTER);
        tasks.settle();
        shot("lotsregister");

        // Five participants; Elin is 15
        click(robot, "#nav_PARTICIPANTS");
        participant(robot, "Mohammed", "Al-Rashidi", Pins.dashed("20030412", "118"), "MAN", "YOUNG_ADULTS");
        participant(robot, "Elin", "Åkesson", Pins.dashed("20110305", "224"), "WOMAN", "YOUTH");
        participant(robot, "Johan", "Nyström", Pins.dashed("20010920", "337"), "MAN", "YOUNG_ADULTS");
        participant(robot, "Amira", "Hassan", Pins.dashed("20070611", "442"), "WOMAN", "YOUTH");
        participant(robot, "Kevin", "Lundberg", Pins.dashed("20040101", "559"), "MAN", "YOUNG_ADULTS");

        // Mohammed: referral, consent, assessment, enrollment, a lots, a goal, a note, discharge
        open(robot, "Al-Rashidi, Mohammed");
        tab(robot, "caseTab");
        move(robot, CaseStatus.REFERRED, TODAY.minusDays(6));
        choose(robot, "#referralSourceChoice", ReferralSource.POLICE);
        record(robot);
        tab(robot, "consentTab");
        robot.interact(() -> robot.lookup("#consentGiven").queryAs(DatePicker.class).setValue(TODAY.minusDays(5)));
        click(robot, "#recordConsentButton");
        tasks.settle();
        tab(robot, "caseTab");
        move(robot, CaseStatus.ASSESSMENT, TODAY.minusDays(5));
        record(robot);
        move(robot, CaseStatus.ENROLLED, TODAY.minusDays(4));
        situation(robot, Situation.Occupation.INTERNSHIP, Situation.Housing.PARENTS, Situation.SubstanceUse.NO);
        record(robot);
        tab(robot, "assignmentTab");
        robot.interact(() -> robot.lookup("#assignNavigatorChoice").<ComboBox<Object>>query().getSelectionModel()
                .selectFirst());
        robot.interact(() -> robot.lookup("#assignFrom").queryAs(DatePicker.class).setValue(TODAY.minusDays(4)));
        click(robot, "#assignButton");
        tasks.settle();
        tab(robot, "planTab");
        choose(robot, "#goalArea", Goal.LifeArea.OCCUPATION_EDUCATION);
        write(robot, "#goalDescription", "Söka och påbörja en yrkesutbildning inom bygg");
        choose(robot, "#goalResponsible", Partner.EMPLOYMENT_SERVICE);
        click(robot, "#addGoalButton");
        tasks.settle();
        shot("handlingsplan");
        tab(robot, "notesTab");
        robot.interact(() -> robot.lookup("#noteTime").queryTextInputControl().setText("09:15"));
        write(robot, "#noteText", "Nätverksmöte med frivården och arbetsförmedlingen. Mohammed har börjat på "
                + "praktikplatsen och trivs. Nästa steg är att söka utbildningen till hösten.");
        write(robot, "#followUpWhat", "Kontakta Komvux om ansökan");
        click(robot, "#addFollowUpButton");
        shot("anteckning-skrivs");
        click(robot, "#signNoteButton");
        click(robot, "#confirmSignButton");
        tasks.settle();
        tab(robot, "caseTab");
        move(robot, CaseStatus.DISCHARGED, TODAY);
        choose(robot, "#dischargeReasonChoice", DischargeReason.PLANNED_GOALS_MET);
        situation(robot, Situation.Occupation.STUDIES, Situation.Housing.OWN, Situation.SubstanceUse.NO);
        shot("arende-utskrivning");
        record(robot);
        shot("arende");

        // Mohammed asks what the unit holds about him: the register extract, then the release on Ärende
        click(robot, "#openExtractButton");
        tasks.settle();
        shotScreen("registerutdrag-fonster");
        click(robot, "#makeExtractButton");
        tasks.settle();
        click(robot, "#closeExtractButton");
        tasks.settle();
        shot("arende-utlamnande");

        // Elin, 15: referral and consent without her guardians', then the waiting list
        open(robot, "Åkesson, Elin");
        shot("deltagare-oppnad-efter-man");
        tab(robot, "caseTab");
        shot("arende-nytt-formular");
        move(robot, CaseStatus.REFERRED, TODAY.minusDays(3));
        choose(robot, "#referralSourceChoice", ReferralSource.SCHOOL);
        record(robot);
        tab(robot, "consentTab");
        click(robot, "#recordConsentButton");
        tasks.settle();
        tab(robot, "caseTab");
        move(robot, CaseStatus.WAITING_LIST, TODAY.minusDays(2));
        record(robot);

        // Johan, Amira and Kevin: referrals; Kevin closed without enrollment
        for (String name : new String[] {"Nyström, Johan", "Hassan, Amira", "Lundberg, Kevin"}) {
            open(robot, name);
            tab(robot, "caseTab");
            move(robot, CaseStatus.REFERRED, TODAY.minusDays(2));
            choose(robot, "#referralSourceChoice", ReferralSource.SOCIAL_SERVICES);
            record(robot);
        }
        move(robot, CaseStatus.CONTACTED_NOT_ENROLLED, TODAY.minusDays(1));
        choose(robot, "#closureReasonChoice", ClosureReason.NOT_MOTIVATED);
        record(robot);
        open(robot, "Hassan, Amira");
        tab(robot, "caseTab");
        move(robot, CaseStatus.ENROLLED, TODAY);
        situation(robot, Situation.Occupation.STUDIES, Situation.Housing.PARENTS, Situation.SubstanceUse.NO);
        record(robot);
        shot("arende-nekat");

        // The waiting list: Elin's enrollment is refused in the form, which stays open
        click(robot, "#nav_NAVIGATORS");
        click(robot, "#waitingTab");
        robot.clickOn("Åkesson, Elin");
        click(robot, "#enrollFromWaitingButton");
        robot.interact(() -> {
            robot.lookup("#enrollNavigatorChoice").<ComboBox<Object>>query().getSelectionModel().selectFirst();
            robot.lookup("#enrollOccupation").<ComboBox<Object>>query().setValue(Situation.Occupation.STUDIES);
            robot.lookup("#enrollHousing").<ComboBox<Object>>query().setValue(Situation.Housing.PARENTS);
            robot.lookup("#enrollSubstance").<ComboBox<Object>>query().setValue(Situation.SubstanceUse.NO);
        });
        click(robot, "#confirmEnrollButton");
        tasks.settle();
        shotScreen("vantelista-nekad");
        click(robot, "#dialogCancelButton");

        // The guardian's consent, then the enrollment from the waiting list; Deltagare follows
        click(robot, "#nav_PARTICIPANTS");
        open(robot, "Åkesson, Elin");
        tab(robot, "consentTab");
        write(robot, "#guardian1Name", "Maria Åkesson");
        click(robot, "#recordConsentButton");
        tasks.settle();
        shot("samtycke");
        tab(robot, "caseTab");
        click(robot, "#nav_NAVIGATORS");
        click(robot, "#waitingTab");
        robot.clickOn("Åkesson, Elin");
        click(robot, "#enrollFromWaitingButton");
        robot.interact(() -> {
            robot.lookup("#enrollNavigatorChoice").<ComboBox<Object>>query().getSelectionModel().selectLast();
            robot.lookup("#enrollOccupation").<ComboBox<Object>>query().setValue(Situation.Occupation.STUDIES);
            robot.lookup("#enrollHousing").<ComboBox<Object>>query().setValue(Situation.Housing.PARENTS);
            robot.lookup("#enrollSubstance").<ComboBox<Object>>query().setValue(Situation.SubstanceUse.NO);
        });
        click(robot, "#confirmEnrollButton");
        tasks.settle();
        shot("lotsar");
        click(robot, "#nav_PARTICIPANTS");
        tasks.settle();
        assertThat(robot.lookup("#caseStatus").queryAs(Labeled.class).getText()).startsWith("Nu: Inskriven");
        shot("arende-foljer-vantelistan");

        // The tally of the month, the access log, Att göra
        click(robot, "#nav_REPORTS");
        tasks.settle();
        robot.interact(() -> robot.lookup("#reportMonth").<ComboBox<Object>>query().getSelectionModel().selectFirst());
        tasks.settle();
        shot("rapporter");
        click(robot, "#nav_ACCESS_LOG");
        tasks.settle();
        shot("atkomstlogg");
        click(robot, "#nav_TODO");
        tasks.settle();
        shot("att-gora");
        click(robot, "#nav_SETTINGS");
        tasks.settle();
        shot("installningar");

        // The same screens in the smallest window the unit has, 1024×700
        size(robot, 1024, 700);
        click(robot, "#nav_PARTICIPANTS");
        open(robot, "Al-Rashidi, Mohammed");
        tab(robot, "caseTab");
        shot("deltagare-1024x700");
        tab(robot, "notesTab");
        shot("anteckningar-1024x700");
        click(robot, "#nav_REPORTS");
        tasks.settle();
        shot("rapporter-1024x700");
        size(robot, 1366, 768);
        click(robot, "#nav_PARTICIPANTS");
        tab(robot, "caseTab");
        shot("deltagare-1366x768");
        tab(robot, "notesTab");
        shot("anteckningar-1366x768");
        click(robot, "#nav_REPORTS");
        tasks.settle();
        shot("rapporter-1366x768");
    }

    private void size(FxRobot robot, int w, int h) {
        width = w;
        height = h;
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void newUser(FxRobot robot, String username, String name, String role) {
        click(robot, "#newUserButton");
        write(robot, "#userUsernameField", username);
        write(robot, "#userDisplayNameField", name);
        if (!role.equals("NAVIGATOR")) {
            click(robot, "#role_NAVIGATOR");
            robot.clickOn("#role_" + role);
        }
        write(robot, "#userPasswordField", "ett tillfälligt lösenord");
        write(robot, "#userRepeatedField", "ett tillfälligt lösenord");
        click(robot, "#saveUserButton");
        tasks.settle();
    }

    private void logout(FxRobot robot) {
        click(robot, "#logoutButton");
        tasks.settle();
        waitFor(robot, "#loginButton");
    }

    private void participant(FxRobot robot, String first, String last, String pin, String gender, String programme) {
        click(robot, "#newParticipantButton");
        write(robot, "#firstNameField", first);
        write(robot, "#lastNameField", last);
        write(robot, "#identityNumberField", pin);
        robot.clickOn("#genderChoice_" + gender);
        robot.clickOn("#programmeChoice_" + programme);
        click(robot, "#saveButton");
        tasks.settle();
    }

    /** Opens {@code name} from the register list (the name may stand on other screens too). */
    private void open(FxRobot robot, String name) {
        robot.clickOn(robot.from(robot.lookup("#participantTable").<javafx.scene.Node>queryAll()).lookup(name)
                .<javafx.scene.Node>query());
        tasks.settle();
    }

    private void tab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#participantTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
        tasks.settle();
    }

    private void move(FxRobot robot, CaseStatus status, LocalDate date) {
        choose(robot, "#nextStatusChoice", status);
        robot.interact(() -> robot.lookup("#moveDate").queryAs(DatePicker.class).setValue(date));
    }

    private void situation(FxRobot robot, Situation.Occupation occupation, Situation.Housing housing,
            Situation.SubstanceUse use) {
        choose(robot, "#occupationChoice", occupation);
        choose(robot, "#housingChoice", housing);
        choose(robot, "#substanceUseChoice", use);
    }

    private void record(FxRobot robot) {
        click(robot, "#recordMoveButton");
        tasks.settle();
    }

    /** Clicks {@code query}, first scrolling it into view as the user would. */
    private static org.testfx.api.FxRobotInterface click(FxRobot robot, String query) {
        javafx.scene.Node node = robot.lookup(query).query();
        robot.interact(() -> {
            for (javafx.scene.Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                    javafx.scene.Node content = scroll.getContent();
                    javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    if (hidden > 0) {
                        double top = scroll.getVvalue() * hidden;
                        if (b.getMaxY() > top + scroll.getViewportBounds().getHeight() || b.getMinY() < top) {
                            scroll.setVvalue(Math.max(0, Math.min(1, (b.getMaxY() + 12
                                    - scroll.getViewportBounds().getHeight()) / hidden)));
                        }
                    }
                    break;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.clickOn(node);
    }

    private static void choose(FxRobot robot, String query, Object value) {
        robot.interact(() -> robot.lookup(query).<ComboBox<Object>>query().setValue(value));
    }

    private void write(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryTextInputControl().clear());
        click(robot, query).write(text);
    }

    private void waitFor(FxRobot robot, String query) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("never shown: " + query, e);
        }
    }

    /** The window as it is, cut from the display. */
    private void shot(String name) throws IOException, InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        capture(name, width + "x" + height + "+0+0");
    }

    /** The whole display, for a dialog over the window. */
    private void shotScreen(String name) throws IOException, InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        capture(name, null);
    }

    private void capture(String name, String crop) throws IOException, InterruptedException {
        ProcessBuilder command = crop == null
                ? new ProcessBuilder("import", "-window", "root", out.resolve(name + ".png").toString())
                : new ProcessBuilder("import", "-window", "root", "-crop", crop, "+repage",
                        out.resolve(name + ".png").toString());
        int status = command.inheritIO().start().waitFor();
        assertThat(status).as("import " + name).isZero();
    }

    /** The real background thread, with a way to wait until everything started has answered. */
    private static final class CountingTasks implements Tasks {
        private final FxTasks tasks = new FxTasks();
        private final AtomicInteger running = new AtomicInteger();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            running.incrementAndGet();
            tasks.run(work, result -> {
                try {
                    onSuccess.accept(result);
                } finally {
                    running.decrementAndGet();
                }
            }, error -> {
                try {
                    onFailure.accept(error);
                } finally {
                    running.decrementAndGet();
                }
            });
        }

        void settle() {
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> running.get() == 0);
            } catch (TimeoutException e) {
                throw new AssertionError("the window is still working", e);
            }
            WaitForAsyncUtils.waitForFxEvents();
        }

        void close() {
            tasks.close();
        }
    }
}
