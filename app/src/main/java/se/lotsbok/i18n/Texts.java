package se.lotsbok.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-facing text from the resource bundles {@code messages_sv} and {@code messages_en}. */
public final class Texts {

    public static final Locale SWEDISH = Locale.of("sv");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final String BUNDLE = "se.lotsbok.i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** Swedish unless {@code locale} is English; the machine's own locale never decides. */
    public static Texts of(Locale locale) {
        Locale chosen = ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : SWEDISH;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Texts(bundle, chosen);
    }

    public static Texts swedish() {
        return of(SWEDISH);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text for key " + key, e);
        }
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}}, … filled in. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
