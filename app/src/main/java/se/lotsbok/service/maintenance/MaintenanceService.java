package se.lotsbok.service.maintenance;

import java.nio.file.Path;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.service.AccessDenied;
import se.lotsbok.store.Database;

/** Facts about the register and its backups. */
public final class MaintenanceService {

    /** Counts and versions only: no personal data. */
    public record RegisterInfo(String schemaVersion, int participants) {
    }

    private final Database database;

    public MaintenanceService(Database database) {
        this.database = database;
    }

    public RegisterInfo info(Actor actor) {
        return new RegisterInfo(database.schemaVersion(),
                database.transaction(repos -> repos.participants().count()));
    }

    /** Writes a consistent copy of the open, encrypted database; the copy is as encrypted as the original. */
    public void backup(Actor actor, Path zipFile) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_BACKUPS));
        database.backupTo(zipFile);
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.BACKUP, null, ""));
    }

    /**
     * Writes the register as an SQL script, encrypted with the register's own key, to be read into a
     * Lotsbok whose H2 has another file format ({@code AuthService.restoreFromScript}).
     */
    public void script(Actor actor, Path file) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_BACKUPS));
        database.scriptTo(file);
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.BACKUP, null, "script"));
    }

    /** Logs that the register was just rebuilt from a script. */
    public void restoredFromScript(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_BACKUPS));
        database.transaction(repos -> repos.accessLog().append(actor, AccessEvent.BACKUP, null, "restored from script"));
    }
}
