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
        try (Connection c = RawConnection.open(folder, key)) {
            return of(c, "PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the register", e);
        }
    }

    /** As {@link #of(Path, byte[])} for the register {@code register} stands for, in a folder or on the test server. */
    public static Map<String, List<List<Object>>> of(TestRegister register) {
        if (register.server().isEmpty()) {
            return of(register.folder(), register.key());
        }
        try (Connection c = TestServer.installer(register.server().get())) {
            return of(c, "lotsbok");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the register", e);
        }
    }

    /** Table names in upper case, as H2 has them, so that contents read from either engine compare. */
    private static Map<String, List<List<Object>>> of(Connection c, String schema) throws SQLException {
        Map<String, List<List<Object>>> contents = new TreeMap<>();
        {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"BASE TABLE", "TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                if (LEFT_OUT.contains(table.toUpperCase(java.util.Locale.ROOT))) {
                    continue;
                }
                List<List<Object>> rows = new ArrayList<>();
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT * FROM \"" + schema + "\".\"" + table + "\"")) {
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
                contents.put(table.toUpperCase(java.util.Locale.ROOT), rows);
            }
        }
        return contents;
    }
}
