package se.lotsbok;

import java.io.PrintStream;

/**
 * What the program says about an error nothing else caught: its type and nothing more. A message or
 * stack trace can quote a row's values (a name, an identity number) from the database or a form, and
 * standard error may end up in a file anyone reads.
 */
public final class UncaughtErrors {

    private UncaughtErrors() {
    }

    /** A handler that prints one line, with the exception's type only, on {@code err}. */
    public static Thread.UncaughtExceptionHandler typeOnly(PrintStream err) {
        return (thread, error) -> {
            err.println("lotsbok: unexpected error (" + error.getClass().getName() + ")");
            err.flush();
        };
    }
}
