package se.lotsbok.ui.participant;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.casepath.CaseTabs;
import se.lotsbok.ui.journal.NotesTab;
import se.lotsbok.ui.common.Confirm;
import se.lotsbok.ui.common.Styles;

/** The "Deltagare" screen: list on the left, the open participant's form on the right. */
public final class ParticipantsScreen {

    private static final Duration NOTICE_TIME = Duration.seconds(5);

    private final ParticipantsViewModel viewModel;
    private final Texts texts;
    private final ParticipantListView list;
    private final ParticipantFormView form;
    private final NotificationPane root;
    private final javafx.scene.layout.HBox caseFileActions = new javafx.scene.layout.HBox(8);

    public ParticipantsScreen(ParticipantsViewModel viewModel, Texts texts) {
        this.viewModel = viewModel;
        this.texts = texts;
        this.list = new ParticipantListView(viewModel.list(), texts, this::newParticipant, this::open);
        this.form = new ParticipantFormView(viewModel.form(), texts, this::open, this::closeForm,
                readOnlyBanner(viewModel, texts), openedBy(viewModel, texts));

        Label hint = new Label(texts.get("participant.form.none"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        VBox emptyCard = new VBox(hint);
        emptyCard.getStyleClass().addAll(Styles.CARD, Styles.EMPTY_STATE);
        emptyCard.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane empty = new StackPane(emptyCard);
        empty.setAlignment(Pos.TOP_CENTER);
        empty.setId("noParticipantOpen");

        TabPane tabs = new TabPane();
        tabs.setId("participantTabs");
        Tab personal = new Tab(texts.get("participant.tab"), form);
        personal.setId("personalTab");
        personal.setClosable(false);
        tabs.getTabs().add(personal);
        CaseTabs caseTabs = new CaseTabs(viewModel.caseFile(), texts);
        java.util.List<Tab> more = new java.util.ArrayList<>(caseTabs.tabs());
        more.add(1, new NotesTab(viewModel.notes(), texts).tab());
        for (Tab tab : more) {
            // A case file exists once the participant has been saved.
            tab.disableProperty().bind(viewModel.form().participantIdProperty().isNull());
            tabs.getTabs().add(tab);
        }
        viewModel.form().participantIdProperty().addListener((obs, old, id) -> {
            if (id == null || !id.equals(old)) {
                tabs.getSelectionModel().select(personal);
            }
        });
        Label consentWarning = new Label();
        consentWarning.setId("consentWarning");
        consentWarning.setWrapText(true);
        consentWarning.setMaxWidth(Double.MAX_VALUE);
        consentWarning.setMinHeight(Region.USE_PREF_SIZE);
        consentWarning.getStyleClass().add(Styles.ALERT);
        consentWarning.textProperty().bind(viewModel.caseFile().consentWarningProperty());
        consentWarning.visibleProperty().bind(Bindings.isNotEmpty(viewModel.caseFile().consentWarningProperty()));
        consentWarning.managedProperty().bind(consentWarning.visibleProperty());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        caseFileActions.setId("caseFileActions");
        caseFileActions.setAlignment(Pos.CENTER_RIGHT);
        caseFileActions.managedProperty().bind(Bindings.isNotEmpty(caseFileActions.getChildren()));
        caseFileActions.visibleProperty().bind(caseFileActions.managedProperty());
        VBox detailBox = new VBox(8, consentWarning, caseFileActions, tabs);
        detailBox.setId("participantDetail");

        StackPane detail = new StackPane(empty, detailBox);
        detailBox.visibleProperty().bind(viewModel.formShownProperty());
        empty.visibleProperty().bind(viewModel.formShownProperty().not());

        SplitPane split = new SplitPane(list, detail);
        split.setDividerPositions(0.5);
        split.getStyleClass().add("participants-split");

        root = new NotificationPane(split);
        root.setId("participantsScreen");
        root.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        // From the bottom, so the search field and the form's first fields stay reachable.
        root.setShowFromTop(false);
        PauseTransition autoHide = new PauseTransition(NOTICE_TIME);
        autoHide.setOnFinished(e -> root.hide());
        viewModel.noticeProperty().addListener((obs, old, text) -> {
            if (text.isEmpty()) {
                root.hide();
            } else {
                root.show(text);
                autoHide.playFromStart();
            }
        });
        root.setOnHidden(e -> viewModel.clearNotice());
    }

    public Node node() {
        return root;
    }

    /** Adds a command about the open participant (a button) above the case file's tabs. */
    public void addCaseFileAction(Node action) {
        caseFileActions.getChildren().add(action);
    }

    private static Node readOnlyBanner(ParticipantsViewModel viewModel, Texts texts) {
        Label reason = new Label();
        reason.setId("readOnlyReason");
        reason.setWrapText(true);
        reason.textProperty().bind(viewModel.readOnlyReasonProperty());
        Button cover = new Button(texts.get("participant.coverFor"));
        cover.setId("coverForButton");
        cover.setOnAction(e -> {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, texts.get("participant.coverFor.text"),
                    ButtonType.OK, ButtonType.CANCEL);
            confirm.setTitle(texts.get("app.title"));
            confirm.setHeaderText(texts.get("participant.coverFor"));
            confirm.initOwner(cover.getScene().getWindow());
            Confirm.localize(confirm.getDialogPane(), texts);
            confirm.getDialogPane().lookupButton(ButtonType.OK).setId("confirmCoverButton");
            if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
                viewModel.coverForColleague();
            }
        });
        // Covering is offered only where the one thing missing is that the participant is a colleague's.
        cover.visibleProperty().bind(Bindings.equal(viewModel.readOnlyReasonProperty(),
                texts.get("access.refused.notOwn")));
        cover.managedProperty().bind(cover.visibleProperty());
        VBox banner = new VBox(8, reason, cover);
        banner.getStyleClass().add(Styles.FIELD_WARNING);
        banner.visibleProperty().bind(Bindings.isNotEmpty(viewModel.readOnlyReasonProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private static Node openedBy(ParticipantsViewModel viewModel, Texts texts) {
        Label title = new Label(texts.get("participant.openedBy"));
        title.getStyleClass().add(Styles.FIELD_LABEL);
        ListView<String> list = new ListView<>(viewModel.openedBy());
        list.setId("openedByList");
        list.setPrefHeight(120);
        list.setFocusTraversable(false);
        VBox box = new VBox(6, title, list);
        box.visibleProperty().bind(Bindings.isNotEmpty(viewModel.openedBy()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    public void load() {
        viewModel.load();
    }

    /** Ctrl+N: a new, empty form (after asking about unsaved changes). */
    public void newParticipant() {
        if (mayLeaveForm()) {
            viewModel.newParticipant();
            Platform.runLater(form::focusFirstField);
        }
    }

    /** Opens participant {@code id} (after asking about unsaved changes). */
    public void show(long id) {
        open(id);
    }

    /** Whether the open form holds changes that are not saved. */
    public boolean hasUnsavedChanges() {
        return viewModel.formShownProperty().get() && viewModel.form().dirtyProperty().get();
    }

    /** Ctrl+F: the cursor to the search field. */
    public void focusSearch() {
        list.focusSearch();
    }

    private void open(long id) {
        Long current = viewModel.form().participantIdProperty().get();
        if (viewModel.formShownProperty().get() && current != null && current == id) {
            return;
        }
        if (mayLeaveForm()) {
            viewModel.open(id);
        }
    }

    private void closeForm() {
        if (mayLeaveForm()) {
            viewModel.closeForm();
            list.focusSearch();
        }
    }

    private boolean mayLeaveForm() {
        return !hasUnsavedChanges() || Confirm.discardChanges(texts, root);
    }
}
