package se.lotsbok.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Table columns of text, read from each row by a function, and what an empty table says. A cell's
 * text wraps onto another line rather than being cut with "…", and a column is never narrower than
 * its heading: in a narrow window the table scrolls sideways instead of hiding words.
 */
public final class Tables {

    /** Room for the heading's padding and the sort arrow. */
    private static final double HEADER_PADDING = 30;

    private Tables() {
    }

    public static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setMinWidth(headingWidth(title));
        return wrapping(column);
    }

    public static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = column(title, value);
        column.setPrefWidth(Math.max(width, column.getMinWidth()));
        return column;
    }

    /** The width a column needs for its heading in bold. */
    public static double headingWidth(String title) {
        Text text = new Text(title == null ? "" : title);
        text.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13));
        return Math.ceil(text.getLayoutBounds().getWidth()) + HEADER_PADDING;
    }

    /**
     * The column's text wraps onto more lines instead of being cut with "…"; the row grows with it.
     */
    public static <T> TableColumn<T, String> wrapping(TableColumn<T, String> column) {
        column.setCellFactory(c -> {
            TableCell<T, String> cell = new TableCell<>();
            Text text = new Text();
            text.getStyleClass().add("cell-text");
            text.wrappingWidthProperty().bind(c.widthProperty().subtract(12));
            text.textProperty().bind(cell.itemProperty());
            cell.setGraphic(text);
            cell.setPrefHeight(Control.USE_COMPUTED_SIZE);
            return cell;
        });
        return column;
    }

    /**
     * A column whose cell shows two lines, the second muted (a name over an identity number, a
     * status over a programme); both wrap rather than being cut.
     */
    public static <T> TableColumn<T, T> twoLines(String title, Function<T, String> first, Function<T, String> second) {
        TableColumn<T, T> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        column.setMinWidth(headingWidth(title));
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            private final Text top = new Text();
            private final Text bottom = new Text();
            private final javafx.scene.layout.VBox lines = new javafx.scene.layout.VBox(1, top, bottom);

            {
                top.getStyleClass().add("cell-text");
                bottom.getStyleClass().addAll("cell-text", "cell-second-line");
                top.wrappingWidthProperty().bind(c.widthProperty().subtract(12));
                bottom.wrappingWidthProperty().bind(c.widthProperty().subtract(12));
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    top.setText(first.apply(item));
                    bottom.setText(second.apply(item));
                    setGraphic(lines);
                }
            }
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
