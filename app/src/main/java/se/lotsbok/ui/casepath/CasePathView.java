package se.lotsbok.ui.casepath;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.ui.common.EnumTexts;
import se.lotsbok.ui.common.FormGrid;
import se.lotsbok.ui.common.Confirm;
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

        Label status = new Label();
        status.setId("caseStatus");
        status.getStyleClass().add(Styles.SECTION_TITLE);

        TableView<CaseEvent> history = new TableView<>();
        history.setId("caseHistory");
        history.setPrefHeight(220);
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        var dateColumn = Tables.column(texts.get("case.column.date"), (CaseEvent e) -> e.date().toString(), 95);
        dateColumn.setMinWidth(95);
        history.getColumns().add(dateColumn);
        history.getColumns().add(Tables.column(texts.get("case.column.event"), this::eventText, 170));
        history.getColumns().add(Tables.column(texts.get("case.column.detail"), this::detailText, 220));
        history.getColumns().add(Tables.column(texts.get("case.column.recorded"),
                e -> RECORDED.format(e.recordedAt().atZone(viewModel.zone())) + " " + e.recordedBy(), 150));
        history.setPlaceholder(new Label(texts.get("case.none")));

        // the next move
        ComboBox<CaseStatus> next = EnumTexts.combo(texts, CaseStatus.values());
        next.setId("nextStatusChoice");
        next.setPromptText(texts.get("case.chooseNext"));
        DatePicker date = IsoDates.picker();
        date.setId("moveDate");
        date.setValue(viewModel.today());
        ComboBox<ReferralSource> source = EnumTexts.combo(texts, ReferralSource.values());
        source.setId("referralSourceChoice");
        ComboBox<DischargeReason> discharge = EnumTexts.combo(texts, DischargeReason.values());
        discharge.setId("dischargeReasonChoice");
        ComboBox<ClosureReason> closure = EnumTexts.combo(texts, ClosureReason.values());
        closure.setId("closureReasonChoice");
        SituationChoices situationChoices = new SituationChoices(texts, "");
        CheckBox followUp = new CheckBox(texts.get("case.field.followUpAgreed"));
        followUp.setId("followUpAgreedCheck");
        followUp.setWrapText(true);
        TextField note = new TextField();
        note.setId("moveNote");

        GridPane form = FormGrid.create();
        // Only the fields the chosen step needs are in the grid (hidden rows would still leave gaps).
        Runnable showFields = () -> {
            CaseStatus s = next.getValue();
            boolean situation = s == CaseStatus.ENROLLED || s == CaseStatus.DISCHARGED;
            form.getChildren().clear();
            int row = 0;
            form.addRow(row++, label("case.field.next"), next);
            form.addRow(row++, label("case.field.date"), date);
            if (s == CaseStatus.REFERRED) {
                form.addRow(row++, label("case.field.source"), source);
            }
            if (s == CaseStatus.DISCHARGED) {
                form.addRow(row++, label("case.field.dischargeReason"), discharge);
            }
            if (s == CaseStatus.CONTACTED_NOT_ENROLLED) {
                form.addRow(row++, label("case.field.closureReason"), closure);
            }
            if (situation) {
                form.addRow(row++, label("case.field.occupation"), situationChoices.occupation);
                form.addRow(row++, label("case.field.housing"), situationChoices.housing);
                form.addRow(row++, label("case.field.substanceUse"), situationChoices.substanceUse);
            }
            if (s == CaseStatus.DISCHARGED) {
                form.addRow(row++, label("case.field.followUp"), followUp);
            }
            form.addRow(row, label("case.field.note"), note);
        };
        next.valueProperty().addListener((obs, old, value) -> showFields.run());
        showFields.run();

        Button record = new Button(texts.get("case.record"));
        record.setId("recordMoveButton");
        record.getStyleClass().add(Styles.PRIMARY);
        record.setOnAction(e -> {
            if (next.getValue() == null) {
                return;
            }
            viewModel.move(new Move(next.getValue(), date.getValue() == null ? viewModel.today() : date.getValue(),
                    source.getValue(), discharge.getValue(), closure.getValue(), situationChoices.value(), note.getText(),
                    next.getValue() == CaseStatus.DISCHARGED && followUp.isSelected()));
        });
        Button annul = new Button(texts.get("case.annulLatest"));
        annul.setId("annulButton");
        annul.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog();
            ask.setTitle(texts.get("app.title"));
            ask.setHeaderText(texts.get("case.annul.header"));
            ask.setContentText(texts.get("case.annul.why"));
            ask.initOwner(getScene().getWindow());
            ask.getEditor().setId("annulNoteField");
            Confirm.localize(ask.getDialogPane(), texts);
            ask.showAndWait().ifPresent(viewModel::annulLatest);
        });
        HBox buttons = new HBox(8, record, annul);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label formTitle = new Label(texts.get("case.nextMove"));
        formTitle.getStyleClass().add(Styles.FIELD_LABEL);
        VBox moveBox = new VBox(10, formTitle, form, buttons);

        history.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(CaseEvent item, boolean empty) {
                super.updateItem(item, empty);
                boolean annulled = !empty && item != null && viewModel.fileProperty().get() != null
                        && viewModel.fileProperty().get().history().isAnnulled(item.id());
                getStyleClass().remove(Styles.ANNULLED);
                if (annulled) {
                    getStyleClass().add(Styles.ANNULLED);
                }
            }
        });

        viewModel.fileProperty().addListener((obs, old, file) -> {
            if (file == null) {
                history.getItems().clear();
                status.setText("");
                return;
            }
            history.getItems().setAll(file.history().all().stream()
                    .sorted(Comparator.comparing(CaseEvent::date).thenComparingLong(CaseEvent::id).reversed())
                    .toList());
            status.setText(statusText(file));
            List<CaseStatus> moves = file.nextMoves().stream().sorted().toList();
            next.getItems().setAll(moves);
            next.setValue(moves.size() == 1 ? moves.getFirst() : null);
            note.clear();
            followUp.setSelected(false);
            moveBox.setDisable(!file.mayDecide());
            annul.setDisable(!file.mayDecide() || file.history().latest().isEmpty());
        });

        getChildren().addAll(status, CaseTabs.messageLabel(viewModel, "caseMessage"), history, moveBox);
    }

    private String statusText(CaseFile file) {
        return file.history().latest()
                .map(e -> texts.format("case.current", EnumTexts.label(texts, e.status()), e.date().toString()))
                .orElse(texts.get("case.none"));
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
                text.append(EnumTexts.label(texts, value));
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
