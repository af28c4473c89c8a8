package se.lotsbok.ui.navigator;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.navigator.Caseload;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.ui.casepath.SituationFields;
import se.lotsbok.ui.common.Banner;
import se.lotsbok.ui.common.Cards;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.FxDialogs;
import se.lotsbok.ui.common.IsoDates;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/**
 * The "Lotsar" screen: the caseload board (drag a participant to another navigator, or select and
 * use "Flytta till…" from the keyboard), the waiting list, and the navigator register.
 */
public final class NavigatorsScreen implements Screen {

    private final NavigatorsViewModel viewModel;
    private final Texts texts;
    private final VBox root;
    private final FlowPane cards = new FlowPane(12, 12);
    private Caseload.Member selected;

    public NavigatorsScreen(NavigatorsViewModel viewModel, Texts texts) {
        this.viewModel = viewModel;
        this.texts = texts;
        Label title = new Label(texts.get("nav.navigators"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);

        TabPane tabs = new TabPane(
                tab("boardTab", texts.get("navigator.board"), board()),
                tab("waitingTab", texts.get("waiting.tab"), waitingList()),
                tab("registerTab", texts.get("navigator.register"), register()));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.clearFeedback());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root = new VBox(10, title, Banner.of(viewModel.feedbackProperty(), "navigatorsMessage"), tabs);
        root.setId("navigatorsScreen");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return texts.get("nav.navigators");
    }

    @Override
    public void shown() {
        viewModel.load();
    }

    @Override
    public void hidden() {
        viewModel.clearFeedback();
    }

    // ---- the board

    private Node board() {
        cards.setId("caseloadBoard");
        viewModel.board().addListener((ListChangeListener<Caseload>) c -> rebuildCards());
        viewModel.unassigned().addListener((ListChangeListener<Caseload.Member>) c -> rebuildCards());
        Button move = new Button(texts.get("navigator.moveTo"));
        move.setId("moveToButton");
        move.setOnAction(e -> moveSelected());
        move.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label(texts.get("navigator.boardHint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add(Styles.MUTED);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox actions = new HBox(10, move, hint);
        actions.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(10, actions, scroll);
        box.getStyleClass().add("tab-content");
        return box;
    }

    private void rebuildCards() {
        cards.getChildren().clear();
        for (Caseload caseload : viewModel.board()) {
            cards.getChildren().add(card(caseload.navigator().name(),
                    texts.format("navigator.load", caseload.count(), caseload.cap()), caseload.overCap(),
                    !caseload.active(), caseload.enrolled(), caseload.otherAssigned(), caseload.navigator().id()));
        }
        if (!viewModel.unassigned().isEmpty()) {
            cards.getChildren().add(card(texts.get("navigator.unassigned"), "", false, false, viewModel.unassigned(),
                    List.of(), null));
        }
    }

    private VBox card(String name, String load, boolean overCap, boolean inactive, List<Caseload.Member> enrolled,
            List<Caseload.Member> others, Long navigatorId) {
        Label title = new Label(name);
        title.setWrapText(true);
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label count = new Label(load);
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.getStyleClass().add(overCap ? "over-cap" : Styles.MUTED);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox header = new HBox(8, title, count);
        header.setAlignment(Pos.TOP_LEFT);
        VBox card = new VBox(6, header);
        if (inactive) {
            Label gone = new Label(texts.get("navigator.inactive"));
            gone.getStyleClass().add(Styles.MUTED);
            card.getChildren().add(gone);
        }
        card.getChildren().add(memberList(enrolled));
        if (!others.isEmpty()) {
            Label more = new Label(texts.get("navigator.otherAssigned"));
            more.getStyleClass().add(Styles.MUTED);
            card.getChildren().addAll(more, memberList(others));
        }
        card.getStyleClass().addAll(Styles.CARD, "caseload-card");
        if (overCap) {
            card.getStyleClass().add("over-cap-card");
        }
        card.setPrefWidth(250);
        card.setId(navigatorId == null ? "card_unassigned" : "card_" + navigatorId);
        card.setOnDragOver(e -> {
            if (e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        card.setOnDragDropped(e -> {
            Dragboard board = e.getDragboard();
            boolean done = board.hasString();
            if (done) {
                viewModel.assign(Long.parseLong(board.getString()), navigatorId);
            }
            e.setDropCompleted(done);
            e.consume();
        });
        return card;
    }

    private ListView<Caseload.Member> memberList(List<Caseload.Member> members) {
        ListView<Caseload.Member> list = new ListView<>();
        list.getItems().setAll(members);
        list.setPrefHeight(Math.max(1, members.size()) * 28 + 4);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Caseload.Member item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
                setOnDragDetected(e -> {
                    if (getItem() != null) {
                        Dragboard board = startDragAndDrop(TransferMode.MOVE);
                        ClipboardContent content = new ClipboardContent();
                        content.putString(Long.toString(getItem().participantId()));
                        board.setContent(content);
                        e.consume();
                    }
                });
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, member) -> {
            if (member != null) {
                selected = member;
            }
        });
        return list;
    }

    private void moveSelected() {
        if (selected != null) {
            viewModel.moveTo(selected);
        }
    }

    // ---- the waiting list

    private Node waitingList() {
        TableView<NavigatorService.WaitingEntry> table = new TableView<>(viewModel.waiting());
        table.setId("waitingTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Tables.column(texts.get("waiting.column.name"), NavigatorService.WaitingEntry::name, 220));
        table.getColumns().add(Tables.column(texts.get("waiting.column.since"), w -> w.since().toString(), 110));
        table.getColumns().add(Tables.column(texts.get("waiting.column.days"), w -> Long.toString(w.daysWaited()), 80));
        table.setPlaceholder(Tables.placeholder(texts.get("waiting.none")));
        Button enroll = new Button(texts.get("waiting.enroll"));
        enroll.setId("enrollFromWaitingButton");
        enroll.getStyleClass().add(Styles.PRIMARY);
        enroll.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        enroll.setOnAction(e -> enrollDialog(table.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(10, enroll, table);
        box.getStyleClass().add("tab-content");
        return box;
    }

    /**
     * The enrollment form as a dialog. "Skriv in" does not close it by itself: it closes when the
     * enrollment is done, and a refusal is shown in it with everything chosen still there.
     */
    private void enrollDialog(NavigatorService.WaitingEntry entry) {
        NavigatorsViewModel.EnrollmentForm form = viewModel.enrollment(entry);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(texts.get("app.title"));
        dialog.setHeaderText(form.title());
        dialog.initOwner(root.getScene().getWindow());
        ComboBox<Navigator> navigator = new ComboBox<>();
        navigator.setId("enrollNavigatorChoice");
        navigator.getItems().setAll(form.choices());
        navigator.setConverter(names());
        navigator.valueProperty().bindBidirectional(form.navigatorProperty());
        DatePicker date = IsoDates.picker();
        date.setId("enrollDate");
        date.valueProperty().bindBidirectional(form.dateProperty());
        GridPane grid = FormGrid.create();
        grid.addRow(0, Cards.fieldLabel(texts.get("navigator.lots")), navigator);
        grid.addRow(1, Cards.fieldLabel(texts.get("case.field.date")), date);
        List<ComboBox<?>> situation = SituationFields.of(texts, form.situation(), "enrollOccupation", "enrollHousing",
                "enrollSubstance");
        for (int i = 0; i < situation.size(); i++) {
            grid.addRow(2 + i, Cards.fieldLabel(texts.get(SituationFields.LABELS.get(i))), situation.get(i));
        }
        Label refusal = new Label();
        refusal.setId("enrollRefusal");
        refusal.setWrapText(true);
        refusal.setMaxWidth(440);
        refusal.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        refusal.getStyleClass().add(Styles.FORM_MESSAGE);
        refusal.textProperty().bind(form.refusalProperty());
        refusal.visibleProperty().bind(form.refusalProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());
        // The dialog grows to show the refusal, and its buttons stay in view.
        form.refusalProperty().addListener((obs, old, now) -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        dialog.getDialogPane().setContent(new VBox(12, refusal, grid));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setMinWidth(480);
        dialog.setResizable(true);
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setText(texts.get("common.cancel"));
        cancel.setId(FxDialogs.CANCEL_BUTTON_ID);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("confirmEnrollButton");
        ok.setText(texts.get("waiting.enroll"));
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            // The dialog stays open until the enrollment is done.
            e.consume();
            form.enroll(() -> {
                dialog.setResult(ButtonType.OK);
                dialog.close();
            });
        });
        dialog.showAndWait();
    }

    // ---- the register of navigators

    private Node register() {
        NavigatorsViewModel.RegisterForm form = viewModel.register();
        TableView<Navigator> table = new TableView<>(viewModel.navigators());
        table.setId("navigatorTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Tables.column(texts.get("navigator.column.name"), Navigator::name, 180));
        table.getColumns().add(Tables.column(texts.get("navigator.column.cap"), n -> n.cap() == null
                ? texts.get("navigator.unitCap") : Integer.toString(n.cap()), 110));
        table.getColumns().add(Tables.column(texts.get("navigator.column.status"), viewModel::status,
                240));
        table.setPlaceholder(Tables.placeholder(texts.get("navigator.noneRegistered")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, n) -> {
            if (n != null) {
                form.selectedProperty().set(n);
            }
        });
        form.selectedProperty().addListener((obs, old, n) -> {
            if (n == null) {
                table.getSelectionModel().clearSelection();
            }
        });

        TextField name = new TextField();
        name.setId("navigatorNameField");
        name.textProperty().bindBidirectional(form.nameProperty());
        TextField cap = new TextField();
        cap.setId("navigatorCapField");
        cap.setPromptText(texts.get("navigator.unitCap"));
        cap.setPrefColumnCount(8);
        cap.setMaxWidth(160);
        cap.textProperty().bindBidirectional(form.capProperty());
        DatePicker from = IsoDates.picker();
        from.setId("navigatorFrom");
        from.valueProperty().bindBidirectional(form.fromProperty());
        // Enter saves, from any field of the form.
        for (TextField field : new TextField[] {name, cap, from.getEditor()}) {
            field.setOnAction(e -> {
                from.setValue(from.getConverter().fromString(from.getEditor().getText()));
                viewModel.save();
            });
        }
        Label fromHint = Cards.hint("");
        fromHint.textProperty().bind(Bindings.when(form.selectedProperty().isNull())
                .then(texts.get("navigator.from.newHint")).otherwise(texts.get("navigator.from.changeHint")));

        Button newNavigator = new Button(texts.get("navigator.new"));
        newNavigator.setId("newNavigatorButton");
        newNavigator.setOnAction(e -> {
            viewModel.newNavigator();
            name.requestFocus();
        });
        Button save = new Button();
        save.setId("saveNavigatorButton");
        save.getStyleClass().add(Styles.PRIMARY);
        save.textProperty().bind(Bindings.when(form.selectedProperty().isNull())
                .then(texts.get("navigator.create")).otherwise(texts.get("navigator.save")));
        save.setOnAction(e -> viewModel.save());
        Button deactivate = new Button(texts.get("navigator.deactivate"));
        deactivate.setId("deactivateNavigatorButton");
        Button activate = new Button(texts.get("navigator.activate"));
        activate.setId("activateNavigatorButton");
        var none = form.selectedProperty().isNull();
        deactivate.disableProperty().bind(none);
        activate.disableProperty().bind(none);
        deactivate.setOnAction(e -> viewModel.setActive(false));
        activate.setOnAction(e -> viewModel.setActive(true));
        Label formTitle = new Label();
        formTitle.setWrapText(true);
        formTitle.getStyleClass().add(Styles.SECTION_TITLE);
        formTitle.textProperty().bind(Bindings.when(form.selectedProperty().isNull())
                .then(texts.get("navigator.new")).otherwise(form.nameProperty()));
        GridPane grid = FormGrid.create();
        grid.addRow(0, Cards.fieldLabel(texts.get("navigator.column.name")),
                new VBox(4, name, Cards.fieldError(form.nameErrorProperty())));
        grid.addRow(1, Cards.fieldLabel(texts.get("navigator.column.cap")),
                new VBox(4, cap, Cards.fieldError(form.capErrorProperty())));
        grid.addRow(2, Cards.fieldLabel(texts.get("navigator.from")),
                new VBox(4, from, Cards.fieldError(form.fromErrorProperty()), fromHint));
        FlowPane buttons = new FlowPane(8, 8, save, newNavigator, activate, deactivate);
        VBox editing = new VBox(10, formTitle, grid, buttons);
        editing.getStyleClass().add(Styles.CARD);
        editing.setDisable(!viewModel.mayManageNavigators());
        editing.setMinWidth(320);
        editing.setPrefWidth(380);
        ScrollPane editingScroll = new ScrollPane(editing);
        editingScroll.setFitToWidth(true);
        editingScroll.setMinWidth(340);
        table.setMinWidth(280);
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox box = new HBox(12, table, editingScroll);
        box.getStyleClass().add("tab-content");
        return box;
    }

    private StringConverter<Navigator> names() {
        return new StringConverter<>() {
            @Override
            public String toString(Navigator n) {
                return n == null ? "" : n.name();
            }

            @Override
            public Navigator fromString(String s) {
                return null;
            }
        };
    }

    private static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }
}
