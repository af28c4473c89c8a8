package se.lotsbok.domain.participant;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish personnummer or samordningsnummer, kept as its twelve digits (YYYYMMDDNNNC).
 * A samordningsnummer has 60 added to the day of birth.
 */
public record PersonalIdentityNumber(String digits) {

    private static final Pattern TEN_DIGITS = Pattern.compile("(\\d{6})([-+]?)(\\d{4})");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(\\d{8})(-?)(\\d{4})");
    private static final int COORDINATION_OFFSET = 60;

    /** Why a text is not an identity number; each has a message of its own. */
    public enum Problem {
        /** Not 10 or 12 digits with an optional separator. */
        FORMAT,
        /** The digits do not form a real date of birth. */
        DATE,
        /** The date of birth lies after today. */
        FUTURE,
        /** The last digit is not the Luhn check digit of the others. */
        CHECK_DIGIT
    }

    /** Thrown by {@link #parse} with the first problem found. */
    public static final class InvalidException extends Exception {
        private final Problem problem;

        InvalidException(Problem problem) {
            super(problem.name());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public PersonalIdentityNumber {
        Objects.requireNonNull(digits, "digits");
        if (!digits.matches("\\d{12}")) {
            throw new IllegalArgumentException("twelve digits expected");
        }
    }

    /**
     * Reads 10 or 12 digits with an optional separator: {@code YYMMDD-NNNN}, {@code YYMMDD+NNNN}
     * (100 years or older), {@code YYMMDDNNNN}, {@code YYYYMMDD-NNNN} or {@code YYYYMMDDNNNN}.
     * Surrounding and inner spaces are ignored. A ten-digit number gets the century that makes
     * the person younger than 100 on {@code today}, or at least 100 with {@code +}.
     */
    public static PersonalIdentityNumber parse(String text, LocalDate today) throws InvalidException {
        String compact = text == null ? "" : text.replaceAll("\\s+", "");
        Matcher twelve = TWELVE_DIGITS.matcher(compact);
        Matcher ten = TEN_DIGITS.matcher(compact);
        String full;
        if (twelve.matches()) {
            full = twelve.group(1) + twelve.group(3);
            birthDateOf(full);
        } else if (ten.matches()) {
            full = withCentury(ten.group(1), "+".equals(ten.group(2)), today) + ten.group(3);
        } else {
            throw new InvalidException(Problem.FORMAT);
        }
        LocalDate born = birthDateOf(full);
        if (born.isAfter(today)) {
            throw new InvalidException(Problem.FUTURE);
        }
        if (luhnCheckDigit(full.substring(2, 11)) != full.charAt(11) - '0') {
            throw new InvalidException(Problem.CHECK_DIGIT);
        }
        return new PersonalIdentityNumber(full);
    }

    /** Whether {@code text} would parse; for callers that only need a yes or no. */
    public static boolean isValid(String text, LocalDate today) {
        try {
            parse(text, today);
            return true;
        } catch (InvalidException e) {
            return false;
        }
    }

    /** The Luhn check digit of the nine digits YYMMDDNNN. */
    public static int luhnCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int d = nineDigits.charAt(i) - '0';
            int product = i % 2 == 0 ? d * 2 : d;
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10;
    }

    public LocalDate birthDate() {
        try {
            return birthDateOf(digits);
        } catch (InvalidException e) {
            throw new IllegalStateException("validated at construction by parse", e);
        }
    }

    public boolean isCoordinationNumber() {
        return Integer.parseInt(digits.substring(6, 8)) > COORDINATION_OFFSET;
    }

    /** {@code YYYYMMDD-NNNN}, the form shown to users. */
    public String formatted() {
        return digits.substring(0, 8) + "-" + digits.substring(8);
    }

    /** The ten digits without century or separator, as often written on paper. */
    public String tenDigits() {
        return digits.substring(2);
    }

    @Override
    public String toString() {
        return formatted();
    }

    private static String withCentury(String yymmdd, boolean hundredOrOlder, LocalDate today)
            throws InvalidException {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int year = today.getYear() / 100 * 100 + yy;
        String mmdd = yymmdd.substring(2);
        // The latest century in which the birthday is not after today.
        if (year > today.getYear() || (year == today.getYear() && afterInYear(mmdd, today))) {
            year -= 100;
        }
        if (hundredOrOlder) {
            year -= 100;
        }
        return String.format("%04d", year) + mmdd;
    }

    private static boolean afterInYear(String mmdd, LocalDate today) {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2)) % COORDINATION_OFFSET;
        return month > today.getMonthValue() || (month == today.getMonthValue() && day > today.getDayOfMonth());
    }

    private static LocalDate birthDateOf(String twelveDigits) throws InvalidException {
        int year = Integer.parseInt(twelveDigits.substring(0, 4));
        int month = Integer.parseInt(twelveDigits.substring(4, 6));
        int day = Integer.parseInt(twelveDigits.substring(6, 8));
        if (day > COORDINATION_OFFSET) {
            day -= COORDINATION_OFFSET;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new InvalidException(Problem.DATE);
        }
    }
}
