package se.lotsbok.ui.navigator;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
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
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.navigator.Caseload;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.Confirm;
import se.lotsbok.ui.common.IsoDates;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/**
 * The "Lotsar" screen: the caseload board (drag a participant to another navigator, or select and
 * use "Flytta till…" from the keyboard), the waiting list, and the navigator register.
 */
public final class NavigatorsScreen {

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
        Label message = new Label();
        message.setId("navigatorsMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.NOTICE);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(viewModel.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());

        TabPane tabs = new TabPane(
                tab("boardTab", texts.get("navigator.board"), board()),
                tab("waitingTab", texts.get("waiting.tab"), waitingList()),
                tab("registerTab", texts.get("navigator.register"), register()));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root = new VBox(10, title, message, tabs);
        root.setId("navigatorsScreen");
    }

    public Node node() {
        return root;
    }

    public void load() {
        viewModel.load();
    }

    // ---- the board

    private Node board() {
        cards.setId("caseloadBoard");
        viewModel.board().addListener((ListChangeListener<Caseload>) c -> rebuildCards());
        viewModel.unassigned().addListener((ListChangeListener<Caseload.Member>) c -> rebuildCards());
        Button move = new Button(texts.get("navigator.moveTo"));
        move.setId("moveToButton");
        move.setOnAction(e -> moveSelected());
        Label hint = new Label(texts.get("navigator.boardHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
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
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label count = new Label(load);
        count.getStyleClass().add(overCap ? "over-cap" : Styles.MUTED);
        HBox header = new HBox(8, title, count);
        header.setAlignment(Pos.BASELINE_LEFT);
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
                viewModel.assign(Long.parseLong(board.getString()), navigatorId, viewModel.today(), this::confirmOverCap);
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
        if (selected == null) {
            return;
        }
        List<Navigator> active = viewModel.navigators().stream().filter(n -> n.activeOn(viewModel.today())).toList();
        ChoiceDialog<Navigator> choose = new ChoiceDialog<>(active.isEmpty() ? null : active.getFirst(), active);
        choose.setTitle(texts.get("app.title"));
        choose.setHeaderText(texts.format("navigator.moveWho", selected.name()));
        choose.initOwner(root.getScene().getWindow());
        Confirm.localize(choose.getDialogPane(), texts);
        @SuppressWarnings("unchecked")
        ComboBox<Navigator> combo = (ComboBox<Navigator>) choose.getDialogPane().lookup(".combo-box");
        if (combo != null) {
            combo.setId("moveToChoice");
            combo.setConverter(names());
        }
        long participant = selected.participantId();
        choose.showAndWait().ifPresent(n -> viewModel.assign(participant, n.id(), viewModel.today(), this::confirmOverCap));
    }

    private boolean confirmOverCap(NavigatorService.NeedsConfirmation ask) {
        return Confirm.overCap(texts, root, ask.navigator(), ask.caseload(), ask.cap());
    }

    // ---- the waiting list

    private Node waitingList() {
        TableView<NavigatorService.WaitingEntry> table = new TableView<>(viewModel.waiting());
        table.setId("waitingTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Tables.column(texts.get("waiting.column.name"), NavigatorService.WaitingEntry::name, 220));
        table.getColumns().add(Tables.column(texts.get("waiting.column.since"), w -> w.since().toString(), 110));
        table.getColumns().add(Tables.column(texts.get("waiting.column.days"), w -> Long.toString(w.daysWaited()), 80));
        table.setPlaceholder(new Label(texts.get("waiting.none")));
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

    private void enrollDialog(NavigatorService.WaitingEntry entry) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(texts.get("app.title"));
        dialog.setHeaderText(texts.format("waiting.enrollWho", entry.name()));
        dialog.initOwner(root.getScene().getWindow());
        ComboBox<Navigator> navigator = new ComboBox<>();
        navigator.setId("enrollNavigatorChoice");
        navigator.getItems().setAll(viewModel.navigators().stream().filter(n -> n.activeOn(viewModel.today())).toList());
        navigator.setConverter(names());
        DatePicker date = IsoDates.picker();
        date.setId("enrollDate");
        date.setValue(viewModel.today());
        ComboBox<Situation.Occupation> occupation = EnumTexts.combo(texts, Situation.Occupation.values());
        occupation.setId("enrollOccupation");
        ComboBox<Situation.Housing> housing = EnumTexts.combo(texts, Situation.Housing.values());
        housing.setId("enrollHousing");
        ComboBox<Situation.SubstanceUse> substance = EnumTexts.combo(texts, Situation.SubstanceUse.values());
        substance.setId("enrollSubstance");
        GridPane grid = FormGrid.create();
        grid.addRow(0, new Label(texts.get("navigator.lots")), navigator);
        grid.addRow(1, new Label(texts.get("case.field.date")), date);
        grid.addRow(2, new Label(texts.get("case.field.occupation")), occupation);
        grid.addRow(3, new Label(texts.get("case.field.housing")), housing);
        grid.addRow(4, new Label(texts.get("case.field.substanceUse")), substance);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Confirm.localize(dialog.getDialogPane(), texts);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("confirmEnrollButton");
        ok.setText(texts.get("waiting.enroll"));
        ok.disableProperty().bind(navigator.valueProperty().isNull().or(occupation.valueProperty().isNull())
                .or(housing.valueProperty().isNull()).or(substance.valueProperty().isNull()));
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.filter(ButtonType.OK::equals).isPresent()) {
            viewModel.enrollFromWaitingList(entry.participantId(), navigator.getValue().id(), date.getValue(),
                    new Situation(occupation.getValue(), housing.getValue(), substance.getValue()), this::confirmOverCap);
        }
    }

    // ---- the register of navigators

    private Node register() {
        TableView<Navigator> table = new TableView<>(viewModel.navigators());
        table.setId("navigatorTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Tables.column(texts.get("navigator.column.name"), Navigator::name, 200));
        table.getColumns().add(Tables.column(texts.get("navigator.column.cap"), n -> n.cap() == null
                ? texts.get("navigator.unitCap") : Integer.toString(n.cap()), 120));
        table.getColumns().add(Tables.column(texts.get("navigator.column.status"), this::activity, 220));
        TextField name = new TextField();
        name.setId("navigatorNameField");
        TextField cap = new TextField();
        cap.setId("navigatorCapField");
        cap.setPromptText(texts.get("navigator.unitCap"));
        cap.setPrefColumnCount(4);
        DatePicker from = IsoDates.picker();
        from.setId("navigatorFrom");
        from.setValue(viewModel.today());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, n) -> {
            name.setText(n == null ? "" : n.name());
            cap.setText(n == null || n.cap() == null ? "" : Integer.toString(n.cap()));
        });
        Button create = new Button(texts.get("navigator.new"));
        create.setId("createNavigatorButton");
        create.getStyleClass().add(Styles.PRIMARY);
        create.setOnAction(e -> viewModel.createNavigator(name.getText(), cap.getText(), from.getValue()));
        Button save = new Button(texts.get("navigator.save"));
        save.setId("saveNavigatorButton");
        Button deactivate = new Button(texts.get("navigator.deactivate"));
        deactivate.setId("deactivateNavigatorButton");
        Button activate = new Button(texts.get("navigator.activate"));
        activate.setId("activateNavigatorButton");
        var none = Bindings.isNull(table.getSelectionModel().selectedItemProperty());
        save.disableProperty().bind(none);
        deactivate.disableProperty().bind(none);
        activate.disableProperty().bind(none);
        save.setOnAction(e -> viewModel.updateNavigator(table.getSelectionModel().getSelectedItem().id(), name.getText(),
                cap.getText()));
        deactivate.setOnAction(e -> viewModel.setActive(table.getSelectionModel().getSelectedItem().id(), false,
                from.getValue()));
        activate.setOnAction(e -> viewModel.setActive(table.getSelectionModel().getSelectedItem().id(), true,
                from.getValue()));
        GridPane form = FormGrid.create();
        form.addRow(0, new Label(texts.get("navigator.column.name")), name);
        form.addRow(1, new Label(texts.get("navigator.column.cap")), cap);
        form.addRow(2, new Label(texts.get("navigator.from")), from);
        HBox buttons = new HBox(8, create, save, deactivate, activate);
        VBox editing = new VBox(10, form, buttons);
        editing.setDisable(!viewModel.mayManageNavigators());
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(10, table, editing);
        box.getStyleClass().add("tab-content");
        return box;
    }

    private String activity(Navigator n) {
        if (n.activity().isEmpty()) {
            return "";
        }
        Navigator.Activity last = n.activity().getLast();
        return texts.format(last.active() ? "navigator.activeFrom" : "navigator.inactiveFrom", last.from().toString());
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
