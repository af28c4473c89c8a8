package se.lotsbok.ui.casepath;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Banner;

/**
 * The tabs of an open participant's case file: Ärende (with the follow-ups after discharge below the
 * path, once one is agreed), Lots, Samtycke, Aktörer, Handlingsplan.
 */
public final class CaseTabs {

    private final List<Tab> tabs;

    public CaseTabs(CaseViewModel viewModel, Texts texts) {
        tabs = List.of(
                tab("caseTab", texts.get("case.tab"), new VBox(24, new CasePathView(viewModel, texts),
                        new FollowUpView(viewModel, texts))),
                tab("assignmentTab", texts.get("navigator.lots"), new AssignmentView(viewModel, texts)),
                tab("consentTab", texts.get("consent.tab"), new ConsentView(viewModel, texts)),
                tab("partnersTab", texts.get("partner.tab"), new PartnersView(viewModel, texts)),
                tab("planTab", texts.get("goal.tab"), new PlanView(viewModel, texts)));
    }

    public List<Tab> tabs() {
        return tabs;
    }

    /** The banner of a tab: what the last command did (green) or why it was refused (red). */
    static Label banner(CaseViewModel viewModel, String id) {
        return Banner.of(viewModel.feedbackProperty(), id);
    }

    private static Tab tab(String id, String title, Node content) {
        VBox box = new VBox(content);
        box.getStyleClass().add("tab-content");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        Tab tab = new Tab(title, scroll);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }
}
