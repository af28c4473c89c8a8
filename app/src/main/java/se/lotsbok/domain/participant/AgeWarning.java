package se.lotsbok.domain.participant;

/** The participant's age lies outside the chosen programme's band: a warning, never a block. */
public record AgeWarning(Programme programme, int age, AgeBand band) {
}
