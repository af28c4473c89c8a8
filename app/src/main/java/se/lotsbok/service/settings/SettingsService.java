package se.lotsbok.service.settings;

import se.lotsbok.domain.common.Actor;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.store.Database;

/** Reads and changes the unit's settings. */
public final class SettingsService {

    private final Database database;

    public SettingsService(Database database) {
        this.database = database;
    }

    public UnitSettings load() {
        return database.transaction(repos -> repos.settings().load());
    }

    public void save(Actor actor, UnitSettings settings) {
        database.transaction(repos -> {
            repos.settings().save(actor, settings);
            return null;
        });
    }
}
