package se.lotsbok.ui.participant;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.casepath.CaseTabs;
import se.lotsbok.ui.common.Banner;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.journal.NotesTab;

/**
 * The "Deltagare" screen: list on the left, the open participant on the right, named above every
 * tab. Ctrl+S saves whatever the chosen tab holds (the form, or the note as a draft) wherever the
 * focus is; Ctrl+Tab and Ctrl+Shift+Tab move between the tabs.
 */
public final class ParticipantsScreen implements Screen {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEXT_TAB = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN);
    private static final KeyCombination PREVIOUS_TAB = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final ParticipantsViewModel viewModel;
    private final Texts texts;
    private final ParticipantListView list;
    private final ParticipantFormView form;
    private final TabPane tabs = new TabPane();
    private final Tab personal;
    private final Tab notesTab;
    private final SplitPane root;
    private final HBox caseFileActions = new HBox(8);

    public ParticipantsScreen(ParticipantsViewModel viewModel, Texts texts) {
        this.viewModel = viewModel;
        this.texts = texts;
        this.list = new ParticipantListView(viewModel.list(), texts, this::newParticipant, this::show);
        this.form = new ParticipantFormView(viewModel.form(), texts, this::show, this::closeForm,
                readOnlyBanner(viewModel, texts), openedBy(viewModel, texts));

        Label hint = new Label(texts.get("participant.form.none"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        VBox emptyCard = new VBox(8, Banner.of(viewModel.noticeProperty(), "participantNoticeEmpty"), hint);
        emptyCard.getStyleClass().addAll(Styles.CARD, Styles.EMPTY_STATE);
        emptyCard.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane empty = new StackPane(emptyCard);
        empty.setAlignment(Pos.TOP_CENTER);
        empty.setId("noParticipantOpen");

        tabs.setId("participantTabs");
        personal = new Tab(texts.get("participant.tab"), form);
        personal.setId("personalTab");
        personal.setClosable(false);
        tabs.getTabs().add(personal);
        notesTab = new NotesTab(viewModel.notes(), texts).tab();
        java.util.List<Tab> more = new java.util.ArrayList<>(new CaseTabs(viewModel.caseFile(), texts).tabs());
        more.add(1, notesTab);
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
        // A tab's banner says what was done on that tab; it does not follow the user to the next one.
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (old == notesTab) {
                viewModel.notes().clearFeedback();
            } else if (old != personal) {
                viewModel.caseFile().clearFeedback();
            }
        });

        Label header = new Label();
        header.setId("participantHeader");
        header.getStyleClass().add(Styles.SECTION_TITLE);
        header.setWrapText(true);
        header.textProperty().bind(viewModel.headerProperty());
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
        caseFileActions.setMinWidth(Region.USE_PREF_SIZE);
        caseFileActions.managedProperty().bind(Bindings.isNotEmpty(caseFileActions.getChildren()));
        caseFileActions.visibleProperty().bind(caseFileActions.managedProperty());
        // The notice ("… är sparad") stands beside the name, so it takes no height of its own.
        Label notice = Banner.of(viewModel.noticeProperty(), "participantNotice");
        HBox.setHgrow(notice, Priority.ALWAYS);
        // The name and personnummer are never cut; the notice beside them gives way first.
        header.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, header, notice, caseFileActions);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox detailBox = new VBox(6, top, consentWarning, tabs);
        detailBox.setId("participantDetail");
        detailBox.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);

        StackPane detail = new StackPane(empty, detailBox);
        detailBox.visibleProperty().bind(viewModel.formShownProperty());
        empty.visibleProperty().bind(viewModel.formShownProperty().not());

        list.setMinWidth(240);
        detail.setMinWidth(360);
        root = new SplitPane(list, detail);
        root.setDividerPositions(0.28);
        root.getStyleClass().add("participants-split");
        root.setId("participantsScreen");
    }

    private void keys(KeyEvent e) {
        if (SAVE.match(e)) {
            Tab selected = tabs.getSelectionModel().getSelectedItem();
            if (selected == personal) {
                viewModel.form().save();
            } else if (selected == notesTab) {
                viewModel.notes().saveDraftNow();
            }
            e.consume();
        } else if (PREVIOUS_TAB.match(e)) {
            moveTab(-1);
            e.consume();
        } else if (NEXT_TAB.match(e)) {
            moveTab(1);
            e.consume();
        }
    }

    /** The next (or previous) tab that can be chosen, round the end. */
    private void moveTab(int step) {
        int count = tabs.getTabs().size();
        int index = tabs.getSelectionModel().getSelectedIndex();
        for (int i = 1; i < count; i++) {
            Tab tab = tabs.getTabs().get(Math.floorMod(index + step * i, count));
            if (!tab.isDisable()) {
                tabs.getSelectionModel().select(tab);
                // The field that had the focus went with the old tab: the tab row takes it.
                tabs.requestFocus();
                return;
            }
        }
    }

    @Override
    public Node node() {
        return root;
    }

    /** Adds a command about the open participant (a button) beside its name, above the tabs. */
    public void addCaseFileAction(Node action) {
        caseFileActions.getChildren().add(action);
    }

    @Override
    public String title() {
        return texts.get("nav.participants");
    }

    /** The register is read afresh: other screens and other users change it. */
    @Override
    public void shown() {
        viewModel.load();
    }

    @Override
    public void hidden() {
        viewModel.clearNotices();
    }

    @Override
    public boolean hasUnsavedChanges() {
        return viewModel.hasUnsavedChanges();
    }

    private static Node readOnlyBanner(ParticipantsViewModel viewModel, Texts texts) {
        Label reason = new Label();
        reason.setId("readOnlyReason");
        reason.setWrapText(true);
        reason.textProperty().bind(viewModel.readOnlyReasonProperty());
        Button cover = new Button(texts.get("participant.coverFor"));
        cover.setId("coverForButton");
        cover.setOnAction(e -> viewModel.coverForColleague());
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

    /** Ctrl+N: a new, empty form (after asking about unsaved changes). */
    public void newParticipant() {
        viewModel.newParticipant();
        if (viewModel.formShownProperty().get() && viewModel.form().participantIdProperty().get() == null) {
            Platform.runLater(form::focusFirstField);
        }
    }

    /** Opens participant {@code id} (after asking about unsaved changes). */
    public void show(long id) {
        viewModel.open(id);
    }

    /** Ctrl+F: the cursor to the search field. */
    public void focusSearch() {
        list.focusSearch();
    }

    private void closeForm() {
        if (viewModel.closeForm()) {
            list.focusSearch();
        }
    }
}
