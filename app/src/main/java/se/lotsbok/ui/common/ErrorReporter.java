package se.lotsbok.ui.common;

import java.util.function.Consumer;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.i18n.Texts;

/**
 * Shows an unexpected failure to the user in plain Swedish and writes its trace to the log file.
 * Database messages can quote the values of a row, so the log file's format leaves messages out.
 */
public final class ErrorReporter implements Consumer<Throwable> {

    private static final System.Logger LOG = System.getLogger(ErrorReporter.class.getName());

    private final Texts texts;
    private final Dialogs dialogs;

    public ErrorReporter(Texts texts, Dialogs dialogs) {
        this.texts = texts;
        this.dialogs = dialogs;
    }

    @Override
    public void accept(Throwable error) {
        if (error instanceof AccessDenied denied) {
            dialogs.tell(Question.inform(texts.get("error.refused.header"), texts.get(denied.reason())));
            return;
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected error in the window", error);
        dialogs.tell(Question.error(texts.get("error.unexpected.header"), texts.get("error.unexpected")));
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
