package se.lotsbok.ui.common;

import java.util.Locale;
import java.util.prefs.Preferences;
import se.lotsbok.i18n.Texts;

/** The display language chosen on this computer; Swedish until someone picks English. */
public interface LanguagePreference {

    Locale load();

    void save(Locale locale);

    /** Kept in the user's Java preferences (the registry on Windows); holds no personal data. */
    static LanguagePreference userPreferences() {
        Preferences node = Preferences.userRoot().node("se/lotsbok");
        return new LanguagePreference() {
            @Override
            public Locale load() {
                return Locale.forLanguageTag(node.get("language", Texts.SWEDISH.toLanguageTag()));
            }

            @Override
            public void save(Locale locale) {
                node.put("language", locale.toLanguageTag());
            }
        };
    }

    /** Held in memory only; for tests. */
    static LanguagePreference inMemory(Locale initial) {
        return new LanguagePreference() {
            private Locale locale = initial;

            @Override
            public Locale load() {
                return locale;
            }

            @Override
            public void save(Locale chosen) {
                locale = chosen;
            }
        };
    }
}
