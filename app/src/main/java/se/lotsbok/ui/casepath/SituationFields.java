package se.lotsbok.ui.casepath;

import java.util.List;
import javafx.scene.control.ComboBox;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.i18n.Texts;
import se.lotsbok.ui.common.EnumTexts;

/** The participant's situation as three choices (occupation, housing, substance use), for enrollment and discharge. */
public final class SituationFields {

    /** The labels of the three fields, in the order {@link #of} makes them. */
    public static final List<String> LABELS = List.of("case.field.occupation", "case.field.housing",
            "case.field.substanceUse");

    private SituationFields() {
    }

    /** The three choices bound to {@code form}, with these ids. */
    public static List<ComboBox<?>> of(Texts texts, CaseForms.SituationForm form, String occupationId,
            String housingId, String substanceId) {
        ComboBox<Situation.Occupation> occupation = EnumTexts.combo(texts, Situation.Occupation.values());
        occupation.setId(occupationId);
        occupation.valueProperty().bindBidirectional(form.occupationProperty());
        ComboBox<Situation.Housing> housing = EnumTexts.combo(texts, Situation.Housing.values());
        housing.setId(housingId);
        housing.valueProperty().bindBidirectional(form.housingProperty());
        ComboBox<Situation.SubstanceUse> substance = EnumTexts.combo(texts, Situation.SubstanceUse.values());
        substance.setId(substanceId);
        substance.valueProperty().bindBidirectional(form.substanceUseProperty());
        return List.of(occupation, housing, substance);
    }
}
