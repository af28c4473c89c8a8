package se.lotsbok.ui.casepath;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.IsoDates;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/** "Handlingsplan": the goals, their dated statuses, and follow-ups that are overdue. */
final class PlanView extends VBox {

    PlanView(CaseViewModel viewModel, Texts texts) {
        super(12);
        setId("planView");
        CaseForms.GoalForm form = viewModel.forms().goal();
        TableView<Goal> table = new TableView<>();
        table.setId("goalsTable");
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Tables.column(texts.get("goal.column.area"),
                g -> EnumTexts.label(texts, g.area()), 110));
        table.getColumns().add(Tables.column(texts.get("goal.column.goal"), Goal::description, 200));
        table.getColumns().add(Tables.column(texts.get("goal.column.responsible"),
                g -> EnumTexts.label(texts, g.responsible()), 110));
        table.getColumns().add(Tables.column(texts.get("goal.column.followUp"),
                g -> g.followUp().toString() + (g.overdue(viewModel.today()) ? " " + texts.get("goal.overdueMark") : ""),
                110));
        table.getColumns().add(Tables.column(texts.get("goal.column.status"),
                g -> EnumTexts.label(texts, g.status()) + " (" + g.history().getLast().date() + ")", 130));
        table.setPlaceholder(Tables.placeholder(texts.get("goal.none")));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Goal item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove(Styles.OVERDUE);
                if (!empty && item != null && item.overdue(viewModel.today())) {
                    getStyleClass().add(Styles.OVERDUE);
                }
            }
        });

        ComboBox<Goal.Status> status = EnumTexts.combo(texts, Goal.Status.values());
        status.setId("goalStatusChoice");
        status.valueProperty().bindBidirectional(form.newStatusProperty());
        Button setStatus = new Button(texts.get("goal.setStatus"));
        setStatus.setId("setGoalStatusButton");
        DatePicker followUp = IsoDates.picker();
        followUp.setId("goalNewFollowUp");
        followUp.valueProperty().bindBidirectional(form.newFollowUpProperty());
        Button setFollowUp = new Button(texts.get("goal.setFollowUp"));
        setFollowUp.setId("setFollowUpButton");
        var noneSelected = Bindings.isNull(table.getSelectionModel().selectedItemProperty());
        setStatus.disableProperty().bind(noneSelected);
        setFollowUp.disableProperty().bind(noneSelected);
        setStatus.setOnAction(e -> viewModel.setGoalStatus(table.getSelectionModel().getSelectedItem().id()));
        setFollowUp.setOnAction(e -> viewModel.setFollowUp(table.getSelectionModel().getSelectedItem().id()));
        GridPane changing = FormGrid.create();
        changing.addRow(0, label(texts, "goal.selected.status"), new FlowPane(8, 8, status, setStatus));
        changing.addRow(1, label(texts, "goal.selected.followUp"), new FlowPane(8, 8, followUp, setFollowUp));

        ComboBox<Goal.LifeArea> area = EnumTexts.combo(texts, Goal.LifeArea.values());
        area.setId("goalArea");
        area.valueProperty().bindBidirectional(form.areaProperty());
        TextField description = new TextField();
        description.setId("goalDescription");
        description.textProperty().bindBidirectional(form.descriptionProperty());
        ComboBox<Partner> responsible = EnumTexts.combo(texts, Partner.values());
        responsible.setId("goalResponsible");
        responsible.valueProperty().bindBidirectional(form.responsibleProperty());
        DatePicker due = IsoDates.picker();
        due.setId("goalFollowUp");
        due.valueProperty().bindBidirectional(form.followUpProperty());
        GridPane grid = FormGrid.create();
        grid.addRow(0, label(texts, "goal.column.area"), area);
        grid.addRow(1, label(texts, "goal.column.goal"), description);
        grid.addRow(2, label(texts, "goal.column.responsible"), responsible);
        grid.addRow(3, label(texts, "goal.column.followUp"), due);
        Button add = new Button(texts.get("goal.add"));
        add.setId("addGoalButton");
        add.getStyleClass().add(Styles.PRIMARY);
        add.setOnAction(e -> viewModel.addGoal());

        VBox writing = new VBox(10, label(texts, "goal.selected"), changing, label(texts, "goal.new"), grid, add);
        viewModel.fileProperty().subscribe(file -> {
            table.getItems().setAll(file == null ? List.of() : file.goals());
            writing.setDisable(file == null || !file.mayWrite());
        });
        getChildren().addAll(CaseTabs.banner(viewModel, "planMessage"), table, writing);
    }

    private static Label label(Texts texts, String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add(Styles.FIELD_LABEL);
        return label;
    }
}
