package se.lotsbok.domain.common;

import java.time.LocalDate;
import java.util.Optional;
import se.lotsbok.domain.common.Refusal;

/**
 * The span in which a date typed into the register can be meant: a year 1 or 9999 is a slip of the
 * keyboard, and kept it would sit for ever at the top or bottom of every list, tally and "Att göra".
 */
public final class DateLimits {

    /** No one in the register was born, met or referred before this day. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** A planned date (a follow-up, a consent's last day) lies at most this many years ahead. */
    public static final int YEARS_AHEAD = 10;

    private DateLimits() {
    }

    /** Why {@code date} cannot be meant, or empty. A null date is for the caller to refuse as missing. */
    public static Optional<Refusal> check(LocalDate date, LocalDate today) {
        if (date == null) {
            return Optional.empty();
        }
        if (date.isBefore(EARLIEST)) {
            return Optional.of(new Refusal("date.refused.tooEarly", date, EARLIEST));
        }
        LocalDate latest = latest(today);
        if (date.isAfter(latest)) {
            return Optional.of(new Refusal("date.refused.tooLate", date, latest));
        }
        return Optional.empty();
    }

    /** The last day a planned date may fall on. */
    public static LocalDate latest(LocalDate today) {
        return today.plusYears(YEARS_AHEAD);
    }
}
