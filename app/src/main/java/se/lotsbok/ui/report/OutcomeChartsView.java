package se.lotsbok.ui.report;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Styles;

/**
 * "Utfall vid avslut" on the Rapporter screen: per situation field, the distribution at enrollment
 * beside the one at discharge, and the improved / unchanged / worsened counts, with the number of
 * people it rests on and a red note when that is below the small-number limit.
 */
final class OutcomeChartsView extends VBox {

    private final Texts texts;
    private final FlowPane charts = new FlowPane(12, 12);

    OutcomeChartsView(OutcomeChartsViewModel viewModel, Texts texts) {
        super(10);
        this.texts = texts;
        setId("outcomeCharts");
        getStyleClass().add(Styles.CARD);

        Label title = new Label(texts.get("report.outcome.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        ToggleGroup period = new ToggleGroup();
        ToggleButton month = new ToggleButton(texts.get("report.outcome.month"));
        month.setId("outcomePeriodMonth");
        month.setUserData(OutcomeChartsViewModel.Period.MONTH);
        ToggleButton year = new ToggleButton(texts.get("report.outcome.year"));
        year.setId("outcomePeriodYear");
        year.setUserData(OutcomeChartsViewModel.Period.YEAR);
        month.setToggleGroup(period);
        year.setToggleGroup(period);
        month.setSelected(viewModel.periodProperty().get() == OutcomeChartsViewModel.Period.MONTH);
        year.setSelected(!month.isSelected());
        period.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.periodProperty().set((OutcomeChartsViewModel.Period) now.getUserData());
            }
        });
        HBox top = new HBox(10, title, month, year);
        top.setAlignment(Pos.CENTER_LEFT);

        Label basis = new Label();
        basis.setId("outcomeBasis");
        basis.textProperty().bind(viewModel.basisProperty());
        Label warning = new Label();
        warning.setId("outcomeWarning");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.textProperty().bind(viewModel.warningProperty());
        warning.visibleProperty().bind(viewModel.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        Runnable colour = () -> {
            warning.getStyleClass().removeAll(Styles.FIELD_ERROR, Styles.MUTED);
            warning.getStyleClass().add(viewModel.belowLimitProperty().get() ? Styles.FIELD_ERROR : Styles.MUTED);
        };
        viewModel.belowLimitProperty().addListener((obs, old, now) -> colour.run());
        colour.run();
        Label followUps = new Label();
        followUps.setId("outcomeFollowUps");
        followUps.getStyleClass().add(Styles.MUTED);
        followUps.textProperty().bind(viewModel.followUpsProperty());
        followUps.visibleProperty().bind(viewModel.followUpsProperty().isNotEmpty());
        followUps.managedProperty().bind(followUps.visibleProperty());

        viewModel.charts().addListener((ListChangeListener<OutcomeChartsViewModel.FieldChart>) c -> show(viewModel));
        show(viewModel);
        getChildren().addAll(top, basis, warning, charts, followUps);
    }

    private void show(OutcomeChartsViewModel viewModel) {
        charts.getChildren().clear();
        for (OutcomeChartsViewModel.FieldChart field : viewModel.charts()) {
            charts.getChildren().add(chart(field));
        }
    }

    private Node chart(OutcomeChartsViewModel.FieldChart field) {
        // Bars lie down so that the values' words read across, however long.
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(ReportsScreen.integerAxis(), y);
        chart.setId("outcomeChart_" + field.field());
        chart.setTitle(field.title());
        chart.setAnimated(false);
        chart.setBarGap(1);
        chart.setCategoryGap(6);
        XYChart.Series<Number, String> enrolled = new XYChart.Series<>();
        enrolled.setName(texts.get("report.outcome.atEnrollment"));
        XYChart.Series<Number, String> discharged = new XYChart.Series<>();
        discharged.setName(texts.get("report.outcome.atDischarge"));
        // Top down in the order the window lists the values (a category axis fills from the bottom).
        for (OutcomeChartsViewModel.Bar bar : field.bars().reversed()) {
            enrolled.getData().add(new XYChart.Data<>(bar.atEnrollment(), bar.label()));
            discharged.getData().add(new XYChart.Data<>(bar.atDischarge(), bar.label()));
        }
        chart.getData().add(enrolled);
        chart.getData().add(discharged);
        chart.setPrefSize(320, 270);
        Label change = new Label(texts.format("report.outcome.change", field.improved(), field.unchanged(),
                field.worsened(), field.unknown()));
        change.setId("outcomeChange_" + field.field());
        change.setWrapText(true);
        change.setMaxWidth(315);
        change.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, chart, change);
        box.setPrefWidth(325);
        return box;
    }
}
