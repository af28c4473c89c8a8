package se.lotsbok.ui.casepath;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.i18n.Texts;
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

        Label standing = new Label();
        standing.setId("consentStanding");
        standing.getStyleClass().add(Styles.SECTION_TITLE);

        TableView<Consent> table = new TableView<>();
        table.setId("consentTable");
        table.setPrefHeight(160);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Tables.column(texts.get("consent.column.given"), c -> c.given().toString(), 90));
        table.getColumns().add(Tables.column(texts.get("consent.column.until"),
                c -> c.validUntil() == null ? texts.get("consent.noEnd") : c.validUntil().toString(), 90));
        table.getColumns().add(Tables.column(texts.get("consent.column.partners"), c -> c.partners().stream().sorted()
                .map(p -> EnumTexts.label(texts, p)).collect(Collectors.joining(", ")), 200));
        table.getColumns().add(Tables.column(texts.get("consent.column.guardians"), c -> c.guardians().stream()
                .map(g -> g.name() + " " + g.given()).collect(Collectors.joining(", ")), 160));
        table.getColumns().add(Tables.column(texts.get("consent.column.withdrawn"),
                c -> c.withdrawn() == null ? "" : c.withdrawn().toString(), 90));
        table.setPlaceholder(new Label(texts.get("consent.none")));

        DatePicker given = IsoDates.picker();
        given.setId("consentGiven");
        given.setValue(viewModel.today());
        DatePicker until = IsoDates.picker();
        until.setId("consentUntil");
        CheckComboBox<Partner> partners = new CheckComboBox<>();
        partners.setId("consentPartners");
        partners.getItems().setAll(Partner.values());
        partners.setConverter(new StringConverter<>() {
            @Override
            public String toString(Partner partner) {
                return EnumTexts.label(texts, partner);
            }

            @Override
            public Partner fromString(String text) {
                return null;
            }
        });
        partners.getCheckModel().checkAll();
        TextField guardian1 = new TextField();
        guardian1.setId("guardian1Name");
        guardian1.setPromptText(texts.get("consent.guardianName"));
        DatePicker guardian1Date = IsoDates.picker();
        guardian1Date.setId("guardian1Date");
        TextField guardian2 = new TextField();
        guardian2.setId("guardian2Name");
        guardian2.setPromptText(texts.get("consent.guardianName"));
        DatePicker guardian2Date = IsoDates.picker();
        guardian2Date.setId("guardian2Date");

        GridPane form = FormGrid.create();
        form.addRow(0, label(texts, "consent.field.given"), given);
        form.addRow(1, label(texts, "consent.field.until"), until);
        form.addRow(2, label(texts, "consent.field.partners"), partners);
        form.addRow(3, label(texts, "consent.field.guardian1"), new HBox(8, guardian1, guardian1Date));
        form.addRow(4, label(texts, "consent.field.guardian2"), new HBox(8, guardian2, guardian2Date));
        Label hint = new Label(texts.get("consent.guardianHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        form.add(hint, 1, 5);

        Button record = new Button(texts.get("consent.record"));
        record.setId("recordConsentButton");
        record.getStyleClass().add(Styles.PRIMARY);
        record.setOnAction(e -> {
            List<Consent.GuardianConsent> guardians = new ArrayList<>();
            addGuardian(guardians, guardian1, guardian1Date, viewModel.today());
            addGuardian(guardians, guardian2, guardian2Date, viewModel.today());
            Set<Partner> chosen = partners.getCheckModel().getCheckedItems().isEmpty()
                    ? Set.of() : EnumSet.copyOf(partners.getCheckModel().getCheckedItems());
            viewModel.recordConsent(given.getValue(), until.getValue(), chosen, guardians);
        });

        DatePicker withdrawDate = IsoDates.picker();
        withdrawDate.setId("withdrawDate");
        withdrawDate.setValue(viewModel.today());
        Button withdraw = new Button(texts.get("consent.withdraw"));
        withdraw.setId("withdrawConsentButton");
        withdraw.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        withdraw.setOnAction(e -> viewModel.withdrawConsent(table.getSelectionModel().getSelectedItem().id(),
                withdrawDate.getValue()));
        withdraw.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox withdrawRow = new HBox(8, withdrawDate, withdraw);
        withdrawRow.setAlignment(Pos.CENTER_LEFT);

        VBox writing = new VBox(10, titled(texts, "consent.withdrawHint"), withdrawRow, titled(texts, "consent.new"),
                form, record);
        viewModel.fileProperty().addListener((obs, old, file) -> {
            table.getItems().setAll(file == null ? List.of() : file.consents());
            standing.setText(file == null ? "" : texts.format("consent.state." + file.consent().state().name(),
                    file.consent().date() == null ? "" : file.consent().date().toString()));
            writing.setDisable(file == null || !file.mayWrite());
            guardian1.clear();
            guardian2.clear();
            guardian1Date.setValue(null);
            guardian2Date.setValue(null);
        });
        getChildren().addAll(standing, CaseTabs.messageLabel(viewModel, "consentMessage"), table, writing);
    }

    private static void addGuardian(List<Consent.GuardianConsent> guardians, TextField name, DatePicker date,
            LocalDate today) {
        if (!name.getText().isBlank() || date.getValue() != null) {
            guardians.add(new Consent.GuardianConsent(name.getText(),
                    date.getValue() == null ? today : date.getValue()));
        }
    }

    private static Label label(Texts texts, String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add(Styles.FIELD_LABEL);
        return label;
    }

    private static Label titled(Texts texts, String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add(Styles.FIELD_LABEL);
        return label;
    }
}
