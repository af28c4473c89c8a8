package se.lotsbok.ui.casepath;

import javafx.scene.control.ComboBox;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.EnumTexts;

/** The three choices a situation is recorded with (occupation, housing, ongoing substance use). */
final class SituationChoices {

    final ComboBox<Situation.Occupation> occupation;
    final ComboBox<Situation.Housing> housing;
    final ComboBox<Situation.SubstanceUse> substanceUse;

    /** @param idPrefix the start of the choices' ids ({@code occupationChoice}, or {@code followUpOccupationChoice}) */
    SituationChoices(Texts texts, String idPrefix) {
        occupation = EnumTexts.combo(texts, Situation.Occupation.values());
        housing = EnumTexts.combo(texts, Situation.Housing.values());
        substanceUse = EnumTexts.combo(texts, Situation.SubstanceUse.values());
        boolean prefixed = !idPrefix.isEmpty();
        occupation.setId(prefixed ? idPrefix + "OccupationChoice" : "occupationChoice");
        housing.setId(prefixed ? idPrefix + "HousingChoice" : "housingChoice");
        substanceUse.setId(prefixed ? idPrefix + "SubstanceUseChoice" : "substanceUseChoice");
    }

    /** The situation chosen; null while any of the three is missing (the service then says which is needed). */
    Situation value() {
        return occupation.getValue() == null || housing.getValue() == null || substanceUse.getValue() == null ? null
                : new Situation(occupation.getValue(), housing.getValue(), substanceUse.getValue());
    }

    void clear() {
        occupation.setValue(null);
        housing.setValue(null);
        substanceUse.setValue(null);
    }
}
