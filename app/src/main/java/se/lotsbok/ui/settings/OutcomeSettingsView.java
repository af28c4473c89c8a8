package se.lotsbok.ui.settings;

import static se.lotsbok.ui.common.Cards.card;
import static se.lotsbok.ui.common.Cards.fieldError;
import static se.lotsbok.ui.common.Cards.fieldLabel;
import static se.lotsbok.ui.common.Cards.hint;

import java.util.stream.IntStream;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.Styles;

/** The card "Uppföljning och utfall" on the settings screen. */
final class OutcomeSettingsView {

    private OutcomeSettingsView() {
    }

    static VBox of(OutcomeSettingsViewModel viewModel, Texts texts) {
        GridPane monthsGrid = FormGrid.create();
        TextField months = new TextField();
        months.setId("followUpMonthsField");
        months.setPrefColumnCount(4);
        months.textProperty().bindBidirectional(viewModel.monthsProperty());
        HBox monthsCell = new HBox(8, months, fieldError(viewModel.monthsErrorProperty()));
        monthsCell.setAlignment(Pos.CENTER_LEFT);
        monthsGrid.addRow(0, fieldLabel(texts.get("settings.outcome.months")), monthsCell);

        FlowPane orders = new FlowPane(24, 12);
        for (OutcomeSettingsViewModel.Field field : OutcomeSettingsViewModel.FIELDS) {
            GridPane grid = FormGrid.create();
            Label title = new Label(texts.get("settings.outcome.order." + field.key()));
            title.getStyleClass().add(Styles.FIELD_LABEL);
            grid.add(title, 0, 0, 2, 1);
            int row = 1;
            for (Enum<?> value : field.values()) {
                ComboBox<Integer> rank = new ComboBox<>();
                rank.setId("rank_" + value.getDeclaringClass().getSimpleName() + "_" + value.name());
                rank.getItems().setAll(IntStream.rangeClosed(1, field.values().size()).boxed().toList());
                rank.valueProperty().bindBidirectional(viewModel.rankProperty(value));
                grid.addRow(row++, new Label(EnumTexts.label(texts, value)), rank);
            }
            orders.getChildren().add(grid);
        }

        Button save = new Button(texts.get("settings.save"));
        save.setId("saveOutcomeSettingsButton");
        save.getStyleClass().add(Styles.PRIMARY);
        save.setOnAction(e -> viewModel.save());
        Button restore = new Button(texts.get("settings.outcome.default"));
        restore.setId("defaultOutcomeOrderButton");
        restore.setOnAction(e -> viewModel.restoreDefaultOrder());
        Label message = new Label();
        message.setId("outcomeSettingsMessage");
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(viewModel.messageProperty());
        HBox buttons = new HBox(12, save, restore, message);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox card = card(texts.get("settings.outcome.section"), hint(texts.get("settings.outcome.hint")), monthsGrid,
                hint(texts.get("settings.outcome.order.hint")), orders, buttons);
        card.setId("outcomeSettingsCard");
        if (!viewModel.canChange()) {
            monthsGrid.setDisable(true);
            orders.setDisable(true);
            buttons.setDisable(true);
        }
        card.setMaxWidth(720);
        return card;
    }
}
