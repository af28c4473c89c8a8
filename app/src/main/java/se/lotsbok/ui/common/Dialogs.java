package se.lotsbok.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The questions a view model puts to the user. The window answers them with dialogs
 * ({@link FxDialogs}); a view-model test answers them itself. A view model never builds a dialog.
 */
public interface Dialogs {

    /** True when the user chose to go ahead; the safe answer (stay) is the default for Enter. */
    boolean confirm(Question question);

    /** A line of text the user typed (a reason, say); empty when they cancelled. */
    Optional<String> askText(Question question);

    /** One of {@code choices}, each shown by {@code names}; empty when the user cancelled. */
    <T> Optional<T> choose(Question question, List<T> choices, Function<? super T, String> names);

    /** Tells the user something they must acknowledge before going on. */
    void tell(Question message);
}
