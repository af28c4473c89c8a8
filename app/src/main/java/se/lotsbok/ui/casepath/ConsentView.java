package se.lotsbok.ui.casepath;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Checks;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.IsoDates;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/** "Samtycke": the consents given, a new one (with guardians' for a minor), and withdrawal. */
final class ConsentView extends VBox {

    ConsentView(CaseViewModel viewModel, Texts texts) {
        super(12);
        setId("consentView");
        CaseForms.ConsentForm form = viewModel.forms().consent();

        Label standing = new Label();
        standing.setId("consentStanding");
        standing.setWrapText(true);
        standing.getStyleClass().add(Styles.SECTION_TITLE);

        TableView<Consent> table = new TableView<>();
        table.setId("consentTable");
        table.setPrefHeight(160);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Tables.column(texts.get("consent.column.given"), c -> c.given().toString(), 95));
        table.getColumns().add(Tables.column(texts.get("consent.column.until"),
                c -> c.validUntil() == null ? texts.get("consent.noEnd") : c.validUntil().toString(), 95));
        table.getColumns().add(Tables.column(texts.get("consent.column.partners"), c -> c.partners()
                .stream().sorted().map(p -> EnumTexts.label(texts, p)).collect(Collectors.joining(", ")), 200));
        table.getColumns().add(Tables.column(texts.get("consent.column.guardians"), c -> c.guardians()
                .stream().map(g -> g.name() + " " + g.given()).collect(Collectors.joining(", ")), 150));
        table.getColumns().add(Tables.column(texts.get("consent.column.withdrawn"),
                c -> c.withdrawn() == null ? "" : c.withdrawn().toString(), 95));
        table.setPlaceholder(Tables.placeholder(texts.get("consent.none")));

        DatePicker given = IsoDates.picker();
        given.setId("consentGiven");
        given.valueProperty().bindBidirectional(form.givenProperty());
        DatePicker until = IsoDates.picker();
        until.setId("consentUntil");
        until.valueProperty().bindBidirectional(form.untilProperty());
        CheckComboBox<Partner> partners = Checks.of(texts, Partner.values(), form.partners());
        partners.setId("consentPartners");
        partners.setMaxWidth(Double.MAX_VALUE);
        TextField guardian1 = new TextField();
        guardian1.setId("guardian1Name");
        guardian1.setPromptText(texts.get("consent.guardianName"));
        guardian1.textProperty().bindBidirectional(form.guardian1Property());
        DatePicker guardian1Date = IsoDates.picker();
        guardian1Date.setId("guardian1Date");
        guardian1Date.valueProperty().bindBidirectional(form.guardian1DateProperty());
        TextField guardian2 = new TextField();
        guardian2.setId("guardian2Name");
        guardian2.setPromptText(texts.get("consent.guardianName"));
        guardian2.textProperty().bindBidirectional(form.guardian2Property());
        DatePicker guardian2Date = IsoDates.picker();
        guardian2Date.setId("guardian2Date");
        guardian2Date.valueProperty().bindBidirectional(form.guardian2DateProperty());

        GridPane grid = FormGrid.create();
        grid.addRow(0, label(texts, "consent.field.given"), given);
        grid.addRow(1, label(texts, "consent.field.until"), until);
        grid.addRow(2, label(texts, "consent.field.partners"), partners);
        grid.addRow(3, label(texts, "consent.field.guardian1"), guardianRow(guardian1, guardian1Date));
        grid.addRow(4, label(texts, "consent.field.guardian2"), guardianRow(guardian2, guardian2Date));
        Label hint = new Label(texts.get("consent.guardianHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        grid.add(hint, 1, 5);

        Button record = new Button(texts.get("consent.record"));
        record.setId("recordConsentButton");
        record.getStyleClass().add(Styles.PRIMARY);
        record.setOnAction(e -> viewModel.recordConsent());

        DatePicker withdrawDate = IsoDates.picker();
        withdrawDate.setId("withdrawDate");
        withdrawDate.valueProperty().bindBidirectional(form.withdrawDateProperty());
        Button withdraw = new Button(texts.get("consent.withdraw"));
        withdraw.setId("withdrawConsentButton");
        withdraw.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        withdraw.setOnAction(e -> viewModel.withdrawConsent(table.getSelectionModel().getSelectedItem().id()));
        FlowPane withdrawRow = new FlowPane(8, 8, withdrawDate, withdraw);
        withdrawRow.setAlignment(Pos.CENTER_LEFT);

        VBox writing = new VBox(10, label(texts, "consent.withdrawHint"), withdrawRow, label(texts, "consent.new"),
                grid, record);
        viewModel.fileProperty().subscribe(file -> {
            table.getItems().setAll(file == null ? List.of() : file.consents());
            standing.setText(file == null ? "" : texts.format("consent.state." + file.consent().state().name(),
                    file.consent().date() == null ? "" : file.consent().date().toString()));
            writing.setDisable(file == null || !file.mayWrite());
        });
        getChildren().addAll(standing, CaseTabs.banner(viewModel, "consentMessage"), table, writing);
    }

    private static HBox guardianRow(TextField name, DatePicker date) {
        HBox.setHgrow(name, Priority.ALWAYS);
        date.setMinWidth(130);
        return new HBox(8, name, date);
    }

    private static Label label(Texts texts, String key) {
        Label label = new Label(texts.get(key));
        label.setWrapText(true);
        label.getStyleClass().add(Styles.FIELD_LABEL);
        return label;
    }
}
