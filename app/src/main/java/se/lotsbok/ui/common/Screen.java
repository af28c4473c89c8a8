package se.lotsbok.ui.common;

import javafx.scene.Node;

/**
 * One place of the main window (Deltagare, Lotsar, Rapporter, …). The window creates a screen the
 * first time it is chosen, puts {@link #node()} beside the navigation, and tells it when it comes
 * into view and when it goes out of view.
 */
public interface Screen {

    /** What the window shows. */
    Node node();

    /** The screen's name, as in the navigation and the window title. */
    String title();

    /** The screen comes into view: it reads afresh what other screens and other users changed. */
    default void shown() {
    }

    /** The screen goes out of view: its banners stay behind, they do not follow the user. */
    default void hidden() {
    }

    /** Whether leaving the program now would throw away something typed and not saved. */
    default boolean hasUnsavedChanges() {
        return false;
    }
}
