package se.lotsbok.service.importing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import se.lotsbok.i18n.Texts;

/**
 * Reads a coded value (kön, program, källa, avslutsorsak, ej inskriven-orsak, sysselsättning, boende,
 * missbruk) as the screens label it in Swedish, case-insensitively and with or without å, ä, ö, or as either half of a label with
 * a slash ({@code planerat avslut} for {@code Planerat avslut/mål uppnått}), or as the tally's code.
 */
final class CodedValues<E extends Enum<E>> {

    private final Map<String, E> byText = new HashMap<>();

    CodedValues(E[] values, Function<E, String> labelKey, Function<E, String> code, Texts swedish) {
        for (E value : values) {
            String label = swedish.get(labelKey.apply(value));
            byText.put(ImportColumn.fold(label), value);
            if (label.contains("/")) {
                for (String half : label.split("/")) {
                    byText.putIfAbsent(ImportColumn.fold(half), value);
                }
            }
            byText.putIfAbsent(ImportColumn.fold(code.apply(value)), value);
            byText.putIfAbsent(ImportColumn.fold(code.apply(value).replace('_', ' ')), value);
        }
    }

    Optional<E> read(String text) {
        return Optional.ofNullable(byText.get(ImportColumn.fold(text)));
    }
}
