package se.lotsbok.store.journal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * Refuses every change and deletion of a signed note, whatever code or tool issues the SQL: journal
 * practice keeps a signed note as it was signed, and a correction is a new note.
 */
public final class SignedNoteGuard implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("a signed journal note cannot be changed or deleted", "45000");
    }
}
