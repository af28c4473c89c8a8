package se.lotsbok.store.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * Records, in {@code report_change}, whose rows changed in a table the tallies read, in the same
 * transaction as the change, whatever code or tool made it. The participant is found in the row
 * itself, or through its goal or consent.
 */
public final class ReportChangeTrigger implements Trigger {

    private String lookup;
    private int column;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        String name = table.toUpperCase(Locale.ROOT);
        String key = switch (name) {
            case "PARTICIPANT" -> "ID";
            case "GOAL_STATUS" -> "GOAL_ID";
            case "CONSENT_WITHDRAWAL" -> "CONSENT_ID";
            default -> "PARTICIPANT_ID";
        };
        lookup = switch (name) {
            case "GOAL_STATUS" -> "SELECT participant_id FROM goal WHERE id = ?";
            case "CONSENT_WITHDRAWAL" -> "SELECT participant_id FROM consent WHERE id = ?";
            default -> null;
        };
        column = -1;
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                if (columns.getString("COLUMN_NAME").equalsIgnoreCase(key)) {
                    column = columns.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
        if (column < 0) {
            throw new SQLException("no column " + key + " in " + table);
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null) {
            record(connection, participantOf(connection, oldRow));
        }
        if (newRow != null && (oldRow == null || !same(oldRow, newRow))) {
            record(connection, participantOf(connection, newRow));
        }
    }

    private static boolean same(Object[] oldRow, Object[] newRow) {
        return java.util.Arrays.equals(oldRow, newRow);
    }

    private Long participantOf(Connection connection, Object[] row) throws SQLException {
        Object value = row[column];
        if (value == null) {
            return null;
        }
        long id = ((Number) value).longValue();
        if (lookup == null) {
            return id;
        }
        try (PreparedStatement statement = connection.prepareStatement(lookup)) {
            statement.setLong(1, id);
            try (ResultSet result = statement.executeQuery()) {
                // Not found (the goal or consent went first): read everything again.
                return result.next() ? result.getLong(1) : null;
            }
        }
    }

    private static void record(Connection connection, Long participant) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO report_change (participant_id, changed_at) VALUES (?, CURRENT_TIMESTAMP)")) {
            if (participant == null) {
                insert.setNull(1, java.sql.Types.BIGINT);
            } else {
                insert.setLong(1, participant);
            }
            insert.executeUpdate();
        }
    }
}
