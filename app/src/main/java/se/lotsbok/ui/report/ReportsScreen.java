package se.lotsbok.ui.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.ReportService;
import se.lotsbok.report.TallyFormat;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/**
 * The "Rapporter" screen: the month picker, where the month stands against its last export, the
 * key figures and charts, the whole tally as a table, the yearly summary, and the exports and the
 * spreadsheet import.
 */
public final class ReportsScreen implements Screen {

    private static final String[] FIGURES = {"enrolled_at_end", "new_enrollments", "discharges", "referrals",
        "waiting_at_end", "contacted_not_enrolled"};

    private final ReportsViewModel viewModel;
    private final Texts texts;
    private final FileDialogs files;
    private final VBox root;
    private final FlowPane figures = new FlowPane(12, 12);
    private final FlowPane charts = new FlowPane(12, 12);

    public ReportsScreen(ReportsViewModel viewModel, Texts texts, FileDialogs files) {
        this.viewModel = viewModel;
        this.texts = texts;
        this.files = files;

        Label title = new Label(texts.get("nav.reports"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);

        ComboBox<YearMonth> month = new ComboBox<>(viewModel.months());
        month.setId("reportMonth");
        month.setVisibleRowCount(12);
        StringConverter<YearMonth> names = new StringConverter<>() {
            @Override
            public String toString(YearMonth value) {
                return value == null ? "" : capitalized(viewModel.monthName(value));
            }

            @Override
            public YearMonth fromString(String text) {
                return null;
            }
        };
        month.setConverter(names);
        month.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(YearMonth item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : names.toString(item));
            }
        });
        month.valueProperty().bindBidirectional(viewModel.monthProperty());
        Label monthLabel = new Label(texts.get("report.month"));
        monthLabel.getStyleClass().add(Styles.FIELD_LABEL);
        monthLabel.setLabelFor(month);

        ProgressBar progress = new ProgressBar();
        progress.setId("reportProgress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        Label counting = new Label(texts.get("report.loading"));
        counting.getStyleClass().add(Styles.MUTED);
        counting.visibleProperty().bind(viewModel.busyProperty());

        Button importButton = new Button(texts.get("report.import"));
        importButton.setId("importButton");
        importButton.setOnAction(e -> files.open(importButton, texts.get("report.import.title"), "csv")
                .ifPresent(viewModel::previewImport));
        importButton.disableProperty().bind(viewModel.busyProperty());
        Button list = new Button(texts.get("report.exportList"));
        list.setId("exportListButton");
        list.setOnAction(e -> {
            if (viewModel.confirmParticipantList()) {
                files.save(list, texts.get("report.exportList"), "deltagarlista.csv", "csv")
                        .ifPresent(viewModel::exportParticipantList);
            }
        });
        list.disableProperty().bind(viewModel.busyProperty());
        // Wraps rather than cutting the buttons' words in a narrow window.
        HBox monthBox = new HBox(10, monthLabel, month, progress, counting);
        monthBox.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(10, list, importButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        FlowPane top = new FlowPane(10, 8, monthBox, actions);
        top.setAlignment(Pos.CENTER_LEFT);

        Label state = new Label();
        state.setId("reportExportState");
        state.setWrapText(true);
        state.setMaxWidth(Double.MAX_VALUE);
        state.setMinHeight(Region.USE_PREF_SIZE);
        state.textProperty().bind(viewModel.exportStateProperty());
        state.getStyleClass().add(Styles.NOTICE);
        viewModel.changedSinceExportProperty().addListener((obs, was, changed) -> {
            state.getStyleClass().removeAll(Styles.NOTICE, Styles.ALERT);
            state.getStyleClass().add(changed ? Styles.ALERT : Styles.NOTICE);
        });
        Label changedMonths = new Label();
        changedMonths.setId("reportChangedMonths");
        changedMonths.textProperty().bind(viewModel.changedMonthsProperty());
        changedMonths.getStyleClass().add(Styles.FIELD_WARNING);
        changedMonths.visibleProperty().bind(viewModel.changedMonthsProperty().isNotEmpty());
        changedMonths.managedProperty().bind(changedMonths.visibleProperty());

        figures.setId("reportFigures");
        charts.setId("reportCharts");

        Label tallyTitle = new Label(texts.get("report.section.tally"));
        tallyTitle.getStyleClass().add(Styles.SECTION_TITLE);
        TableView<ReportsViewModel.TallyLine> tally = tallyTable();
        VBox tallyBox = new VBox(8, tallyTitle, tally);
        tallyBox.getStyleClass().add(Styles.CARD);
        HBox.setHgrow(tallyBox, Priority.ALWAYS);

        Label yearTitle = new Label(texts.get("report.section.year"));
        yearTitle.getStyleClass().add(Styles.SECTION_TITLE);
        VBox yearBox = new VBox(8, yearTitle, yearTable());
        yearBox.getStyleClass().add(Styles.CARD);

        VBox side = new VBox(12, yearBox);
        side.setPrefWidth(430);
        side.setMinWidth(380);
        HBox tables = new HBox(12, tallyBox, side);

        Label message = new Label();
        message.setId("reportMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.getStyleClass().add(Styles.MUTED);
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        VBox body = new VBox(14, figures, charts, new OutcomeChartsView(viewModel.outcomes(), texts), tables);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        root = new VBox(12, title, top, exportBar(), state, changedMonths, message, scroll);
        root.setId("reportsScreen");

        viewModel.dashboardProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showFigures(now);
                showCharts(now);
            }
        });
        viewModel.importPreviewProperty().addListener((obs, old, now) -> {
            if (now != null) {
                new ImportPreviewDialog(texts, root, now).showAndWait().ifPresentOrElse(confirmed -> {
                    if (confirmed) {
                        viewModel.confirmImport();
                    } else {
                        viewModel.cancelImport();
                    }
                }, viewModel::cancelImport);
            }
        });
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return texts.get("nav.reports");
    }

    @Override
    public void shown() {
        viewModel.load();
    }

    private TableView<ReportsViewModel.TallyLine> tallyTable() {
        TableView<ReportsViewModel.TallyLine> table = new TableView<>(viewModel.lines());
        table.setId("tallyTable");
        table.setPlaceholder(Tables.placeholder(texts.get("report.loading")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(520);
        TableColumn<ReportsViewModel.TallyLine, String> measure = Tables.column(texts.get("report.column.measure"),
                l -> l.total() ? l.text() : "      " + l.text(), 380);
        measure.setSortable(false);
        TableColumn<ReportsViewModel.TallyLine, String> value = Tables.column(texts.get("report.column.value"),
                l -> Long.toString(l.value()), 90);
        value.setSortable(false);
        value.setStyle("-fx-alignment: center-right;");
        table.getColumns().add(measure);
        table.getColumns().add(value);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ReportsViewModel.TallyLine item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("tally-total");
                if (!empty && item != null && item.total()) {
                    getStyleClass().add("tally-total");
                }
            }
        });
        return table;
    }

    private TableView<ReportsViewModel.YearLine> yearTable() {
        TableView<ReportsViewModel.YearLine> table = new TableView<>(viewModel.years());
        table.setId("yearTable");
        table.setPlaceholder(Tables.placeholder(texts.get("report.loading")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setFixedCellSize(30);
        table.setPrefHeight(30 * 3 + 34);
        table.getColumns().add(Tables.column(texts.get("report.column.year"), ReportsViewModel.YearLine::year, 60));
        table.getColumns().add(number(texts.get("report.column.enrolled"), ReportsViewModel.YearLine::enrolled));
        TableColumn<ReportsViewModel.YearLine, String> contacted = number(texts.get("report.column.contacted"),
                ReportsViewModel.YearLine::contacted);
        Label contactedHeader = new Label(texts.get("report.column.contacted"));
        contactedHeader.setTooltip(new Tooltip(texts.get("report.column.contacted.help")));
        contacted.setText(null);
        contacted.setGraphic(contactedHeader);
        table.getColumns().add(contacted);
        table.getColumns().add(number(texts.get("report.column.total"), ReportsViewModel.YearLine::total));
        return table;
    }

    private static <T> TableColumn<T, String> number(String title, java.util.function.ToLongFunction<T> value) {
        TableColumn<T, String> column = Tables.column(title, t -> Long.toString(value.applyAsLong(t)), 80);
        column.setStyle("-fx-alignment: center-right;");
        return column;
    }

    private FlowPane exportBar() {
        ComboBox<TallyFormat> format = new ComboBox<>();
        format.setId("exportFormat");
        format.getItems().setAll(TallyFormat.values());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(TallyFormat value) {
                return value == null ? "" : value.extension().toUpperCase(Locale.ROOT);
            }

            @Override
            public TallyFormat fromString(String text) {
                return null;
            }
        });
        format.valueProperty().bindBidirectional(viewModel.formatProperty());
        Label formatLabel = new Label(texts.get("report.format"));
        formatLabel.setLabelFor(format);
        CheckBox comma = new CheckBox(texts.get("report.comma"));
        comma.setId("exportComma");
        comma.selectedProperty().bindBidirectional(viewModel.commaProperty());
        comma.disableProperty().bind(viewModel.formatProperty().isEqualTo(TallyFormat.JSON));

        CheckBox suppress = new CheckBox(texts.get("report.suppress"));
        suppress.setId("exportSuppress");
        suppress.selectedProperty().bindBidirectional(viewModel.suppressProperty());
        suppress.setTooltip(new Tooltip(texts.get("report.suppress.help")));
        Spinner<Integer> upTo = new Spinner<>(1, 9, viewModel.suppressUpToProperty().get());
        upTo.setId("exportSuppressUpTo");
        upTo.setPrefWidth(70);
        upTo.disableProperty().bind(suppress.selectedProperty().not());
        upTo.valueProperty().addListener((obs, old, now) -> viewModel.suppressUpToProperty().set(now));

        Button month = new Button(texts.get("report.exportMonth"));
        month.setId("exportMonthButton");
        month.getStyleClass().add(Styles.PRIMARY);
        month.setOnAction(e -> files.save(root, texts.get("report.exportMonth"), viewModel.monthFileName(),
                viewModel.formatProperty().get().extension()).ifPresent(viewModel::exportMonth));
        Button year = new Button(texts.get("report.exportYear"));
        year.setId("exportYearButton");
        year.setOnAction(e -> files.save(root, texts.get("report.exportYear"), viewModel.yearFileName(),
                viewModel.formatProperty().get().extension()).ifPresent(viewModel::exportYear));
        for (Button b : List.of(month, year)) {
            b.disableProperty().bind(viewModel.busyProperty());
        }

        HBox options = new HBox(10, formatLabel, format, comma, suppress, upTo);
        options.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(10, month, year);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (var node : List.of(formatLabel, comma, suppress, month, year)) {
            node.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane bar = new FlowPane(16, 8, options, buttons);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TOOLBAR);
        return bar;
    }

    private void showFigures(ReportService.Dashboard dashboard) {
        figures.getChildren().clear();
        for (String measure : FIGURES) {
            Label number = new Label(Long.toString(dashboard.tally().total(measure)));
            number.getStyleClass().add("figure-number");
            number.setId("figure_" + measure);
            Label caption = new Label(texts.get("report.measure." + measure));
            caption.setWrapText(true);
            caption.setMinHeight(Region.USE_PREF_SIZE);
            caption.getStyleClass().add(Styles.MUTED);
            VBox card = new VBox(2, number, caption);
            card.getStyleClass().addAll(Styles.CARD, "figure");
            card.setPrefWidth(160);
            figures.getChildren().add(card);
        }
    }

    private void showCharts(ReportService.Dashboard dashboard) {
        charts.getChildren().setAll(caseloadChart(dashboard), enrolledChart(dashboard), flowChart(dashboard));
    }

    private Node caseloadChart(ReportService.Dashboard dashboard) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = integerAxis();
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("caseloadChart");
        chart.setTitle(texts.get("report.chart.caseload"));
        XYChart.Series<String, Number> load = new XYChart.Series<>();
        load.setName(texts.get("report.chart.caseload.load"));
        XYChart.Series<String, Number> cap = new XYChart.Series<>();
        cap.setName(texts.get("report.chart.caseload.cap"));
        for (ReportService.NavigatorLoad n : dashboard.loads()) {
            load.getData().add(new XYChart.Data<>(n.name(), n.load()));
            cap.getData().add(new XYChart.Data<>(n.name(), n.cap()));
        }
        chart.getData().add(load);
        chart.getData().add(cap);
        if (dashboard.loads().isEmpty()) {
            Label none = new Label(texts.get("report.chart.noNavigators"));
            none.getStyleClass().add(Styles.MUTED);
            return chartCard(new VBox(8, chart, none));
        }
        return chartCard(chart);
    }

    private Node enrolledChart(ReportService.Dashboard dashboard) {
        CategoryAxis x = new CategoryAxis();
        LineChart<String, Number> chart = new LineChart<>(x, integerAxis());
        chart.setId("enrolledChart");
        chart.setTitle(texts.get("report.chart.enrolled"));
        chart.setLegendVisible(false);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(texts.get("report.measure.enrolled_at_end"));
        for (ReportService.MonthPoint p : dashboard.trend()) {
            series.getData().add(new XYChart.Data<>(shortMonth(p), p.enrolledAtEnd()));
        }
        chart.getData().add(series);
        return chartCard(chart);
    }

    private Node flowChart(ReportService.Dashboard dashboard) {
        CategoryAxis x = new CategoryAxis();
        BarChart<String, Number> chart = new BarChart<>(x, integerAxis());
        chart.setId("flowChart");
        chart.setTitle(texts.get("report.chart.flow"));
        XYChart.Series<String, Number> enrolled = new XYChart.Series<>();
        enrolled.setName(texts.get("report.measure.new_enrollments"));
        XYChart.Series<String, Number> discharged = new XYChart.Series<>();
        discharged.setName(texts.get("report.measure.discharges"));
        for (ReportService.MonthPoint p : dashboard.trend()) {
            enrolled.getData().add(new XYChart.Data<>(shortMonth(p), p.newEnrollments()));
            discharged.getData().add(new XYChart.Data<>(shortMonth(p), p.discharges()));
        }
        chart.getData().add(enrolled);
        chart.getData().add(discharged);
        return chartCard(chart);
    }

    /** "okt 26", with a star when the month changed after it was exported. */
    private String shortMonth(ReportService.MonthPoint p) {
        String name = p.month().format(java.time.format.DateTimeFormatter.ofPattern("MMM yy", texts.locale()));
        return p.state() == ReportService.ExportState.CHANGED ? name + " *" : name;
    }

    /** A count axis: whole numbers only, no minor ticks. */
    static NumberAxis integerAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue()) ? Long.toString(value.longValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Long.parseLong(text);
            }
        });
        return axis;
    }

    private static Node chartCard(Node chart) {
        VBox card = new VBox(chart);
        card.getStyleClass().add(Styles.CARD);
        card.setPrefSize(335, 300);
        if (chart instanceof Region region) {
            region.setPrefSize(320, 280);
        }
        return card;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
