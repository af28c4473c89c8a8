package se.lotsbok.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/** Table columns of text, read from each row by a function, and what an empty table says. */
public final class Tables {

    private Tables() {
    }

    public static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    public static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = column(title, value);
        column.setPrefWidth(width);
        return column;
    }

    /**
     * The column's text wraps onto more lines instead of being cut with "…"; the row grows with it.
     * For free text (a note, a goal) that no column width can hold.
     */
    public static <T> TableColumn<T, String> wrapping(TableColumn<T, String> column) {
        column.setCellFactory(c -> {
            TableCell<T, String> cell = new TableCell<>();
            Text text = new Text();
            text.getStyleClass().add("wrapping-cell-text");
            text.wrappingWidthProperty().bind(c.widthProperty().subtract(12));
            text.textProperty().bind(cell.itemProperty());
            cell.setGraphic(text);
            cell.setPrefHeight(Control.USE_COMPUTED_SIZE);
            return cell;
        });
        return column;
    }

    /** What an empty table or list says, in the app's words (JavaFX's own would be English). */
    public static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.MUTED);
        return label;
    }
}
