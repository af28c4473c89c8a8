package se.lotsbok.ui.retention;

import static se.lotsbok.ui.common.Cards.card;
import static se.lotsbok.ui.common.Cards.fieldError;
import static se.lotsbok.ui.common.Cards.fieldLabel;
import static se.lotsbok.ui.common.Cards.hint;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Banner;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/**
 * The "Gallring" screen: the case files due for gallring with their dates and a count, marking one
 * to be kept (bevaras), the confirmation that deletes the personal data of all those listed, the
 * case files marked to be kept, and the retention settings.
 */
public final class RetentionScreen implements Screen {

    public static final String CONFIRM_BUTTON_ID = RetentionViewModel.CONFIRM_BUTTON_ID;
    public static final String REASON_FIELD_ID = RetentionViewModel.REASON_FIELD_ID;

    private final RetentionViewModel viewModel;
    private final Texts texts;
    private final ScrollPane root;

    public RetentionScreen(RetentionViewModel viewModel, Texts texts) {
        this.viewModel = viewModel;
        this.texts = texts;

        Label title = new Label(texts.get("nav.retention"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        Label intro = hint(texts.get("retention.intro"));
        intro.setId("retentionIntro");

        VBox content = new VBox(16, title, intro);
        VBox settings = settingsCard();
        if (viewModel.canRun()) {
            // The case files due first; those kept and the settings side by side below, all in view.
            VBox kept = keptCard();
            HBox.setHgrow(kept, Priority.ALWAYS);
            settings.setPrefWidth(420);
            settings.setMinWidth(360);
            content.getChildren().addAll(dueCard(), new HBox(16, kept, settings));
        } else {
            settings.setMaxWidth(720);
            content.getChildren().add(settings);
        }
        content.getStyleClass().add(Styles.CONTENT);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("retentionScreen");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return texts.get("nav.retention");
    }

    @Override
    public void shown() {
        viewModel.load();
    }

    private VBox dueCard() {
        Label summary = new Label();
        summary.setId("retentionSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        Label sample = new Label();
        sample.setId("retentionSampleNote");
        sample.setWrapText(true);
        sample.getStyleClass().add(Styles.MUTED);
        sample.textProperty().bind(viewModel.sampleNoteProperty());
        sample.visibleProperty().bind(viewModel.sampleNoteProperty().isNotEmpty());
        sample.managedProperty().bind(sample.visibleProperty());

        TableView<RetentionViewModel.DueRow> table = new TableView<>(viewModel.due());
        table.setId("retentionTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(180);
        table.setPlaceholder(Tables.placeholder(texts.get("retention.due.empty")));
        table.getColumns().add(Tables.column(texts.get("retention.column.participant"), RetentionViewModel.DueRow::name,
                220));
        table.getColumns().add(Tables.column(texts.get("retention.column.identity"),
                RetentionViewModel.DueRow::identityNumber, 130));
        table.getColumns().add(Tables.column(texts.get("retention.column.closed"), RetentionViewModel.DueRow::closedOn,
                110));
        table.getColumns().add(Tables.column(texts.get("retention.column.lastEntry"),
                RetentionViewModel.DueRow::lastEntry, 130));
        table.getColumns().add(Tables.column(texts.get("retention.column.deadline"),
                RetentionViewModel.DueRow::deadline, 130));

        Button keep = new Button(texts.get("retention.keep"));
        keep.setId("keepButton");
        keep.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.busyProperty()));
        keep.setOnAction(e -> {
            RetentionViewModel.DueRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                viewModel.keep(row);
            }
        });
        Button delete = new Button(texts.get("retention.delete"));
        delete.setId("deleteButton");
        delete.getStyleClass().add(Styles.PRIMARY);
        delete.textProperty().bind(Bindings.createStringBinding(
                () -> texts.format("retention.delete", viewModel.dueCountProperty().get()), viewModel.dueCountProperty()));
        delete.disableProperty().bind(viewModel.dueCountProperty().isEqualTo(0).or(viewModel.busyProperty()));
        delete.setOnAction(e -> viewModel.deleteDue());
        Label message = Banner.of(viewModel.messageProperty(), "retentionMessage");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, keep, spacer, delete);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return card(texts.get("retention.due.section"), summary, sample, message, table, buttons);
    }

    private VBox keptCard() {
        TableView<RetentionViewModel.KeptRow> table = new TableView<>(viewModel.kept());
        table.setId("keptTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(110);
        table.setPlaceholder(Tables.placeholder(texts.get("retention.kept.empty")));
        table.getColumns().add(Tables.column(texts.get("retention.column.participant"), RetentionViewModel.KeptRow::name,
                140));
        table.getColumns().add(Tables.column(texts.get("retention.column.identity"),
                RetentionViewModel.KeptRow::identityNumber, 135));
        table.getColumns().add(Tables.column(texts.get("retention.column.marked"), RetentionViewModel.KeptRow::markedOn,
                90));
        table.getColumns().add(Tables.column(texts.get("retention.column.due"), RetentionViewModel.KeptRow::due, 85));
        table.getColumns().add(Tables.column(texts.get("retention.column.reason"), RetentionViewModel.KeptRow::reason,
                260));
        Button end = new Button(texts.get("retention.kept.end"));
        end.setId("endKeepButton");
        end.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.busyProperty()));
        end.setOnAction(e -> {
            RetentionViewModel.KeptRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                viewModel.endKeep(row.participantId());
            }
        });
        return card(texts.get("retention.kept.section"), hint(texts.get("retention.kept.hint")), table, end);
    }

    private VBox settingsCard() {
        GridPane grid = FormGrid.create();
        TextField years = new TextField();
        years.setId("retentionYears");
        years.setPrefColumnCount(4);
        years.textProperty().bindBidirectional(viewModel.yearsProperty());
        Label error = fieldError(viewModel.yearsErrorProperty());
        error.setId("retentionYearsError");
        viewModel.yearsErrorProperty().addListener((obs, old, now) -> {
            years.getStyleClass().remove(Styles.INVALID);
            if (!now.isEmpty()) {
                years.getStyleClass().add(Styles.INVALID);
            }
        });
        HBox yearsCell = new HBox(8, years, error);
        yearsCell.setAlignment(Pos.CENTER_LEFT);
        Label yearsLabel = fieldLabel(texts.get("retention.settings.years"));
        yearsLabel.setLabelFor(years);
        grid.addRow(0, yearsLabel, yearsCell);
        CheckBox sample = new CheckBox(texts.get("retention.settings.sample"));
        sample.setId("retentionResearchSample");
        sample.setWrapText(true);
        sample.selectedProperty().bindBidirectional(viewModel.inResearchSampleProperty());
        grid.add(sample, 0, 1, 2, 1);

        Button save = new Button(texts.get("settings.save"));
        save.setId("saveRetentionSettingsButton");
        save.setOnAction(e -> viewModel.saveSettings());
        Label message = new Label();
        message.setId("retentionSettingsMessage");
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(viewModel.settingsMessageProperty());
        HBox buttons = new HBox(12, save, message);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox card = card(texts.get("retention.settings.section"), hint(texts.get("retention.settings.hint")), grid,
                buttons);
        if (!viewModel.canChangeSettings()) {
            grid.setDisable(true);
            buttons.setDisable(true);
            card.getChildren().add(1, hint(texts.get("retention.refused.settings")));
        }
        return card;
    }
}
