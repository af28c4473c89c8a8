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
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
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
        TableView<Goal> table = new TableView<>();
        table.setId("goalsTable");
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Tables.column(texts.get("goal.column.area"), g -> EnumTexts.label(texts, g.area()), 120));
        table.getColumns().add(Tables.column(texts.get("goal.column.goal"), Goal::description, 200));
        table.getColumns().add(Tables.column(texts.get("goal.column.responsible"),
                g -> EnumTexts.label(texts, g.responsible()), 110));
        table.getColumns().add(Tables.column(texts.get("goal.column.followUp"), g -> g.followUp().toString()
                + (g.overdue(viewModel.today()) ? " " + texts.get("goal.overdueMark") : ""), 120));
        table.getColumns().add(Tables.column(texts.get("goal.column.status"), g -> EnumTexts.label(texts, g.status())
                + " (" + g.history().getLast().date() + ")", 140));
        table.setPlaceholder(new Label(texts.get("goal.none")));
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
        Button setStatus = new Button(texts.get("goal.setStatus"));
        setStatus.setId("setGoalStatusButton");
        DatePicker followUp = IsoDates.picker();
        followUp.setId("goalNewFollowUp");
        Button setFollowUp = new Button(texts.get("goal.setFollowUp"));
        setFollowUp.setId("setFollowUpButton");
        var noneSelected = Bindings.isNull(table.getSelectionModel().selectedItemProperty());
        setStatus.disableProperty().bind(noneSelected);
        setFollowUp.disableProperty().bind(noneSelected);
        setStatus.setOnAction(e -> viewModel.setGoalStatus(table.getSelectionModel().getSelectedItem().id(),
                status.getValue()));
        setFollowUp.setOnAction(e -> viewModel.setFollowUp(table.getSelectionModel().getSelectedItem().id(),
                followUp.getValue()));
        GridPane changing = FormGrid.create();
        changing.addRow(0, label(texts, "goal.selected.status"), new HBox(8, status, setStatus));
        changing.addRow(1, label(texts, "goal.selected.followUp"), new HBox(8, followUp, setFollowUp));
        setStatus.setMinWidth(Region.USE_PREF_SIZE);
        setFollowUp.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<Goal.LifeArea> area = EnumTexts.combo(texts, Goal.LifeArea.values());
        area.setId("goalArea");
        TextField description = new TextField();
        description.setId("goalDescription");
        ComboBox<Partner> responsible = EnumTexts.combo(texts, Partner.values());
        responsible.setId("goalResponsible");
        DatePicker due = IsoDates.picker();
        due.setId("goalFollowUp");
        due.setValue(viewModel.today().plusMonths(1));
        GridPane form = FormGrid.create();
        form.addRow(0, label(texts, "goal.column.area"), area);
        form.addRow(1, label(texts, "goal.column.goal"), description);
        form.addRow(2, label(texts, "goal.column.responsible"), responsible);
        form.addRow(3, label(texts, "goal.column.followUp"), due);
        Button add = new Button(texts.get("goal.add"));
        add.setId("addGoalButton");
        add.getStyleClass().add(Styles.PRIMARY);
        add.setOnAction(e -> viewModel.addGoal(area.getValue(), description.getText(), responsible.getValue(),
                due.getValue()));

        VBox writing = new VBox(10, label(texts, "goal.selected"), changing, label(texts, "goal.new"), form, add);
        viewModel.fileProperty().addListener((obs, old, file) -> {
            table.getItems().setAll(file == null ? List.of() : file.goals());
            writing.setDisable(file == null || !file.mayWrite());
            description.clear();
        });
        getChildren().addAll(CaseTabs.messageLabel(viewModel, "planMessage"), table, writing);
    }

    private static Label label(Texts texts, String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add(Styles.FIELD_LABEL);
        return label;
    }
}
