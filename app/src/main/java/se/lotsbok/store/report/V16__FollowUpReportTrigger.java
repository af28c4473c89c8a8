package se.lotsbok.store.report;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 16: the follow-ups after discharge (migration 15) are counted by the tallies too, so a
 * change to them is recorded in {@code report_change} like a change to the other dated rows.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class V16__FollowUpReportTrigger extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE TRIGGER discharge_follow_up_report_change AFTER INSERT, UPDATE, DELETE ON"
                    + " discharge_follow_up FOR EACH ROW CALL '" + ReportChangeTrigger.class.getName() + "'");
        }
    }
}
