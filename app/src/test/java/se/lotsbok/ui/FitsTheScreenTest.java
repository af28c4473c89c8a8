package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestWindows;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.testing.UnitRegister;

/**
 * At 1024×700 and at 1366×768, every screen of the unit head's window (and each tab of an open
 * participant and of Lotsar), with a register of realistic names and texts, shows every label,
 * button, cell and message whole: JavaFX reports a text it had to cut with "…" as truncated.
 * Table placeholders are in Swedish too.
 */
@ExtendWith(ApplicationExtension.class)
class FitsTheScreenTest {

    @TempDir
    Path temp;

    /** The window size the other UI tests are written for, which this test leaves behind. */
    private static final int USUAL_WIDTH = 1280;
    private static final int USUAL_HEIGHT = 800;

    private Session session;
    private Stage stage;

    @BeforeEach
    void start() throws Exception {
        session = UnitRegister.create(TestDatabases.folder(temp)).session();
        stage = FxToolkit.registerPrimaryStage();
    }

    /** TestFX keeps one stage for every test class: the next one gets the size this one found. */
    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(USUAL_WIDTH);
            stage.setHeight(USUAL_HEIGHT);
        });
        session.close();
    }

    private void show(Session user) throws Exception {
        TestWindows.show(user);
    }

    @Test
    void nothingIsCutAt1024By700(FxRobot robot) throws Exception {
        show(session);
        assertThat(walk(robot, 1024, 700)).isEmpty();
    }

    @Test
    void nothingIsCutAt1366By768(FxRobot robot) throws Exception {
        show(session);
        assertThat(walk(robot, 1366, 768)).isEmpty();
    }

    @Test
    void theAdministratorsScreensFitAt1024By700(FxRobot robot) throws Exception {
        try (Session admin = TestRegister.at(TestDatabases.folder(temp)).login(TestRegister.ADMIN)) {
            show(admin);
            assertThat(walk(robot, 1024, 700)).isEmpty();
        }
    }

    /** Visits every place (and tab) and lists what is cut or in English. */
    private List<String> walk(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        Map<String, String> problems = new LinkedHashMap<>();
        List<ToggleButton> places = robot.lookup("#sidebar").queryAs(Parent.class).getChildrenUnmodifiable().stream()
                .map(ToggleButton.class::cast).toList();
        for (ToggleButton place : places) {
            robot.clickOn(place);
            WaitForAsyncUtils.waitForFxEvents();
            String where = place.getText();
            check(robot, where, problems);
            switch (place.getId()) {
                case "nav_PARTICIPANTS" -> {
                    robot.clickOn("Al-Rashidi, Mohammed");
                    tabs(robot, "#participantTabs", where, problems);
                    robot.clickOn("Åkesson, Elin");
                    tabs(robot, "#participantTabs", where + " (minderårig)", problems);
                    robot.clickOn("#newParticipantButton");
                    robot.clickOn("#saveButton");
                    check(robot, where + " / ny deltagare med fel", problems);
                    robot.clickOn("#closeFormButton");
                    if (robot.lookup("#discardChangesButton").tryQuery().isPresent()) {
                        robot.clickOn("#discardChangesButton");
                    }
                }
                case "nav_NAVIGATORS" -> tabs(robot, "#navigatorsScreen .tab-pane", where, problems);
                case "nav_SETTINGS" -> {
                    robot.interact(() -> robot.lookup(".text-field").queryAllAs(TextField.class).stream()
                            .filter(f -> f.getId() != null && f.getId().startsWith("setting_"))
                            .forEach(f -> f.setText("x")));
                    Scrolling.into(robot, "#saveSettingsButton");
                    robot.clickOn("#saveSettingsButton");
                    check(robot, where + " (fel i fälten)", problems);
                }
                default -> { }
            }
        }
        List<String> found = new ArrayList<>();
        problems.forEach((what, where) -> found.add(width + "×" + height + ", " + where + ": " + what));
        return found;
    }

    private void tabs(FxRobot robot, String query, String where, Map<String, String> problems) {
        TabPane pane = robot.lookup(query).queryAs(TabPane.class);
        // Tabs that do not fit are hidden behind a menu button at the end of the row.
        Node menu = pane.lookup(".control-buttons-tab");
        if (menu != null && menu.isVisible()) {
            problems.putIfAbsent("the tabs overflow: " + query, where);
        }
        for (Tab tab : List.copyOf(pane.getTabs())) {
            if (tab.isDisable()) {
                continue;
            }
            robot.interact(() -> pane.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            check(robot, where + " / " + tab.getText(), problems);
        }
    }

    /** Adds each text cut (or in English) once, with the first place it was seen. */
    private void check(FxRobot robot, String where, Map<String, String> problems) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            for (Node node : root.lookupAll("*")) {
                if (!(node instanceof Labeled labeled) || !shown(node)) {
                    continue;
                }
                String text = labeled.getText();
                if (text == null || text.isBlank()) {
                    continue;
                }
                String what = node.getClass().getSimpleName() + (node.getId() == null ? "" : " #" + node.getId())
                        + " \"" + text + "\"";
                if (labeled.isTextTruncated()) {
                    problems.putIfAbsent("cut: " + what, where);
                }
                if (text.contains("No content") || text.contains("Placeholder")) {
                    problems.putIfAbsent("English: " + what, where);
                }
            }
        });
    }

    /** Shown on screen: the node and every parent visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
