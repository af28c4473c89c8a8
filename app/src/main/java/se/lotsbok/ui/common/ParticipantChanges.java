package se.lotsbok.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Word that a participant's case changed somewhere in the window (enrolled from the waiting list, a
 * new lots on the board, a follow-up done), so that every pane showing that participant reads it
 * again. One per main window, passed by constructor.
 */
public final class ParticipantChanges {

    private record Listener(Object owner, LongConsumer onChanged) {
    }

    private final List<Listener> listeners = new ArrayList<>();

    /** {@code onChanged} is told the id of each participant changed by anyone but {@code owner}. */
    public void listen(Object owner, LongConsumer onChanged) {
        listeners.add(new Listener(owner, onChanged));
    }

    /** {@code source} has just changed participant {@code id}; the others are told. */
    public void changed(Object source, long id) {
        for (Listener listener : List.copyOf(listeners)) {
            if (listener.owner() != source) {
                listener.onChanged().accept(id);
            }
        }
    }
}
