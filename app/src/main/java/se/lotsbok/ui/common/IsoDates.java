package se.lotsbok.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/** Dates as Swedish offices write them, ÅÅÅÅ-MM-DD, whatever the computer's regional settings. */
public final class IsoDates {

    private IsoDates() {
    }

    public static DatePicker picker() {
        DatePicker picker = new DatePicker();
        picker.setPromptText("ÅÅÅÅ-MM-DD");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeParseException e) {
                    // Keep the last valid date rather than failing inside the control.
                    return picker.getValue();
                }
            }
        });
        return picker;
    }
}
