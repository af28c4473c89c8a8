package se.lotsbok.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work (queries, saves, exports) away from the JavaFX thread and hands the result back on it.
 * Tests use {@link #immediate()}, which runs everything on the calling thread.
 */
public interface Tasks {

    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    static Tasks immediate() {
        return new Tasks() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
