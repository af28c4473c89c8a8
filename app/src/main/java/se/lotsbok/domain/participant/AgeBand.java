package se.lotsbok.domain.participant;

import java.time.LocalDate;
import java.time.Period;

/** An inclusive band of whole years of age. */
public record AgeBand(int minAge, int maxAge) {

    public AgeBand {
        if (minAge < 0 || maxAge < minAge) {
            throw new IllegalArgumentException("age band " + minAge + "-" + maxAge);
        }
    }

    public boolean contains(int age) {
        return age >= minAge && age <= maxAge;
    }

    /** Age in whole years on {@code onDate}; someone born on 29 February turns a year older on 1 March. */
    public static int ageOn(LocalDate birthDate, LocalDate onDate) {
        return Period.between(birthDate, onDate).getYears();
    }
}
