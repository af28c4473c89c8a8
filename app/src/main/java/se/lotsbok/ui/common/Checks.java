package se.lotsbok.ui.common;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import se.lotsbok.i18n.Texts;

/** A list of check boxes (ControlsFX's {@link CheckComboBox}) kept in step with a view model's set, both ways. */
public final class Checks {

    private Checks() {
    }

    /** A check box list of coded values, shown in words, bound to {@code chosen}. */
    public static <E extends Enum<E>> CheckComboBox<E> of(Texts texts, E[] values, ObservableSet<E> chosen) {
        CheckComboBox<E> box = new CheckComboBox<>();
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : EnumTexts.label(texts, value);
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        });
        bind(box, chosen);
        // The box says how many are chosen; the list of names would not fit, and is one click away.
        box.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> chosen.size() == values.length
                ? texts.format("checks.all", values.length)
                : chosen.isEmpty() ? texts.get("checks.none") : chosen.size() == 1
                        ? EnumTexts.label(texts, chosen.iterator().next())
                        : texts.format("checks.some", chosen.size(), values.length), chosen));
        return box;
    }

    /** Keeps {@code box}'s checks and {@code chosen} equal, whichever of them changes. */
    public static <T> void bind(CheckComboBox<T> box, ObservableSet<T> chosen) {
        boolean[] updating = {false};
        Runnable fromModel = () -> {
            updating[0] = true;
            box.getCheckModel().clearChecks();
            chosen.forEach(value -> box.getCheckModel().check(value));
            updating[0] = false;
        };
        chosen.addListener((SetChangeListener<T>) c -> {
            if (!updating[0]) {
                fromModel.run();
            }
        });
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> {
            if (!updating[0]) {
                updating[0] = true;
                List<T> checked = List.copyOf(box.getCheckModel().getCheckedItems());
                chosen.retainAll(checked);
                chosen.addAll(checked);
                updating[0] = false;
            }
        });
        fromModel.run();
    }
}
