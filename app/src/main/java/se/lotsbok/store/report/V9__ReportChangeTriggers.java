package se.lotsbok.store.report;

import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 9: the triggers that fill {@code report_change} (migration 8) on every table the
 * tallies read. In Java because a trigger names its class, which the SQL scripts (also read by the
 * code generator) cannot.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class V9__ReportChangeTriggers extends BaseJavaMigration {

    /** The tables whose rows the tallies count. */
    static final List<String> TABLES = List.of("participant", "case_event", "assignment", "consent",
            "consent_withdrawal", "partner_involvement", "goal", "goal_status");

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String table : TABLES) {
                statement.execute("CREATE TRIGGER " + table + "_report_change AFTER INSERT, UPDATE, DELETE ON " + table
                        + " FOR EACH ROW CALL '" + ReportChangeTrigger.class.getName() + "'");
            }
        }
    }
}
