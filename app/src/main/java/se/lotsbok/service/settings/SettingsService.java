package se.lotsbok.service.settings;

import java.util.Optional;
import se.lotsbok.domain.casepath.Refusal;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.settings.SecuritySettings;
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

    /** The security settings; anyone logged in reads them (the window locks after their minutes). */
    public SecuritySettings loadSecurity() {
        return database.transaction(repos -> repos.settings().loadSecurity());
    }

    /** Only an administrator changes the security settings. */
    public void saveSecurity(Actor actor, SecuritySettings settings) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_USERS));
        database.transaction(repos -> {
            repos.settings().saveSecurity(actor, settings);
            return null;
        });
    }

    /** Only an administrator changes the unit's settings. Answers why they were refused, or empty when saved. */
    public Optional<Refusal> save(Actor actor, UnitSettings settings) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_SETTINGS));
        Optional<Refusal> problem = UnitSettings.checkName(settings.unitName());
        if (problem.isEmpty()) {
            database.transaction(repos -> {
                repos.settings().save(actor, settings);
                return null;
            });
        }
        return problem;
    }
}
