package se.lotsbok.ui.common;

import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import se.lotsbok.i18n.Texts;
import se.lotsbok.domain.access.AccessDenied;

/**
 * Shows an unexpected failure to the user in plain Swedish and writes a trace to standard error.
 * Database messages can quote the values of a row, so only exception types reach the trace.
 */
public final class ErrorReporter implements Consumer<Throwable> {

    private static final System.Logger LOG = System.getLogger(ErrorReporter.class.getName());

    private final Texts texts;

    public ErrorReporter(Texts texts) {
        this.texts = texts;
    }

    @Override
    public void accept(Throwable error) {
        if (error instanceof AccessDenied denied) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, texts.get(denied.reason()), ButtonType.OK);
            alert.setTitle(texts.get("app.title"));
            alert.setHeaderText(texts.get("error.refused.header"));
            Confirm.localize(alert.getDialogPane(), texts);
            alert.show();
            return;
        }
        LOG.log(System.Logger.Level.ERROR, describe(error));
        Alert alert = new Alert(Alert.AlertType.ERROR, texts.get("error.unexpected"), ButtonType.OK);
        alert.setTitle(texts.get("app.title"));
        alert.setHeaderText(texts.get("error.unexpected.header"));
        Confirm.localize(alert.getDialogPane(), texts);
        alert.show();
    }

    /** The chain of exception types, without messages that could quote personal data. */
    public static String describe(Throwable error) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (!chain.isEmpty()) {
                chain.append(" <- ");
            }
            chain.append(t.getClass().getName());
            StackTraceElement[] stack = t.getStackTrace();
            if (stack.length > 0) {
                chain.append(" at ").append(stack[0]);
            }
        }
        return chain.toString();
    }
}
