package se.lotsbok.ui.casepath;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Styles;

/** The tabs of an open participant's case file: Ärende, Lots, Samtycke, Aktörer, Handlingsplan, Uppföljning. */
public final class CaseTabs {

    private final List<Tab> tabs;

    public CaseTabs(CaseViewModel viewModel, Texts texts) {
        tabs = List.of(
                tab("caseTab", texts.get("case.tab"), new CasePathView(viewModel, texts)),
                tab("assignmentTab", texts.get("navigator.lots"), new AssignmentView(viewModel, texts)),
                tab("consentTab", texts.get("consent.tab"), new ConsentView(viewModel, texts)),
                tab("partnersTab", texts.get("partner.tab"), new PartnersView(viewModel, texts)),
                tab("planTab", texts.get("goal.tab"), new PlanView(viewModel, texts)),
                tab("followUpTab", texts.get("followup.tab"), new FollowUpView(viewModel, texts)));
    }

    public List<Tab> tabs() {
        return tabs;
    }

    /** A line under the tabs with what the last command did or why it was refused. */
    static Label messageLabel(CaseViewModel viewModel, String id) {
        Label message = new Label();
        message.setId(id);
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(viewModel.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());
        viewModel.lastRefusedProperty().addListener((obs, old, refused) -> {
            message.getStyleClass().removeAll(Styles.FORM_MESSAGE, Styles.NOTICE);
            message.getStyleClass().add(refused ? Styles.FORM_MESSAGE : Styles.NOTICE);
        });
        message.getStyleClass().add(Styles.NOTICE);
        return message;
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
