package se.lotsbok.ui.common;

/** Style class names used in {@code lotsbok.css}; views refer to these, never to inline styles. */
public final class Styles {

    public static final String STYLESHEET = "/se/lotsbok/ui/lotsbok.css";

    public static final String APP = "lotsbok";
    /**
     * The window's background ({@code -lb-background} in the stylesheet), for the first frame, which
     * is drawn before any stylesheet is read.
     */
    public static final javafx.scene.paint.Color WINDOW_BACKGROUND = javafx.scene.paint.Color.web("#f3f5f9");
    public static final String HEADER = "app-header";
    public static final String HEADER_TITLE = "app-header-title";
    public static final String HEADER_SUBTITLE = "app-header-subtitle";
    public static final String SIDEBAR = "sidebar";
    public static final String NAV_BUTTON = "nav-button";
    public static final String CONTENT = "content";
    public static final String SCREEN_TITLE = "screen-title";
    public static final String SECTION_TITLE = "section-title";
    public static final String CARD = "card";
    public static final String TOOLBAR = "toolbar";
    public static final String MUTED = "muted";
    public static final String FIELD_LABEL = "field-label";
    public static final String FIELD_ERROR = "field-error";
    public static final String FIELD_WARNING = "field-warning";
    public static final String INVALID = "invalid";
    public static final String FORM_MESSAGE = "form-message";
    public static final String NOTICE = "notice";
    public static final String BANNER = "banner";
    public static final String ALERT = "alert-banner";
    public static final String ANNULLED = "annulled";
    public static final String OVERDUE = "overdue";
    public static final String PRIMARY = "primary";
    /** A button that stands in a line of text (beside a name) and is no taller than it. */
    public static final String COMPACT = "compact";
    public static final String EMPTY_STATE = "empty-state";
    public static final String EMPTY_STATE_TITLE = "empty-state-title";

    private Styles() {
    }
}
