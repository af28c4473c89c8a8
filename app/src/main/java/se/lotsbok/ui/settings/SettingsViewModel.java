package se.lotsbok.ui.settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.report.AppVersion;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.participant.AgeBand;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.settings.SettingsService;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Tasks;

/** "Inställningar": the display language on this computer and the unit's settings. */
public final class SettingsViewModel {

    /** The numeric settings, each typed as text so a half-typed value is never lost. */
    public enum NumberField {
        CASELOAD_CAP(1, 99),
        YOUTH_MIN(0, 120),
        YOUTH_MAX(0, 120),
        YOUNG_ADULTS_MIN(0, 120),
        YOUNG_ADULTS_MAX(0, 120);

        private final int min;
        private final int max;

        NumberField(int min, int max) {
            this.min = min;
            this.max = max;
        }
    }

    private final SettingsService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    /** Called with a newly chosen language; false when the switch was called off. */
    private final Predicate<Locale> onLanguageChanged;
    private final Consumer<UnitSettings> onSettingsSaved;
    private final Consumer<Throwable> onError;

    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(this, "language");
    private final StringProperty unitName = new SimpleStringProperty(this, "unitName", "");
    private final ReadOnlyStringWrapper unitNameError = new ReadOnlyStringWrapper(this, "unitNameError", "");
    private final Map<NumberField, StringProperty> numbers = new LinkedHashMap<>();
    private final Map<NumberField, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper(this, "fingerprint", "");
    private final ReadOnlyObjectWrapper<Feedback> message = new ReadOnlyObjectWrapper<>(this, "message", Feedback.NONE);
    private final OutcomeSettingsViewModel outcome;

    public SettingsViewModel(SettingsService service, Actor actor, Tasks tasks, Texts texts,
            Predicate<Locale> onLanguageChanged,
            Consumer<UnitSettings> onSettingsSaved, Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.onLanguageChanged = onLanguageChanged;
        this.onSettingsSaved = onSettingsSaved;
        this.onError = onError;
        this.outcome = new OutcomeSettingsViewModel(service, actor, tasks, texts, onError);
        for (NumberField field : NumberField.values()) {
            numbers.put(field, new SimpleStringProperty(this, field.name(), ""));
            errors.put(field, new ReadOnlyStringWrapper(this, field.name() + "Error", ""));
        }
        language.set(texts.locale());
        language.addListener((obs, old, chosen) -> {
            if (chosen != null && !chosen.equals(texts.locale()) && !onLanguageChanged.test(chosen)) {
                language.set(old);
            }
        });
    }

    public void load() {
        tasks.run(service::load, this::show, onError);
        tasks.run(service::signingFingerprint, f -> fingerprint.set(SigningKey.grouped(f)), onError);
        outcome.load();
    }

    /** The program's version, for Om Lotsbok. */
    public String version() {
        return AppVersion.get();
    }

    /**
     * The fingerprint of the key this register signs its exports with, in groups of four digits:
     * whoever compiles several units' files notes it once (Om Lotsbok).
     */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    /** The follow-up and outcome settings, kept on the same screen. */
    public OutcomeSettingsViewModel outcome() {
        return outcome;
    }

    public void save() {
        message.set(Feedback.NONE);
        Map<NumberField, Integer> values = new LinkedHashMap<>();
        boolean ok = true;
        for (NumberField field : NumberField.values()) {
            String text = numbers.get(field).get().strip();
            Integer value = null;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                // reported below
            }
            if (value == null || value < field.min || value > field.max) {
                errors.get(field).set(texts.format("settings.error.range", field.min, field.max));
                ok = false;
            } else {
                errors.get(field).set("");
                values.put(field, value);
            }
        }
        Optional<Refusal> nameProblem = UnitSettings.checkName(unitName.get());
        unitNameError.set(nameProblem.map(p -> Messages.text(texts, p)).orElse(""));
        ok &= nameProblem.isEmpty();
        ok &= checkBand(values, NumberField.YOUTH_MIN, NumberField.YOUTH_MAX);
        ok &= checkBand(values, NumberField.YOUNG_ADULTS_MIN, NumberField.YOUNG_ADULTS_MAX);
        if (!ok) {
            message.set(Feedback.refused(texts.get("form.fixErrors")));
            return;
        }
        UnitSettings settings = new UnitSettings(TypedText.strip(unitName.get()), values.get(NumberField.CASELOAD_CAP),
                new AgeBand(values.get(NumberField.YOUTH_MIN), values.get(NumberField.YOUTH_MAX)),
                new AgeBand(values.get(NumberField.YOUNG_ADULTS_MIN), values.get(NumberField.YOUNG_ADULTS_MAX)));
        tasks.run(() -> service.save(actor, settings), refused -> {
            if (refused.isPresent()) {
                unitNameError.set(Messages.text(texts, refused.get()));
                message.set(Feedback.refused(texts.get("form.fixErrors")));
                return;
            }
            message.set(Feedback.done(texts.get("settings.saved")));
            onSettingsSaved.accept(settings);
        }, onError);
    }

    private boolean checkBand(Map<NumberField, Integer> values, NumberField min, NumberField max) {
        if (values.containsKey(min) && values.containsKey(max) && values.get(min) > values.get(max)) {
            errors.get(max).set(texts.get("settings.error.band"));
            return false;
        }
        return true;
    }

    private void show(UnitSettings settings) {
        unitName.set(settings.unitName());
        unitNameError.set("");
        numbers.get(NumberField.CASELOAD_CAP).set(Integer.toString(settings.caseloadCap()));
        numbers.get(NumberField.YOUTH_MIN).set(Integer.toString(settings.youthBand().minAge()));
        numbers.get(NumberField.YOUTH_MAX).set(Integer.toString(settings.youthBand().maxAge()));
        numbers.get(NumberField.YOUNG_ADULTS_MIN).set(Integer.toString(settings.youngAdultsBand().minAge()));
        numbers.get(NumberField.YOUNG_ADULTS_MAX).set(Integer.toString(settings.youngAdultsBand().maxAge()));
        errors.values().forEach(e -> e.set(""));
    }

    /** Whether this user may change the unit's settings (administrators); others see them read-only. */
    public boolean canManageUnit() {
        return AccessPolicy.decide(actor, Action.MANAGE_SETTINGS).allowed();
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public StringProperty unitNameProperty() {
        return unitName;
    }

    public ReadOnlyStringProperty unitNameErrorProperty() {
        return unitNameError.getReadOnlyProperty();
    }

    public StringProperty numberProperty(NumberField field) {
        return numbers.get(field);
    }

    public ReadOnlyStringProperty errorProperty(NumberField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Feedback> messageProperty() {
        return message.getReadOnlyProperty();
    }
}
