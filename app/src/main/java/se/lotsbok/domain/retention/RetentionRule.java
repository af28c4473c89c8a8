package se.lotsbok.domain.retention;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.Set;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.settings.RetentionSettings;

/**
 * When a case file (personakt) is due for gallring, by when it must be done, and which case files
 * are exempt.
 *
 * <h2>The law this follows</h2>
 * <ul>
 * <li>Socialtjänstlag (SFS 2025:400) replaced socialtjänstlagen (SFS 2001:453) on 1 July 2025 and
 * carries over its rules on gallring of personakter. <b>The chapter and paragraph of those rules
 * in SFS 2025:400 have not been verified</b>; check them in the SFS text before citing them to
 * anyone. What this class does follows the wording of 12 kap. 1 and 2 §§ SoL (2001:453), as
 * amended by SFS 2003:135.</li>
 * <li>12 kap. 1 § SoL (2001:453): the entries in a personakt are to be deleted five years after the
 * last entry was made in it, and the deletion must be finished by the end of the calendar year
 * after the one in which the obligation arose. Hence {@link #dueOn} and {@link #deadline}; the
 * five years are a setting ({@link RetentionSettings#years()}), five by default and never fewer.</li>
 * <li>12 kap. 2 § SoL (2001:453): some documents may not be deleted under 1 § (those from paternity
 * or adoption investigations, from a child's placement outside the home, and others), nor a
 * representative sample kept for research. Documents of the first kind are kept by marking the
 * case file {@link Assessment.Standing#KEPT kept} (bevaras).</li>
 * <li>The research sample: socialtjänstförordningen (SFS 2001:937) keeps the case files of people
 * born on the 5th, 15th or 25th of a month in the municipalities it names (7 kap. 2 § according to
 * Malmö stad's legal answers; not verified against the ordinance's own text). Whether the
 * municipality is one of them is a setting ({@link RetentionSettings#inResearchSample()}).</li>
 * <li>Lag (1930:173) om beräkning av lagstadgad tid, 1 §: a period of years ends on the day with
 * the same number, or on the last day of the month when that month has no such day, which is
 * what {@link LocalDate#plusYears} does with 29 February.</li>
 * </ul>
 * Not handled here: prop. 2025/26:12 proposes thirty years from a child's birth for some
 * documents in a child's personakt. A case file holding such documents must be marked kept.
 *
 * <p>Only closed cases are offered: discharged, or closed as contacted but not enrolled, with
 * nothing open since. A case file without any case path is not offered either.
 */
public final class RetentionRule {

    /** The birth days of the research sample. */
    public static final Set<Integer> SAMPLE_DAYS = Set.of(5, 15, 25);

    private RetentionRule() {
    }

    /** The newest entry of the case file: its newest dated row, or the newest day something was written down. */
    public static Optional<LocalDate> lastEntry(RetentionCase file) {
        LocalDate last = null;
        for (LocalDate d : file.entries()) {
            last = later(last, d);
        }
        for (CaseEvent e : file.history().all()) {
            last = later(last, e.date());
        }
        return Optional.ofNullable(last);
    }

    /** The day gallring becomes due: {@code years} after the last entry (29 February counts to 28 February). */
    public static LocalDate dueOn(LocalDate lastEntry, int years) {
        return lastEntry.plusYears(years);
    }

    /** Whether gallring is due on {@code today} for a case file last written in on {@code lastEntry}. */
    public static boolean isDue(LocalDate lastEntry, int years, LocalDate today) {
        return !dueOn(lastEntry, years).isAfter(today);
    }

    /** The last day gallring may be done: 31 December of the year after the one in which it became due. */
    public static LocalDate deadline(LocalDate dueOn) {
        return LocalDate.of(dueOn.getYear() + 1, Month.DECEMBER, 31);
    }

    /**
     * A day such that every case file due on {@code today} has its last entry on or before it. Used to
     * leave out, before this rule decides, the case files that cannot be due: one day later than
     * {@code today - years} because a last entry on 29 February is due on 28 February.
     */
    public static LocalDate latestLastEntryThatMayBeDue(LocalDate today, int years) {
        return today.minusYears(years).plusDays(1);
    }

    /** Whether someone born on {@code birthDate} belongs to the research sample's birth days. */
    public static boolean bornOnSampleDay(LocalDate birthDate) {
        return SAMPLE_DAYS.contains(birthDate.getDayOfMonth());
    }

    /**
     * The birth date kept in the anonymous residue: the first of the birth month, so that birth
     * year and month stay and the day goes. The tallies take ages only on the last day of a month,
     * and there the first of the birth month gives the same age in whole years as the real birth
     * day: the day can only matter in the birth month itself, and a month's last day is on or after
     * every day of that month. The one exception is 29 February: born then, one turns a year older
     * on 1 March in years without a 29 February ({@link se.lotsbok.domain.participant.AgeBand#ageOn}),
     * so on 28 February one is a year younger than someone born on 1 February. That one birth day is
     * therefore kept as it is. A test compares the ages on every month's end for every birth day.
     */
    public static LocalDate residueBirthDate(LocalDate birthDate) {
        if (birthDate.getMonth() == Month.FEBRUARY && birthDate.getDayOfMonth() == 29) {
            return birthDate;
        }
        return birthDate.withDayOfMonth(1);
    }

    /** Where {@code file} stands for gallring on {@code today} under {@code settings}. */
    public static Assessment assess(RetentionCase file, RetentionSettings settings, LocalDate today) {
        Optional<LocalDate> last = lastEntry(file);
        LocalDate dueOn = last.map(d -> dueOn(d, settings.years())).orElse(null);
        LocalDate deadline = dueOn == null ? null : deadline(dueOn);
        Optional<CaseEvent> latest = file.history().latest();
        boolean closed = latest.map(CaseEvent::status).filter(CaseStatus::closed).isPresent();
        LocalDate closedOn = closed ? latest.get().date() : null;
        Assessment.Standing standing;
        if (!closed || last.isEmpty()) {
            standing = Assessment.Standing.OPEN;
        } else if (dueOn.isAfter(today)) {
            standing = Assessment.Standing.NOT_YET_DUE;
        } else if (file.kept()) {
            standing = Assessment.Standing.KEPT;
        } else if (settings.inResearchSample() && bornOnSampleDay(file.birthDate())) {
            standing = Assessment.Standing.RESEARCH_SAMPLE;
        } else {
            standing = Assessment.Standing.DUE;
        }
        return new Assessment(file.participantId(), standing, last.orElse(null), dueOn, deadline, closedOn);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
