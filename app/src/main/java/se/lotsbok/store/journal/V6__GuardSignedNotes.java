package se.lotsbok.store.journal;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 6: the trigger that keeps signed notes as they were signed. Written in Java because the
 * trigger names its class, which the SQL scripts (also read by the code generator) cannot; the
 * class name follows Flyway's convention, which gives the version.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class V6__GuardSignedNotes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE TRIGGER journal_note_guard BEFORE UPDATE, DELETE ON journal_note FOR EACH ROW CALL '"
                    + SignedNoteGuard.class.getName() + "'");
            statement.execute("CREATE TRIGGER note_partner_guard BEFORE UPDATE, DELETE ON note_partner FOR EACH ROW CALL '"
                    + SignedNoteGuard.class.getName() + "'");
        }
    }
}
