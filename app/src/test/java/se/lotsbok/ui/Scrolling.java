package se.lotsbok.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;

/** Scrolls a node into view in every scroll pane around it, as a user would before clicking it. */
final class Scrolling {

    private Scrolling() {
    }

    static void into(FxRobot robot, String query) {
        robot.interact(() -> {
            Node target = robot.lookup(query).query();
            for (Node node = target.getParent(); node != null; node = node.getParent()) {
                if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
                    double top = scroll.getContent().sceneToLocal(target.localToScene(0, 0)).getY();
                    double room = scroll.getContent().getBoundsInLocal().getHeight()
                            - scroll.getViewportBounds().getHeight();
                    scroll.setVvalue(room <= 0 ? 0 : Math.min(1, top / room));
                    scroll.layout();
                }
            }
        });
    }
}
