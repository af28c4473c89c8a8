package se.lotsbok.testing;

import se.lotsbok.domain.participant.PersonalIdentityNumber;

/** Builds identity numbers with a correct check digit for tests. */
public final class Pins {

    private Pins() {
    }

    /** Twelve digits from a date {@code YYYYMMDD} and a three-digit serial, plus the Luhn digit. */
    public static String twelve(String yyyymmdd, String serial) {
        String nine = yyyymmdd.substring(2) + serial;
        return yyyymmdd + serial + PersonalIdentityNumber.luhnCheckDigit(nine);
    }

    /** As {@link #twelve} with the usual dash: {@code YYYYMMDD-NNNC}. */
    public static String dashed(String yyyymmdd, String serial) {
        String digits = twelve(yyyymmdd, serial);
        return digits.substring(0, 8) + "-" + digits.substring(8);
    }
}
