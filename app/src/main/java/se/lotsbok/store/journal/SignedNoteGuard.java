package se.lotsbok.store.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * Refuses every change and deletion of a signed note, whatever code or tool issues the SQL: journal
 * practice keeps a signed note as it was signed, and a correction is a new note.
 *
 * <p>The one exception is gallring, which the law requires: a note may be deleted (never changed)
 * by the transaction that is carrying out gallring of its participant, which that transaction
 * shows by having already marked the participant anonymised and by holding the participant in
 * {@code retention_in_progress}, a table it fills and empties again before it commits, so that no
 * other transaction ever sees a row there.
 */
public final class SignedNoteGuard implements Trigger {

    private static final String UNDER_GALLRING = "SELECT 1 FROM journal_note n"
            + " JOIN participant p ON p.id = n.participant_id"
            + " JOIN retention_in_progress r ON r.participant_id = p.id"
            + " WHERE n.id = ? AND p.anonymised_at IS NOT NULL";

    /** Where the note's id is in a row of the guarded table. */
    private int noteColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        String key = "NOTE_PARTNER".equals(table.toUpperCase(Locale.ROOT)) ? "NOTE_ID" : "ID";
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                if (columns.getString("COLUMN_NAME").equalsIgnoreCase(key)) {
                    noteColumn = columns.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null && oldRow != null && deletedByGallring(connection, oldRow)) {
            return;
        }
        throw new SQLException("a signed journal note cannot be changed or deleted", "45000");
    }

    private boolean deletedByGallring(Connection connection, Object[] row) throws SQLException {
        if (noteColumn < 0 || !(row[noteColumn] instanceof Number note)) {
            return false;
        }
        try (PreparedStatement query = connection.prepareStatement(UNDER_GALLRING)) {
            query.setLong(1, note.longValue());
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
