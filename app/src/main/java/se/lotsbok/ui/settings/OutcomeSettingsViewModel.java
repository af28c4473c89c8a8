package se.lotsbok.ui.settings;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.report.OutcomeOrder;
import se.lotsbok.domain.report.OutcomeSettings;
import se.lotsbok.domain.report.Ranking;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.settings.SettingsService;
import se.lotsbok.ui.common.Tasks;

/**
 * The follow-up and outcome settings on "Inställningar": months from discharge to the follow-up,
 * and for each situation field the rank of each value (1 is best; equal ranks count as equally good).
 */
public final class OutcomeSettingsViewModel {

    /** A situation field and the values that take a rank (all but unknown). */
    public record Field(String key, List<? extends Enum<?>> values) {
    }

    public static final List<Field> FIELDS = List.of(
            new Field("occupation", OutcomeOrder.OCCUPATIONS.stream().sorted().toList()),
            new Field("housing", OutcomeOrder.HOUSINGS.stream().sorted().toList()),
            new Field("substanceUse", OutcomeOrder.SUBSTANCE_USES.stream().sorted().toList()));

    private final SettingsService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Consumer<Throwable> onError;
    private final StringProperty months = new SimpleStringProperty(this, "months", "");
    private final ReadOnlyStringWrapper monthsError = new ReadOnlyStringWrapper(this, "monthsError", "");
    private final Map<Enum<?>, ObjectProperty<Integer>> ranks = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public OutcomeSettingsViewModel(SettingsService service, Actor actor, Tasks tasks, Texts texts,
            Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.onError = onError;
        for (Field field : FIELDS) {
            for (Enum<?> value : field.values()) {
                ranks.put(value, new SimpleObjectProperty<>(this, value.name(), 1));
            }
        }
    }

    public void load() {
        tasks.run(service::loadOutcome, this::show, onError);
    }

    /** Puts the order the measures' documentation describes back in the fields (saved only with {@link #save()}). */
    public void restoreDefaultOrder() {
        showOrder(OutcomeOrder.DEFAULT);
        message.set("");
    }

    public void save() {
        message.set("");
        Integer value = null;
        try {
            value = Integer.parseInt(months.get().strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (value == null || value < OutcomeSettings.MIN_FOLLOW_UP_MONTHS || value > OutcomeSettings.MAX_FOLLOW_UP_MONTHS) {
            monthsError.set(texts.format("settings.error.range", OutcomeSettings.MIN_FOLLOW_UP_MONTHS,
                    OutcomeSettings.MAX_FOLLOW_UP_MONTHS));
            message.set(texts.get("form.fixErrors"));
            return;
        }
        monthsError.set("");
        OutcomeSettings settings = new OutcomeSettings(value, new OutcomeOrder(
                ranking(Situation.Occupation.class, OutcomeOrder.OCCUPATIONS),
                ranking(Situation.Housing.class, OutcomeOrder.HOUSINGS),
                ranking(Situation.SubstanceUse.class, OutcomeOrder.SUBSTANCE_USES)));
        tasks.run(() -> {
            service.saveOutcome(actor, settings);
            return settings;
        }, saved -> {
            show(saved);
            message.set(texts.get("settings.outcome.saved"));
        }, onError);
    }

    private <E extends Enum<E>> Ranking<E> ranking(Class<E> type, Set<E> ranked) {
        Map<E, Integer> chosen = new EnumMap<>(type);
        for (E value : ranked) {
            Integer rank = ranks.get(value).get();
            chosen.put(value, rank == null ? 1 : rank);
        }
        return Ranking.ofRanks(chosen, ranked);
    }

    private void show(OutcomeSettings settings) {
        months.set(Integer.toString(settings.followUpMonths()));
        monthsError.set("");
        showOrder(settings.order());
    }

    private void showOrder(OutcomeOrder order) {
        order.occupation().ranks().forEach((value, rank) -> ranks.get(value).set(rank));
        order.housing().ranks().forEach((value, rank) -> ranks.get(value).set(rank));
        order.substanceUse().ranks().forEach((value, rank) -> ranks.get(value).set(rank));
    }

    /** Whether this user may change these settings (the enhetschef or an administrator). */
    public boolean canChange() {
        return SettingsService.mayChangeOutcome(actor);
    }

    public StringProperty monthsProperty() {
        return months;
    }

    public ReadOnlyStringProperty monthsErrorProperty() {
        return monthsError.getReadOnlyProperty();
    }

    /** The rank chosen for a situation value; 1 is best. */
    public ObjectProperty<Integer> rankProperty(Enum<?> value) {
        return ranks.get(value);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
