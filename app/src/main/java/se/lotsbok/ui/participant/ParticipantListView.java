package se.lotsbok.ui.participant;

import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/** The register list with its search field; a click or Enter opens a participant. */
final class ParticipantListView extends VBox {

    private final TextField search = TextFields.createClearableTextField();
    private final TableView<ParticipantRow> table = new TableView<>();

    ParticipantListView(ParticipantListViewModel viewModel, Texts texts, Runnable newParticipant, LongConsumer open) {
        getStyleClass().add("participant-list");
        setSpacing(10);

        search.setId("searchField");
        search.setPromptText(texts.get("participant.search.prompt"));
        search.textProperty().bindBidirectional(viewModel.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
                e.consume();
            }
        });

        Button create = new Button(texts.get("participant.new"));
        create.setId("newParticipantButton");
        create.getStyleClass().add(Styles.PRIMARY);
        create.setOnAction(e -> newParticipant.run());
        ToggleButton alerts = new ToggleButton();
        alerts.setId("consentAlertsFilter");
        alerts.textProperty().bind(Bindings.createStringBinding(
                () -> texts.format("participant.consentAlerts", viewModel.consentAlertsProperty().get()),
                viewModel.consentAlertsProperty()));
        alerts.selectedProperty().bindBidirectional(viewModel.onlyConsentAlertsProperty());
        create.setMinWidth(Region.USE_PREF_SIZE);
        HBox toolbar = new HBox(8, search, create);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add(Styles.TOOLBAR);

        Label count = new Label();
        count.setId("participantCount");
        count.getStyleClass().add(Styles.MUTED);
        count.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.shownCountProperty().get() == viewModel.totalCountProperty().get()
                        ? texts.format("participant.count.all", viewModel.totalCountProperty().get())
                        : texts.format("participant.count.filtered", viewModel.shownCountProperty().get(),
                                viewModel.totalCountProperty().get()),
                viewModel.shownCountProperty(), viewModel.totalCountProperty()));

        table.setId("participantTable");
        table.setItems(viewModel.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // Two lines a row, so that name, identity number, status and programme all show whole in a
        // narrow list beside an open participant.
        TableColumn<ParticipantRow, ParticipantRow> name = Tables.twoLines(texts.get("participant.column.nameAndIdentity"),
                r -> r.summary().lastName() + ", " + r.summary().firstName(), ParticipantRow::identityText);
        name.setPrefWidth(200);
        TableColumn<ParticipantRow, Integer> age = new TableColumn<>(texts.get("participant.column.age"));
        age.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().age()));
        // Rows come in Swedish order by name; re-sorting a large filtered list on every keystroke would lag.
        age.setSortable(false);
        age.setMinWidth(Tables.headingWidth(texts.get("participant.column.age")));
        age.setPrefWidth(60);
        TableColumn<ParticipantRow, ParticipantRow> status = Tables.twoLines(
                texts.get("participant.column.statusAndProgramme"), r -> {
                    String text = r.status() == null ? "–" : EnumTexts.label(texts, r.status());
                    return r.consentAlert() == null ? text : text + " ⚠";
                }, r -> texts.get("programme." + r.summary().programme().name()));
        status.setPrefWidth(140);
        table.getColumns().setAll(java.util.List.of(name, age, status));
        Label placeholder = new Label();
        placeholder.setId("tablePlaceholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.totalCountProperty().get() == 0
                        ? texts.get("participant.empty") : texts.get("participant.noMatch"),
                viewModel.totalCountProperty()));
        table.setPlaceholder(placeholder);
        table.setOnMouseClicked(e -> openSelected(open));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected(open);
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ToggleButton mine = new ToggleButton(texts.get("participant.mine"));
        mine.setId("myParticipantsFilter");
        mine.selectedProperty().bindBidirectional(viewModel.onlyMineProperty());
        mine.setVisible(viewModel.hasOwnParticipants());
        mine.setManaged(viewModel.hasOwnParticipants());
        mine.setSelected(viewModel.hasOwnParticipants());
        HBox statusBar = new HBox(8, count, gap, mine, alerts);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(toolbar, statusBar, table);
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void openSelected(LongConsumer open) {
        ParticipantRow selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            open.accept(selected.id());
        }
    }
}
