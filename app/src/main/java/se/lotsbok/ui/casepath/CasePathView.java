package se.lotsbok.ui.casepath;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.extract.Release;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.IsoDates;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/** "Ärende": where the case stands, its dated history, and the next move. */
final class CasePathView extends VBox {

    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CaseViewModel viewModel;
    private final Texts texts;

    CasePathView(CaseViewModel viewModel, Texts texts) {
        super(12);
        this.viewModel = viewModel;
        this.texts = texts;
        setId("casePathView");
        CaseForms.MoveForm form = viewModel.forms().move();

        Label status = new Label();
        status.setId("caseStatus");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.SECTION_TITLE);

        TableView<CaseHistoryRow> history = new TableView<>();
        history.setId("caseHistory");
        history.setPrefHeight(220);
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        var dateColumn = Tables.column(texts.get("case.column.date"), (CaseHistoryRow row) -> row.date().toString(), 95);
        dateColumn.setMinWidth(95);
        history.getColumns().add(dateColumn);
        history.getColumns().add(Tables.column(texts.get("case.column.event"), this::eventText, 150));
        history.getColumns().add(Tables.column(texts.get("case.column.detail"), this::detailText, 220));
        history.getColumns().add(Tables.column(texts.get("case.column.recorded"), this::recordedText, 150));
        history.setPlaceholder(Tables.placeholder(texts.get("case.none")));

        ComboBox<CaseStatus> next = EnumTexts.combo(texts, CaseStatus.values());
        next.setId("nextStatusChoice");
        next.setItems(form.choices());
        next.setPromptText(texts.get("case.chooseNext"));
        next.valueProperty().bindBidirectional(form.nextProperty());
        DatePicker date = IsoDates.picker();
        date.setId("moveDate");
        date.valueProperty().bindBidirectional(form.dateProperty());
        ComboBox<ReferralSource> source = EnumTexts.combo(texts, ReferralSource.values());
        source.setId("referralSourceChoice");
        source.valueProperty().bindBidirectional(form.sourceProperty());
        ComboBox<DischargeReason> discharge = EnumTexts.combo(texts, DischargeReason.values());
        discharge.setId("dischargeReasonChoice");
        discharge.valueProperty().bindBidirectional(form.dischargeReasonProperty());
        ComboBox<ClosureReason> closure = EnumTexts.combo(texts, ClosureReason.values());
        closure.setId("closureReasonChoice");
        closure.valueProperty().bindBidirectional(form.closureReasonProperty());
        List<ComboBox<?>> situation = SituationFields.of(texts, form.situation(), "occupationChoice", "housingChoice",
                "substanceUseChoice");
        CheckBox followUp = new CheckBox(texts.get("case.field.followUpAgreed"));
        followUp.setId("followUpAgreedCheck");
        followUp.setWrapText(true);
        followUp.selectedProperty().bindBidirectional(form.followUpAgreedProperty());
        TextField note = new TextField();
        note.setId("moveNote");
        note.textProperty().bindBidirectional(form.noteProperty());

        GridPane grid = FormGrid.create();
        // Only the fields the chosen step records are in the grid; the form empties the others.
        Runnable showFields = () -> {
            grid.getChildren().clear();
            int row = 0;
            grid.addRow(row++, label("case.field.next"), next);
            grid.addRow(row++, label("case.field.date"), date);
            row = rowIf(grid, row, form.sourceShownProperty().get(), "case.field.source", source);
            row = rowIf(grid, row, form.dischargeReasonShownProperty().get(), "case.field.dischargeReason", discharge);
            row = rowIf(grid, row, form.closureReasonShownProperty().get(), "case.field.closureReason", closure);
            for (int i = 0; i < situation.size(); i++) {
                row = rowIf(grid, row, form.situationShownProperty().get(), SituationFields.LABELS.get(i), situation.get(i));
            }
            row = rowIf(grid, row, form.followUpShownProperty().get(), "case.field.followUp", followUp);
            grid.addRow(row, label("case.field.note"), note);
        };
        form.nextProperty().addListener((obs, old, value) -> showFields.run());
        showFields.run();

        Button record = new Button(texts.get("case.record"));
        record.setId("recordMoveButton");
        record.getStyleClass().add(Styles.PRIMARY);
        record.disableProperty().bind(form.nextProperty().isNull());
        record.setOnAction(e -> viewModel.recordMove());
        Button annul = new Button(texts.get("case.annulLatest"));
        annul.setId("annulButton");
        annul.setOnAction(e -> viewModel.annulLatest());
        FlowPane buttons = new FlowPane(8, 8, record, annul);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label formTitle = new Label(texts.get("case.nextMove"));
        formTitle.getStyleClass().add(Styles.FIELD_LABEL);
        VBox moveBox = new VBox(10, formTitle, grid, buttons);

        history.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(CaseHistoryRow item, boolean empty) {
                super.updateItem(item, empty);
                boolean annulled = !empty && item instanceof CaseHistoryRow.Event row
                        && viewModel.fileProperty().get() != null
                        && viewModel.fileProperty().get().history().isAnnulled(row.event().id());
                getStyleClass().remove(Styles.ANNULLED);
                if (annulled) {
                    getStyleClass().add(Styles.ANNULLED);
                }
            }
        });

        viewModel.fileProperty().subscribe(file -> {
            if (file == null) {
                history.getItems().clear();
                status.setText("");
                moveBox.setDisable(true);
                annul.setDisable(true);
                return;
            }
            history.getItems().setAll(Stream.concat(
                    file.history().all().stream().map(CaseHistoryRow.Event::new),
                    file.releases().stream().map(r -> new CaseHistoryRow.Released(r, viewModel.zone())))
                    .sorted(CaseHistoryRow.NEWEST_FIRST)
                    .toList());
            status.setText(statusText(file));
            moveBox.setDisable(!file.mayDecide());
            annul.setDisable(!file.mayDecide() || file.history().latest().isEmpty());
        });

        getChildren().addAll(status, CaseTabs.banner(viewModel, "caseMessage"), history, moveBox);
    }

    private int rowIf(GridPane grid, int row, boolean shown, String labelKey, Node field) {
        if (!shown) {
            return row;
        }
        grid.addRow(row, label(labelKey), field);
        return row + 1;
    }

    private String statusText(CaseFile file) {
        return file.history().latest()
                .map(e -> texts.format("case.current", EnumTexts.label(texts, e.status()), e.date().toString()))
                .orElse(texts.get("case.none"));
    }

    private String eventText(CaseHistoryRow row) {
        return switch (row) {
            case CaseHistoryRow.Event event -> eventText(event.event());
            case CaseHistoryRow.Released released -> texts.get("case.release");
        };
    }

    private String detailText(CaseHistoryRow row) {
        return switch (row) {
            case CaseHistoryRow.Event event -> detailText(event.event());
            case CaseHistoryRow.Released released -> releaseText(released.release());
        };
    }

    private String recordedText(CaseHistoryRow row) {
        String by = switch (row) {
            case CaseHistoryRow.Event event -> event.event().recordedBy();
            case CaseHistoryRow.Released released -> released.release().releasedBy();
        };
        return RECORDED.format(row.recordedAt().atZone(viewModel.zone())) + " " + by;
    }

    /** To whom, what, and how much the secrecy review withheld (if anything). */
    private String releaseText(Release r) {
        String to = r.toSubject() ? texts.get("extract.pdf.toSubject") : r.recipient();
        String what = texts.get("extract.scope." + r.scope().name());
        if (r.redaction().isEmpty()) {
            return texts.format("case.release.whole", to, what);
        }
        return texts.format("case.release.detail", to, what, r.redaction().omissions().size(),
                r.redaction().masks().size());
    }

    private String eventText(CaseEvent e) {
        if (e.isAnnulment()) {
            return texts.get("case.annulment");
        }
        String label = EnumTexts.label(texts, e.status());
        CaseFile file = viewModel.fileProperty().get();
        return file != null && file.history().isAnnulled(e.id()) ? label + " " + texts.get("case.annulledMark") : label;
    }

    private String detailText(CaseEvent e) {
        if (e.isAnnulment()) {
            return e.note();
        }
        StringBuilder text = new StringBuilder();
        for (Enum<?> value : new Enum<?>[] {e.source(), e.dischargeReason(), e.closureReason()}) {
            if (value != null) {
                append(text, EnumTexts.label(texts, value));
            }
        }
        if (e.situation() != null) {
            append(text, EnumTexts.label(texts, e.situation().occupation()));
            append(text, EnumTexts.label(texts, e.situation().housing()));
            append(text, texts.get("case.substance") + " " + EnumTexts.label(texts, e.situation().substanceUse()));
        }
        if (e.followUpDue() != null) {
            append(text, texts.format("case.followUpDue", e.followUpDue().toString()));
        }
        append(text, e.note());
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank()) {
            if (!text.isEmpty()) {
                text.append(" · ");
            }
            text.append(part);
        }
    }

    private Label label(String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add(Styles.FIELD_LABEL);
        return label;
    }
}
