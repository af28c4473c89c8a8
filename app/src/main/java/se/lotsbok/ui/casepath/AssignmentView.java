package se.lotsbok.ui.casepath;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.ui.common.IsoDates;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/** "Lots": who is the participant's navigator, who was before and from when, and a new assignment. */
final class AssignmentView extends VBox {

    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    AssignmentView(CaseViewModel viewModel, Texts texts) {
        super(12);
        setId("assignmentView");
        CaseForms.AssignmentForm form = viewModel.forms().assignment();
        Label current = new Label();
        current.setId("currentNavigator");
        current.setWrapText(true);
        current.getStyleClass().add(Styles.SECTION_TITLE);

        TableView<NavigatorService.HistoryLine> history = new TableView<>(viewModel.navigatorHistory());
        history.setId("assignmentHistory");
        history.setPrefHeight(180);
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        history.getColumns().add(Tables.column(texts.get("navigator.column.from"),
                h -> h.assignment().date().toString(), 100));
        history.getColumns().add(Tables.column(texts.get("navigator.lots"),
                h -> h.assignment().navigatorId() == null ? texts.get("navigator.nobody") : h.navigator(), 180));
        history.getColumns().add(Tables.column(texts.get("case.column.recorded"), h -> RECORDED.format(
                h.assignment().recordedAt().atZone(viewModel.zone())) + " " + h.assignment().recordedBy(), 160));
        history.getColumns().getFirst().setMinWidth(95);
        history.setPlaceholder(Tables.placeholder(texts.get("navigator.noneYet")));

        ComboBox<Navigator> navigator = new ComboBox<>(viewModel.activeNavigators());
        navigator.setId("assignNavigatorChoice");
        navigator.setPromptText(texts.get("navigator.choose"));
        navigator.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Navigator item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        navigator.setButtonCell(navigator.getCellFactory().call(null));
        navigator.valueProperty().bindBidirectional(form.navigatorProperty());
        DatePicker from = IsoDates.picker();
        from.setId("assignFrom");
        from.valueProperty().bindBidirectional(form.fromProperty());
        Button assign = new Button(texts.get("navigator.assign"));
        assign.setId("assignButton");
        assign.getStyleClass().add(Styles.PRIMARY);
        assign.disableProperty().bind(form.navigatorProperty().isNull());
        assign.setOnAction(e -> viewModel.assign());
        Button unassign = new Button(texts.get("navigator.unassign"));
        unassign.setId("unassignButton");
        unassign.setOnAction(e -> viewModel.unassign());
        FlowPane row = new FlowPane(8, 8, navigator, from, assign, unassign);
        row.setAlignment(Pos.CENTER_LEFT);

        Runnable update = () -> current.setText(texts.format("navigator.current", currentName(viewModel, texts)));
        viewModel.fileProperty().addListener((obs, old, file) -> update.run());
        viewModel.navigatorHistory().addListener((ListChangeListener<NavigatorService.HistoryLine>) c -> update.run());
        Label newAssignment = new Label(texts.get("navigator.newAssignment"));
        newAssignment.getStyleClass().add(Styles.FIELD_LABEL);
        getChildren().addAll(current, CaseTabs.banner(viewModel, "assignmentMessage"), history, newAssignment, row);
    }

    private static String currentName(CaseViewModel viewModel, Texts texts) {
        LocalDate today = viewModel.today();
        return viewModel.navigatorHistory().stream().filter(h -> !h.assignment().date().isAfter(today)).findFirst()
                .map(h -> h.assignment().navigatorId() == null ? texts.get("navigator.nobody") : h.navigator())
                .orElse(texts.get("navigator.nobody"));
    }
}
