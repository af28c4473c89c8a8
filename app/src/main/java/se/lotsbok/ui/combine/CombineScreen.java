package se.lotsbok.ui.combine;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.combine.Compilation;
import se.lotsbok.report.combine.CompilationFormat;
import se.lotsbok.report.combine.CompilationWriter;
import se.lotsbok.report.combine.TallyFile;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Cards;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.Styles;

/**
 * The "Sammanställning" screen: the units' exported files, added by a dialog or dropped here, the
 * table with each file's signature, a bar per unit, and the compilation's exports (CSV, JSON, a
 * one-page PDF for the committee). Needs nothing of the register.
 */
public final class CombineScreen implements Screen {

    private static final String PROBLEM_ROW = "combine-problem";
    private static final String TOTAL_ROW = "tally-total";

    private final CombineViewModel viewModel;
    private final Texts texts;
    private final FileDialogs files;
    private final VBox root;
    private final TableView<CombineViewModel.UnitLine> table = new TableView<>();
    private final VBox chartBox = new VBox();

    public CombineScreen(CombineViewModel viewModel, Texts texts, FileDialogs files) {
        this.viewModel = viewModel;
        this.texts = texts;
        this.files = files;

        Label title = new Label(texts.get("nav.combine"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        Label intro = Cards.hint(texts.get("combine.intro"));
        intro.setMinHeight(Region.USE_PREF_SIZE);

        Button add = new Button(texts.get("combine.add"));
        add.setId("combineAddButton");
        add.getStyleClass().add(Styles.PRIMARY);
        add.setOnAction(e -> {
            List<Path> chosen = files.openMany(add, texts.get("combine.add"), "json");
            if (!chosen.isEmpty()) {
                viewModel.addFiles(chosen);
            }
        });
        Button remove = new Button(texts.get("combine.remove"));
        remove.setId("combineRemoveButton");
        remove.setOnAction(e -> {
            CombineViewModel.UnitLine line = table.getSelectionModel().getSelectedItem();
            if (line != null && !line.total()) {
                viewModel.remove(line);
            }
        });
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button clear = new Button(texts.get("combine.clear"));
        clear.setId("combineClearButton");
        clear.setOnAction(e -> viewModel.clear());
        CheckBox unsigned = new CheckBox(texts.get("combine.allowUnsigned"));
        unsigned.setId("combineAllowUnsigned");
        unsigned.selectedProperty().bindBidirectional(viewModel.allowUnsignedProperty());
        Button trust = new Button(texts.get("combine.trust"));
        trust.setId("combineTrustButton");
        trust.setOnAction(e -> files.open(trust, texts.get("combine.trust"), "txt").ifPresent(viewModel::trust));
        Label trustState = new Label();
        trustState.setId("combineTrustState");
        trustState.getStyleClass().add(Styles.MUTED);
        trustState.textProperty().bind(viewModel.trustStateProperty());
        Button trustAny = new Button(texts.get("combine.trustAny"));
        trustAny.setId("combineTrustAnyButton");
        trustAny.setOnAction(e -> viewModel.trustAny());
        trustAny.visibleProperty().bind(viewModel.trustStateProperty().isNotEmpty());
        trustAny.managedProperty().bind(trustAny.visibleProperty());
        // Wraps rather than cuts its buttons in a narrow window.
        FlowPane fileBar = new FlowPane(10, 8, add, remove, clear, unsigned, trust, trustState, trustAny);
        fileBar.setAlignment(Pos.CENTER_LEFT);
        fileBar.getStyleClass().add(Styles.TOOLBAR);

        Label problem = new Label();
        problem.setId("combineProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add(Styles.ALERT);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        table.setId("combineTable");
        table.setItems(viewModel.lines());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // As tall as its lines (at least a few), so that the chart below stays in sight.
        table.setFixedCellSize(30);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.max(4, javafx.beans.binding.Bindings.size(
                viewModel.lines())).add(1.3).multiply(30));
        table.minHeightProperty().bind(table.prefHeightProperty());
        Label empty = new Label(texts.get("combine.empty"));
        empty.getStyleClass().add(Styles.MUTED);
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CombineViewModel.UnitLine item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                getStyleClass().removeAll(PROBLEM_ROW, TOTAL_ROW);
                if (!isEmpty && item != null && item.problem()) {
                    getStyleClass().add(PROBLEM_ROW);
                } else if (!isEmpty && item != null && item.total()) {
                    getStyleClass().add(TOTAL_ROW);
                }
            }
        });
        viewModel.columns().addListener((javafx.collections.ListChangeListener<String>) c -> buildColumns());
        buildColumns();

        CheckBox suppress = new CheckBox(texts.get("report.suppress"));
        suppress.setId("combineSuppress");
        suppress.selectedProperty().bindBidirectional(viewModel.suppressProperty());
        Spinner<Integer> upTo = new Spinner<>(1, 9, viewModel.suppressUpToProperty().get());
        upTo.setId("combineSuppressUpTo");
        upTo.setPrefWidth(70);
        upTo.disableProperty().bind(suppress.selectedProperty().not());
        upTo.valueProperty().addListener((obs, old, now) -> viewModel.suppressUpToProperty().set(now));
        FlowPane exportBar = new FlowPane(10, 8, suppress, upTo, exportButton(CompilationFormat.PDF, "combineExportPdf"),
                exportButton(CompilationFormat.CSV, "combineExportCsv"),
                exportButton(CompilationFormat.JSON, "combineExportJson"));
        exportBar.setAlignment(Pos.CENTER_LEFT);
        exportBar.getStyleClass().add(Styles.TOOLBAR);

        Label message = new Label();
        message.setId("combineMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        chartBox.setId("combineChartBox");
        VBox tableCard = new VBox(8, table);
        tableCard.getStyleClass().add(Styles.CARD);
        VBox body = new VBox(14, tableCard, chartBox);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        root = new VBox(12, title, intro, fileBar, problem, exportBar, message, scroll);
        root.setId("combineScreen");
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles();
            if (done) {
                viewModel.addFiles(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            }
            e.setDropCompleted(done);
            e.consume();
        });
        viewModel.compilationProperty().addListener((obs, old, now) -> showChart(now));
    }

    @Override
    public Node node() {
        return root;
    }

    /** Nothing to read afresh when shown: the screen shows the files the user gave it. */
    @Override
    public String title() {
        return texts.get("nav.combine");
    }

    private Button exportButton(CompilationFormat format, String id) {
        Button button = new Button(texts.get("combine.export." + format.extension()));
        button.setId(id);
        if (format == CompilationFormat.PDF) {
            button.getStyleClass().add(Styles.PRIMARY);
        }
        button.setOnAction(e -> files.save(root, button.getText(), viewModel.fileName(format), format.extension())
                .ifPresent(file -> viewModel.export(file, format)));
        button.disableProperty().bind(viewModel.completeProperty().not().or(viewModel.busyProperty()));
        return button;
    }

    private void buildColumns() {
        table.getColumns().clear();
        table.getColumns().add(column(texts.get("combine.column.unit"), CombineViewModel.UnitLine::unit, 200, false));
        List<String> headings = viewModel.columns();
        for (int i = 0; i < headings.size(); i++) {
            int index = i;
            table.getColumns().add(column(headings.get(i), l -> l.values().get(index), 90, true));
        }
        table.getColumns().add(column(texts.get("combine.column.state"), CombineViewModel.UnitLine::state, 260, false));
        table.getColumns().add(column(texts.get("combine.column.file"), CombineViewModel.UnitLine::file, 150, false));
    }

    private static TableColumn<CombineViewModel.UnitLine, String> column(String heading,
            java.util.function.Function<CombineViewModel.UnitLine, String> value, double width, boolean number) {
        TableColumn<CombineViewModel.UnitLine, String> column = new TableColumn<>(heading);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        if (number) {
            column.getStyleClass().add("number-column");
        }
        return column;
    }

    private void showChart(Compilation compilation) {
        chartBox.getChildren().clear();
        if (compilation == null) {
            return;
        }
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        chart.setId("combineChart");
        chart.setTitle(texts.get("combine.chart.title"));
        chart.setAnimated(false);
        for (Compilation.Column column : compilation.chartColumns()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(CompilationWriter.label(column, texts));
            for (TallyFile part : compilation.parts()) {
                series.getData().add(new XYChart.Data<>(CompilationWriter.unitName(part, texts),
                        compilation.value(part, column).orElse(0L)));
            }
            chart.getData().add(series);
        }
        chart.setPrefHeight(300);
        VBox card = new VBox(chart);
        card.getStyleClass().add(Styles.CARD);
        chartBox.getChildren().add(card);
    }
}
