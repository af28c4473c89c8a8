package se.lotsbok.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import se.lotsbok.store.RawConnection;

/**
 * Every row of every table of a register, to show that a refused action wrote nothing. The access
 * log is left out: it records reads and refusals too, by design.
 */
public final class RegisterContents {

    private static final Set<String> LEFT_OUT = Set.of("ACCESS_LOG", "ACCESS_LOG_HEAD");

    private RegisterContents() {
    }

    /** Table name to its rows, each a list of column values, in a fixed order. */
    public static Map<String, List<List<Object>>> of(Path folder, byte[] key) {
        Map<String, List<List<Object>>> contents = new TreeMap<>();
        try (Connection c = RawConnection.open(folder, key)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"BASE TABLE", "TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                if (LEFT_OUT.contains(table)) {
                    continue;
                }
                List<List<Object>> rows = new ArrayList<>();
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= columns; i++) {
                            // Bytes (the signing key) as hex: arrays compare by identity, their text by value.
                            Object value = rs.getObject(i);
                            row.add(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value);
                        }
                        rows.add(row);
                    }
                }
                rows.sort(java.util.Comparator.comparing(Object::toString));
                contents.put(table, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the register", e);
        }
        return contents;
    }
}
