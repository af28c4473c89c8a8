package se.lotsbok.ui.report;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.importing.ImportService;
import se.lotsbok.ui.common.Confirm;
import se.lotsbok.ui.common.Styles;
import se.lotsbok.ui.common.Tables;

/**
 * What an import of the chosen file would do, row by row, before anything is written: every bad
 * row with its reason, and the import button only when there is none.
 */
final class ImportPreviewDialog extends Dialog<Boolean> {

    static final String CONFIRM_ID = "confirmImportButton";

    /** One row of the preview as shown. */
    record Line(String line, String identity, String name, String result, boolean bad) {
    }

    ImportPreviewDialog(Texts texts, Node owner, ImportService.ImportResult preview) {
        setTitle(texts.get("report.import.title"));
        if (owner.getScene() != null) {
            initOwner(owner.getScene().getWindow());
        }
        Label header = new Label(headerText(texts, preview));
        header.setId("importPreviewHeader");
        header.setWrapText(true);
        header.getStyleClass().add(preview.ok() ? Styles.NOTICE : Styles.FORM_MESSAGE);

        TableView<Line> table = new TableView<>();
        table.setId("importPreviewTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Line, String> line = Tables.column(texts.get("report.import.column.line"), Line::line, 50);
        line.setMinWidth(45);
        line.setMaxWidth(60);
        TableColumn<Line, String> identity = Tables.column(texts.get("report.import.column.identity"),
                Line::identity, 130);
        identity.setMinWidth(130);
        identity.setMaxWidth(140);
        TableColumn<Line, String> name = Tables.column(texts.get("report.import.column.name"), Line::name, 170);
        name.setMinWidth(160);
        name.setMaxWidth(220);
        TableColumn<Line, String> result = Tables.column(texts.get("report.import.column.result"), Line::result, 460);
        result.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(c.widthProperty().subtract(12));
                text.getStyleClass().add("text");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        });
        table.getColumns().add(line);
        table.getColumns().add(identity);
        table.getColumns().add(name);
        table.getColumns().add(result);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Line item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("import-bad");
                if (!empty && item != null && item.bad()) {
                    getStyleClass().add("import-bad");
                }
            }
        });
        table.getItems().setAll(lines(texts, preview));
        table.setPrefSize(900, 420);

        VBox content = new VBox(10, header, table);
        getDialogPane().setContent(content);
        ButtonType confirm = new ButtonType(texts.get("report.import.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(confirm, ButtonType.CANCEL);
        Confirm.localize(getDialogPane(), texts);
        Button confirmButton = (Button) getDialogPane().lookupButton(confirm);
        confirmButton.setId(CONFIRM_ID);
        confirmButton.setDisable(!preview.ok());
        getDialogPane().getStylesheets().add(getClass().getResource(Styles.STYLESHEET).toExternalForm());
        setResizable(true);
        setResultConverter(button -> button == confirm);
    }

    private static String headerText(Texts texts, ImportService.ImportResult preview) {
        if (!preview.fileErrors().isEmpty()) {
            return texts.get("report.import.header.file") + "\n" + String.join("\n",
                    preview.fileErrors().stream().map(e -> Messages.text(texts, e)).toList());
        }
        if (!preview.ok()) {
            return texts.format("report.import.header.bad", preview.badRows(), preview.rows().size());
        }
        return texts.format("report.import.header.ok", preview.rows().size(), preview.newParticipants(),
                preview.writes());
    }

    private static List<Line> lines(Texts texts, ImportService.ImportResult preview) {
        List<Line> lines = new ArrayList<>();
        for (ImportService.RowResult row : preview.rows()) {
            List<String> parts = new ArrayList<>();
            List<Refusal> shown = row.ok() ? row.actions() : row.errors();
            shown.forEach(r -> parts.add(Messages.text(texts, r)));
            if (row.ok() && row.actions().isEmpty()) {
                parts.add(texts.get("report.import.nothing"));
            }
            row.warnings().forEach(w -> parts.add(texts.format("report.import.warning", Messages.text(texts, w))));
            lines.add(new Line(Integer.toString(row.line()), row.identity(), row.name(), String.join("; ", parts),
                    !row.ok()));
        }
        return lines;
    }
}
