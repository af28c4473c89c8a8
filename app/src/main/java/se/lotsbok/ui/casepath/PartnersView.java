package se.lotsbok.ui.casepath;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.IsoDates;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/** "Aktörer": which partners take part in the case, from and to which dates. */
final class PartnersView extends VBox {

    PartnersView(CaseViewModel viewModel, Texts texts) {
        super(12);
        setId("partnersView");
        CaseForms.PartnerForm form = viewModel.forms().partner();
        TableView<PartnerInvolvement> table = new TableView<>();
        table.setId("partnersTable");
        table.setPrefHeight(200);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Tables.column(texts.get("partner.column.partner"),
                p -> EnumTexts.label(texts, p.partner()), 200));
        table.getColumns().add(Tables.column(texts.get("partner.column.from"), p -> p.from().toString(), 100));
        table.getColumns().add(Tables.column(texts.get("partner.column.to"),
                p -> p.to() == null ? texts.get("partner.ongoing") : p.to().toString(), 100));
        table.getColumns().forEach(c -> c.setMinWidth(95));
        table.setPlaceholder(Tables.placeholder(texts.get("partner.none")));

        ComboBox<Partner> partner = EnumTexts.combo(texts, Partner.values());
        partner.setId("partnerChoice");
        partner.setPromptText(texts.get("partner.choose"));
        partner.valueProperty().bindBidirectional(form.partnerProperty());
        DatePicker from = IsoDates.picker();
        from.setId("partnerFrom");
        from.valueProperty().bindBidirectional(form.fromProperty());
        Button add = new Button(texts.get("partner.add"));
        add.setId("addPartnerButton");
        add.getStyleClass().add(Styles.PRIMARY);
        add.setOnAction(e -> viewModel.addPartner());
        FlowPane adding = new FlowPane(8, 8, partner, new Label(texts.get("partner.column.from")), from, add);
        adding.setAlignment(Pos.CENTER_LEFT);

        DatePicker to = IsoDates.picker();
        to.setId("partnerTo");
        to.valueProperty().bindBidirectional(form.toProperty());
        Button end = new Button(texts.get("partner.end"));
        end.setId("endPartnerButton");
        end.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        end.setOnAction(e -> viewModel.endPartner(table.getSelectionModel().getSelectedItem().id()));
        FlowPane ending = new FlowPane(8, 8, new Label(texts.get("partner.endHint")), to, end);
        ending.setAlignment(Pos.CENTER_LEFT);

        VBox writing = new VBox(10, adding, ending);
        viewModel.fileProperty().subscribe(file -> {
            table.getItems().setAll(file == null ? List.of() : file.partners());
            writing.setDisable(file == null || !file.mayWrite());
        });
        getChildren().addAll(CaseTabs.banner(viewModel, "partnersMessage"), table, writing);
    }
}
