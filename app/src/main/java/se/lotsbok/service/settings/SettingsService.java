package se.lotsbok.service.settings;

import java.util.Optional;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.report.OutcomeSettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.settings.SecuritySettings;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.access.AccessDenied;
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

    /**
     * Sets the unit's name (which every export carries) and keeps the other settings as they are, in
     * one transaction. Only an administrator may. Answers why the name was refused, or empty when saved.
     */
    public Optional<Refusal> rename(Actor actor, String name) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_SETTINGS));
        Optional<Refusal> problem = UnitSettings.checkName(name);
        if (problem.isEmpty()) {
            database.transaction(repos -> {
                UnitSettings current = repos.settings().load();
                repos.settings().save(actor, new UnitSettings(TypedText.strip(name), current.caseloadCap(),
                        current.youthBand(), current.youngAdultsBand()));
                return null;
            });
        }
        return problem;
    }

    /** The fingerprint of the key this register signs its exported tallies with (not secret). */
    public String signingFingerprint() {
        return database.transaction(repos -> repos.signingKey().fingerprint());
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

    /** The follow-up after discharge and the order of better and worse the outcome measures use. */
    public OutcomeSettings loadOutcome() {
        return database.transaction(repos -> repos.settings().loadOutcome());
    }

    /** Whether {@code actor} may change the outcome settings: the enhetschef, whose reports use them, or an administrator. */
    public static boolean mayChangeOutcome(Actor actor) {
        return AccessPolicy.decide(actor, Action.RUN_REPORTS).allowed()
                || AccessPolicy.decide(actor, Action.MANAGE_SETTINGS).allowed();
    }

    /** Saves the outcome settings; a changed order changes the outcome numbers of every period, past ones too. */
    public void saveOutcome(Actor actor, OutcomeSettings settings) {
        if (!mayChangeOutcome(actor)) {
            AccessDenied.unless(AccessPolicy.decide(actor, Action.RUN_REPORTS));
        }
        database.transaction(repos -> {
            repos.settings().saveOutcome(actor, settings);
            return null;
        });
    }
}
