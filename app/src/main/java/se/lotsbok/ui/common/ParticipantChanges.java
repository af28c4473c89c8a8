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

    private final List<LongConsumer> listeners = new ArrayList<>();

    /** {@code listener} is told the id of each participant that changed. */
    public void listen(LongConsumer listener) {
        listeners.add(listener);
    }

    /** Participant {@code id} was changed by a command that has just succeeded. */
    public void changed(long id) {
        for (LongConsumer listener : List.copyOf(listeners)) {
            listener.accept(id);
        }
    }
}
