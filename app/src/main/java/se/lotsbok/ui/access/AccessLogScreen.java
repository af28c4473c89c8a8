package se.lotsbok.ui.access;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.Banner;
import se.lotsbok.ui.common.FileDialogs;
import se.lotsbok.ui.common.IsoDates;
import se.lotsbok.ui.common.Screen;
import se.lotsbok.ui.common.Tables;
import se.lotsbok.ui.common.Styles;

/** The "Åtkomstlogg" screen: filters on top, the rows below, export and chain check at hand. */
public final class AccessLogScreen implements Screen {

    private final AccessLogViewModel viewModel;
    private final Texts texts;
    private final VBox root;

    public AccessLogScreen(AccessLogViewModel viewModel, Texts texts, FileDialogs files) {
        this.viewModel = viewModel;
        this.texts = texts;
        Label title = new Label(texts.get("nav.accessLog"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);

        ComboBox<UserAccount> user = new ComboBox<>(viewModel.users());
        user.setId("logUserFilter");
        user.setPromptText(texts.get("accessLog.allUsers"));
        Callback<javafx.scene.control.ListView<UserAccount>, ListCell<UserAccount>> userCells = list -> cell(
                UserAccount::displayName);
        user.setCellFactory(userCells);
        user.setButtonCell(cell(UserAccount::displayName));
        user.valueProperty().bindBidirectional(viewModel.userProperty());

        ComboBox<ParticipantSummary> participant = new ComboBox<>(viewModel.participants());
        participant.setId("logParticipantFilter");
        participant.setPromptText(texts.get("accessLog.allParticipants"));
        participant.setCellFactory(list -> cell(p -> p.lastName() + ", " + p.firstName()));
        participant.setButtonCell(cell(p -> p.lastName() + ", " + p.firstName()));
        participant.valueProperty().bindBidirectional(viewModel.participantProperty());

        DatePicker from = IsoDates.picker();
        from.setId("logFrom");
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = IsoDates.picker();
        to.setId("logTo");
        to.valueProperty().bindBidirectional(viewModel.toProperty());

        Button search = new Button(texts.get("accessLog.search"));
        search.setId("logSearchButton");
        search.getStyleClass().add(Styles.PRIMARY);
        search.setOnAction(e -> viewModel.search());
        Button clear = new Button(texts.get("accessLog.clear"));
        clear.setId("logClearButton");
        clear.setOnAction(e -> viewModel.clearFilters());
        Button export = new Button(texts.get("accessLog.export"));
        export.setId("logExportButton");
        export.setOnAction(e -> files.save(export, texts.get("accessLog.export"), "atkomstlogg.csv", "csv")
                .ifPresent(viewModel::export));
        Button verify = new Button(texts.get("accessLog.verify"));
        verify.setId("logVerifyButton");
        verify.setOnAction(e -> viewModel.verify());

        FlowPane filters = new FlowPane(10, 10,
                labelled(texts.get("accessLog.user"), user),
                labelled(texts.get("accessLog.participant"), participant),
                labelled(texts.get("accessLog.from"), from),
                labelled(texts.get("accessLog.to"), to),
                search, clear);
        filters.setAlignment(Pos.BOTTOM_LEFT);

        TableView<AccessLogRow> table = new TableView<>(viewModel.rows());
        table.setId("accessLogTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<AccessLogRow, Long> seq = new TableColumn<>("#");
        seq.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().seq()));
        seq.setPrefWidth(55);
        seq.setMinWidth(50);
        table.getColumns().add(seq);
        TableColumn<AccessLogRow, String> time = column(texts.get("accessLog.column.time"), AccessLogRow::time, 150);
        // "2026-11-25 09:30:12" whole, however narrow the window
        time.setMinWidth(150);
        table.getColumns().add(time);
        table.getColumns().add(column(texts.get("accessLog.column.user"), AccessLogRow::user, 120));
        table.getColumns().add(column(texts.get("accessLog.column.event"), AccessLogRow::event, 170));
        table.getColumns().add(column(texts.get("accessLog.column.participant"),
                AccessLogRow::participant, 140));
        table.getColumns().add(column(texts.get("accessLog.column.detail"), AccessLogRow::detail,
                200));
        table.setPlaceholder(Tables.placeholder(texts.get("accessLog.none")));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = Banner.of(viewModel.messageProperty(), "accessLogMessage");
        HBox.setHgrow(message, Priority.ALWAYS);
        export.setMinWidth(Region.USE_PREF_SIZE);
        verify.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(10, export, verify, message);
        actions.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(12, title, filters, actions, table);
        root.setId("accessLogScreen");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return texts.get("nav.accessLog");
    }

    @Override
    public void shown() {
        viewModel.load();
    }

    private static VBox labelled(String text, Node control) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.FIELD_LABEL);
        return new VBox(4, label, control);
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private static TableColumn<AccessLogRow, String> column(String title,
            java.util.function.Function<AccessLogRow, String> value, double width) {
        return Tables.column(title, value, width);
    }
}
