package se.lotsbok.service.settings;

import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.service.AccessDenied;
import se.lotsbok.store.Database;

/** Reads and changes the unit's settings. */
public final class SettingsService {

    private final Database database;

    public SettingsService(Database database) {
        this.database = database;
    }

    /** The unit's settings; they hold no personal data, so anyone logged in may read them. */
    public UnitSettings load() {
        return database.transaction(repos -> repos.settings().load());
    }

    /** Only an administrator changes the unit's settings. */
    public void save(Actor actor, UnitSettings settings) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_SETTINGS));
        database.transaction(repos -> {
            repos.settings().save(actor, settings);
            return null;
        });
    }
}
