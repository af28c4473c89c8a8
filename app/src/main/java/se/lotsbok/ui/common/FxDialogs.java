package se.lotsbok.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import javafx.util.StringConverter;
import se.lotsbok.i18n.Texts;

/**
 * {@link Dialogs} as JavaFX dialogs over the main window, in the app's language (JavaFX would use
 * the computer's). Enter chooses the safe button: going ahead takes a deliberate click or Tab.
 */
public final class FxDialogs implements Dialogs {

    public static final String OK_BUTTON_ID = "dialogOkButton";
    public static final String CANCEL_BUTTON_ID = "dialogCancelButton";
    public static final String TEXT_FIELD_ID = "dialogTextField";
    public static final String CHOICE_ID = "dialogChoice";

    private final Texts texts;
    private final Supplier<Window> owner;

    /** @param owner the window the dialogs belong to (null while there is none) */
    public FxDialogs(Texts texts, Supplier<Window> owner) {
        this.texts = texts;
        this.owner = owner;
    }

    @Override
    public boolean confirm(Question question) {
        ButtonType go = new ButtonType(question.go() == null ? texts.get("common.ok") : question.go().text(),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(question.stay() == null ? texts.get("common.cancel") : question.stay().text(),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(alertType(question), question.text(), go, stay);
        prepare(alert, question);
        buttons(alert.getDialogPane(), question, go, stay);
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    @Override
    public Optional<String> askText(Question question) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setContentText(question.text());
        dialog.getEditor().setId(question.fieldId() == null ? TEXT_FIELD_ID : question.fieldId());
        dialog.getEditor().setPrefColumnCount(30);
        prepare(dialog, question);
        okAndCancel(dialog.getDialogPane(), question);
        return dialog.showAndWait();
    }

    @Override
    public <T> Optional<T> choose(Question question, List<T> choices, Function<? super T, String> names) {
        ChoiceDialog<T> dialog = new ChoiceDialog<>(choices.isEmpty() ? null : choices.getFirst(), choices);
        dialog.setContentText(question.text());
        prepare(dialog, question);
        okAndCancel(dialog.getDialogPane(), question);
        if (dialog.getDialogPane().lookup(".combo-box") instanceof ComboBox<?> combo) {
            @SuppressWarnings("unchecked")
            ComboBox<T> typed = (ComboBox<T>) combo;
            typed.setId(question.fieldId() == null ? CHOICE_ID : question.fieldId());
            typed.setConverter(new StringConverter<>() {
                @Override
                public String toString(T value) {
                    return value == null ? "" : names.apply(value);
                }

                @Override
                public T fromString(String text) {
                    return null;
                }
            });
        }
        return dialog.showAndWait();
    }

    @Override
    public void tell(Question message) {
        Alert alert = new Alert(alertType(message), message.text(), ButtonType.OK);
        prepare(alert, message);
        okAndCancel(alert.getDialogPane(), message);
        alert.showAndWait();
    }

    private void prepare(Dialog<?> dialog, Question question) {
        dialog.setTitle(texts.get("app.title"));
        dialog.setHeaderText(question.header().isEmpty() ? null : question.header());
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.getDialogPane().setMinWidth(460);
        dialog.setResizable(true);
    }

    /** Gives OK and Cancel the app's words and their ids; Cancel is the default wherever there is one. */
    private void okAndCancel(DialogPane pane, Question question) {
        if (pane.lookupButton(ButtonType.OK) instanceof Button ok) {
            ok.setText(question.go() == null ? texts.get("common.ok") : question.go().text());
            ok.setId(question.go() == null || question.go().id() == null ? OK_BUTTON_ID : question.go().id());
        }
        if (pane.lookupButton(ButtonType.CANCEL) instanceof Button cancel) {
            cancel.setText(question.stay() == null ? texts.get("common.cancel") : question.stay().text());
            cancel.setId(question.stay() == null || question.stay().id() == null ? CANCEL_BUTTON_ID
                    : question.stay().id());
        }
    }

    private static void buttons(DialogPane pane, Question question, ButtonType go, ButtonType stay) {
        Button goButton = (Button) pane.lookupButton(go);
        goButton.setId(question.go() == null || question.go().id() == null ? OK_BUTTON_ID : question.go().id());
        goButton.setDefaultButton(false);
        Button stayButton = (Button) pane.lookupButton(stay);
        stayButton.setId(question.stay() == null || question.stay().id() == null ? CANCEL_BUTTON_ID
                : question.stay().id());
        stayButton.setDefaultButton(true);
    }

    private static Alert.AlertType alertType(Question question) {
        return switch (question.kind()) {
            case QUESTION -> Alert.AlertType.CONFIRMATION;
            case WARNING -> Alert.AlertType.WARNING;
            case INFORMATION -> Alert.AlertType.INFORMATION;
            case ERROR -> Alert.AlertType.ERROR;
        };
    }
}
