package se.lotsbok.ui.casepath;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Cards;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.IsoDates;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/**
 * "Uppföljning efter avslut", below the case path once a follow-up has been agreed: the follow-ups after discharge the participant agreed to, and recording one: the
 * situation again when the person was reached, or that they could not be reached or declined.
 */
final class FollowUpView extends VBox {

    FollowUpView(CaseViewModel viewModel, Texts texts) {
        super(12);
        setId("followUpView");

        TableView<CaseViewModel.FollowUpLine> table = new TableView<>();
        table.setId("followUpTable");
        table.setPrefHeight(160);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Tables.column(texts.get("followup.column.discharged"),
                (CaseViewModel.FollowUpLine l) -> l.discharge().date().toString(), 100));
        table.getColumns().add(Tables.column(texts.get("followup.column.due"),
                l -> l.discharge().followUpDue().toString(), 100));
        table.getColumns().add(Tables.column(texts.get("followup.column.result"), l -> l.done() == null
                ? texts.get("followup.notRecorded")
                : EnumTexts.label(texts, l.done().result()) + " (" + l.done().date() + ")", 170));
        table.getColumns().add(Tables.column(texts.get("followup.column.situation"), l -> l.done() == null
                || l.done().situation() == null ? "" : situationText(texts, l.done().situation()), 260));
        table.setPlaceholder(new Label(texts.get("followup.none")));

        ComboBox<CaseEvent> discharge = new ComboBox<>();
        discharge.setId("followUpDischargeChoice");
        StringConverter<CaseEvent> dischargeText = new StringConverter<>() {
            @Override
            public String toString(CaseEvent e) {
                return e == null ? "" : texts.format("followup.discharge", e.date().toString(), e.followUpDue().toString());
            }

            @Override
            public CaseEvent fromString(String text) {
                return null;
            }
        };
        discharge.setConverter(dischargeText);
        discharge.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CaseEvent item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : dischargeText.toString(item));
            }
        });
        DatePicker date = IsoDates.picker();
        date.setId("followUpDate");
        ComboBox<DischargeFollowUp.Result> result = EnumTexts.combo(texts, DischargeFollowUp.Result.values());
        result.setId("followUpResultChoice");
        SituationChoices situation = new SituationChoices(texts, "followUp");
        // The situation is asked for only when the person was reached.
        var notReached = result.valueProperty().isNotEqualTo(DischargeFollowUp.Result.REACHED);
        situation.occupation.disableProperty().bind(notReached);
        situation.housing.disableProperty().bind(notReached);
        situation.substanceUse.disableProperty().bind(notReached);

        GridPane form = FormGrid.create();
        form.addRow(0, label(texts, "followup.field.discharge"), discharge);
        form.addRow(1, label(texts, "followup.field.date"), date);
        form.addRow(2, label(texts, "followup.field.result"), result);
        form.addRow(3, label(texts, "case.field.occupation"), situation.occupation);
        form.addRow(4, label(texts, "case.field.housing"), situation.housing);
        form.addRow(5, label(texts, "case.field.substanceUse"), situation.substanceUse);
        Button record = new Button(texts.get("followup.record"));
        record.setId("recordFollowUpButton");
        record.getStyleClass().add(Styles.PRIMARY);
        record.disableProperty().bind(discharge.valueProperty().isNull());
        record.setOnAction(e -> {
            boolean reached = result.getValue() == DischargeFollowUp.Result.REACHED;
            viewModel.recordFollowUp(discharge.getValue().id(), date.getValue(), result.getValue(),
                    reached ? situation.value() : null);
        });
        VBox writing = new VBox(10, label(texts, "followup.new"), form, record);
        writing.setId("followUpForm");

        viewModel.fileProperty().addListener((obs, old, file) -> {
            List<CaseViewModel.FollowUpLine> lines = viewModel.followUpLines();
            table.getItems().setAll(lines);
            // Most participants never agree to a follow-up: the section is there only for those who did.
            setVisible(!lines.isEmpty());
            setManaged(!lines.isEmpty());
            List<CaseEvent> pending = viewModel.pendingFollowUps();
            discharge.getItems().setAll(pending);
            discharge.setValue(pending.isEmpty() ? null : pending.getFirst());
            date.setValue(viewModel.today());
            result.setValue(null);
            situation.clear();
            writing.setVisible(!pending.isEmpty());
            writing.setManaged(!pending.isEmpty());
            writing.setDisable(file == null || !file.mayWrite());
        });
        setVisible(false);
        setManaged(false);
        Label title = new Label(texts.get("followup.tab"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        getChildren().addAll(title, Cards.hint(texts.get("followup.hint")), CaseTabs.banner(viewModel, "followUpMessage"),
                table, writing);
    }

    private static String situationText(Texts texts, Situation s) {
        return EnumTexts.label(texts, s.occupation()) + " · " + EnumTexts.label(texts, s.housing()) + " · "
                + texts.get("case.substance") + " " + EnumTexts.label(texts, s.substanceUse());
    }

    private static Label label(Texts texts, String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add(Styles.FIELD_LABEL);
        return label;
    }
}
