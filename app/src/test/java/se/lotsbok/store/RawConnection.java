package se.lotsbok.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A plain JDBC connection to a register's file, for tests and benchmarks that compare with H2's own tools. */
public final class RawConnection {

    private RawConnection() {
    }

    public static Connection open(Path folder, byte[] key) throws SQLException {
        return DriverManager.getConnection(Database.url(folder), "lotsbok", Database.passwords(key));
    }
}
