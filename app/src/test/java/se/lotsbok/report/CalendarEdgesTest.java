package se.lotsbok.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.retention.RetentionService;
import se.lotsbok.testing.PastRegister;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.ui.casepath.CaseViewModel;
import se.lotsbok.ui.common.Tasks;

/**
 * The calendar's awkward days on a real register, with the clock set by hand in Stockholm time: the
 * switches to and from summer time, the year end, 29 February and midnight. Each case states the
 * instant (UTC) the clock stands on, so the test means the same on any machine in any zone.
 */
class CalendarEdgesTest {

    private static final Situation SITUATION = new Situation(Situation.Occupation.STUDIES, Situation.Housing.PARENTS,
            Situation.SubstanceUse.NO);

    @TempDir
    Path temp;

    private PastRegister past;
    private Session chef;
    private int serial = 200;

    @BeforeEach
    void register() {
        past = PastRegister.create(TestDatabases.folder(temp), LocalDate.of(2025, 1, 2));
        chef = past.chef();
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void aStepAt2359AndOneAt0001StockholmTimeLandOnTheDaysTheUnitSaw() {
        long late = person("Ada", "20050310");
        long early = person("Bo", "20050311");

        // 23:59 on 31 January in Stockholm is 22:59 UTC: still January everywhere.
        at("2026-01-31T22:59:00Z");
        assertThat(todayInTheCaseFile()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(move(late, Move.referral(LocalDate.of(2026, 2, 1), ReferralSource.SCHOOL)))
                .as("1 February is tomorrow at 23:59").isInstanceOf(CaseResult.Refused.class);
        PastRegister.done(move(late, Move.referral(todayInTheCaseFile(), ReferralSource.SCHOOL)));

        // 00:01 on 1 February in Stockholm is 23:01 UTC on 31 January: the unit's day is already February.
        at("2026-01-31T23:01:00Z");
        assertThat(todayInTheCaseFile()).isEqualTo(LocalDate.of(2026, 2, 1));
        PastRegister.done(move(early, Move.referral(todayInTheCaseFile(), ReferralSource.SCHOOL)));

        assertThat(referralDate(late)).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(referralDate(early)).isEqualTo(LocalDate.of(2026, 2, 1));
        at("2026-03-02T09:00:00Z");
        assertThat(month(2026, 1).total("referrals")).isEqualTo(1);
        assertThat(month(2026, 2).total("referrals")).isEqualTo(1);
    }

    @Test
    void aMeetingAt0230OnTheNightSummerTimeBeginsKeepsItsDayAndTime() {
        long id = enrolled(person("Cilla", "20050312"), LocalDate.of(2026, 3, 2));
        // 02:30 does not exist in Stockholm on 29 March 2026 (02:00 becomes 03:00); the note keeps what was typed.
        LocalDateTime typed = LocalDateTime.of(2026, 3, 29, 2, 30);
        at("2026-03-29T06:00:00Z");

        JournalNote note = sign(id, typed);

        assertThat(note.content().meetingAt()).isEqualTo(typed);
        assertThat(journal(id)).extracting(n -> n.content().meetingAt()).containsExactly(typed);
        assertThat(note.signedAt().atZone(TestDatabases.STOCKHOLM).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 3, 29, 8, 0));
        at("2026-04-01T09:00:00Z");
        assertThat(month(2026, 3).total("meetings")).isEqualTo(1);
        assertThat(month(2026, 4).total("meetings")).isZero();
    }

    @Test
    void aMeetingAt0230OnTheNightSummerTimeEndsIsOneMeetingOnThatDay() {
        long id = enrolled(person("Dan", "20050313"), LocalDate.of(2026, 10, 1));
        // 02:30 happens twice in Stockholm on 25 October 2026; the clock stands at the second 03:10 (02:10 UTC).
        at("2026-10-25T02:10:00Z");
        assertThat(ZonedDateTime.now(past.clock()).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 10, 25, 3, 10));
        PastRegister.done(move(id, Move.discharge(todayInTheCaseFile(), DischargeReason.PLANNED_GOALS_MET, SITUATION)));

        JournalNote note = sign(id, LocalDateTime.of(2026, 10, 25, 2, 30));

        assertThat(note.content().meetingAt()).isEqualTo(LocalDateTime.of(2026, 10, 25, 2, 30));
        assertThat(currentEvent(id).date()).isEqualTo(LocalDate.of(2026, 10, 25));
        at("2026-11-02T09:00:00Z");
        Tally october = month(2026, 10);
        assertThat(october.total("meetings")).isEqualTo(1);
        assertThat(october.total("discharges")).isEqualTo(1);
        assertThat(october.total("enrolled_at_end")).isZero();
        assertThat(month(2026, 11).total("meetings")).isZero();
    }

    @Test
    void aCasePathStepRegisteredInTheMissingHourOfMarchIsDatedThatSunday() {
        long id = person("Eva", "20050314");
        // 01:30 UTC on 29 March 2026 is 03:30 summer time in Stockholm, just after the switch.
        at("2026-03-29T01:30:00Z");
        PastRegister.done(move(id, Move.referral(todayInTheCaseFile(), ReferralSource.POLICE)));

        CaseEvent referral = currentEvent(id);
        assertThat(referral.date()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(referral.recordedAt().atZone(TestDatabases.STOCKHOLM).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 30));
        at("2026-04-01T09:00:00Z");
        assertThat(month(2026, 3).total("referrals")).isEqualTo(1);
    }

    @Test
    void theYearEndSplitsDecemberFromJanuaryAndOneYearFromTheNext() {
        long dec31 = enrolled(person("Filip", "20050315"), LocalDate.of(2026, 12, 31));
        long jan1 = enrolled(person("Gun", "20050316"), LocalDate.of(2027, 1, 1));
        long leftJan1 = enrolled(person("Hugo", "20050317"), LocalDate.of(2026, 6, 1));
        past.discharged(leftJan1, LocalDate.of(2027, 1, 1));
        at("2027-01-01T09:00:00Z");
        sign(dec31, LocalDateTime.of(2026, 12, 31, 23, 59));
        sign(jan1, LocalDateTime.of(2027, 1, 1, 0, 0));

        at("2027-02-01T09:00:00Z");
        Tally december = month(2026, 12);
        Tally january = month(2027, 1);

        assertThat(december.total("new_enrollments")).isEqualTo(1);
        assertThat(december.total("enrolled_at_end")).isEqualTo(2);
        assertThat(december.total("discharges")).isZero();
        assertThat(december.total("meetings")).isEqualTo(1);
        assertThat(january.total("new_enrollments")).isEqualTo(1);
        assertThat(january.total("discharges")).isEqualTo(1);
        assertThat(january.total("enrolled_at_end")).isEqualTo(2);
        // Discharged on 1 January: enrolled up to and including 31 December, so not enrolled in January.
        assertThat(january.total("enrolled_during")).isEqualTo(2);
        assertThat(january.total("meetings")).isEqualTo(1);
        assertThat(year(2026).total("enrolled")).isEqualTo(2);
        assertThat(year(2027).total("enrolled")).isEqualTo(2);
    }

    @Test
    void someoneBornOn29FebruaryTurns18On1MarchForTheGuardiansConsent() {
        long id = person("Ida", "20080229");
        past.referred(id, LocalDate.of(2026, 1, 10));
        PastRegister.done(chef.services().cases().recordConsent(chef.actor(), id, LocalDate.of(2026, 1, 10), null,
                EnumSet.of(Partner.POLICE), List.of()));

        at("2026-02-28T09:00:00Z");
        assertThat(move(id, Move.enrollment(LocalDate.of(2026, 2, 28), SITUATION)))
                .as("17 years old on 28 February 2026: the guardians must consent")
                .isInstanceOf(CaseResult.Refused.class);
        at("2026-03-01T09:00:00Z");
        PastRegister.done(move(id, Move.enrollment(LocalDate.of(2026, 3, 1), SITUATION)));

        at("2026-04-01T09:00:00Z");
        assertThat(month(2026, 3).value("enrolled_at_end_by_age_band", "18_20")).contains(1L);
        assertThat(month(2026, 3).value("enrolled_at_end_by_age_band", "16_17")).contains(0L);
    }

    @Test
    void anEnrollmentOn29FebruaryCountsInFebruaryAndItsGallringFallsDueOn28February() {
        long leap = enrolled(person("Jon", "20050318"), LocalDate.of(2028, 2, 29));
        at("2028-03-01T09:00:00Z");
        assertThat(month(2028, 2).total("new_enrollments")).isEqualTo(1);
        assertThat(month(2028, 3).total("new_enrollments")).isZero();

        past.discharged(leap, LocalDate.of(2028, 2, 29));
        at("2033-02-27T12:00:00Z");
        assertThat(due()).isEmpty();
        at("2033-02-28T12:00:00Z");
        assertThat(due()).singleElement().satisfies(d -> {
            assertThat(d.lastEntry()).isEqualTo(LocalDate.of(2028, 2, 29));
            assertThat(d.dueOn()).isEqualTo(LocalDate.of(2033, 2, 28));
            assertThat(d.deadline()).isEqualTo(LocalDate.of(2034, 12, 31));
        });
    }

    private long person(String first, String birth) {
        return past.participant(first, "Test", birth, String.valueOf(serial++), Gender.WOMAN, Programme.YOUTH);
    }

    /** Referred the day before {@code date}, with consent, enrolled on {@code date} (the clock ends on it). */
    private long enrolled(long id, LocalDate date) {
        past.referred(id, date.minusDays(1));
        past.on(date);
        PastRegister.done(chef.services().cases().recordConsent(chef.actor(), id, date.minusDays(1), null,
                EnumSet.of(Partner.POLICE), List.of()));
        PastRegister.done(move(id, Move.enrollment(date, SITUATION)));
        return id;
    }

    private void at(String instant) {
        past.clock().advance(Duration.between(past.clock().instant(), Instant.parse(instant)));
    }

    /** The date the case file's forms offer as "today". */
    private LocalDate todayInTheCaseFile() {
        return new CaseViewModel(chef.services().cases(), chef.services().navigators(), chef.actor(),
                Tasks.immediate(), Texts.swedish(), past.clock(), new se.lotsbok.testing.AnsweringDialogs(), e -> { })
                .today();
    }

    private CaseResult move(long id, Move move) {
        return chef.services().cases().move(chef.actor(), id, move);
    }

    private CaseEvent currentEvent(long id) {
        return chef.services().cases().caseFile(chef.actor(), id).history().latest().orElseThrow();
    }

    private LocalDate referralDate(long id) {
        return chef.services().cases().caseFile(chef.actor(), id).history().effective().stream()
                .filter(e -> e.status() == CaseStatus.REFERRED).findFirst().orElseThrow().date();
    }

    private JournalNote sign(long id, LocalDateTime meetingAt) {
        NoteService.SignResult result = chef.services().notes().sign(chef.actor(), id, null,
                new NoteContent(meetingAt, MeetingType.INDIVIDUAL, Set.of(), "", "Samtal."), List.of());
        assertThat(result).isInstanceOf(NoteService.Signed.class);
        return ((NoteService.Signed) result).note();
    }

    private List<JournalNote> journal(long id) {
        return chef.services().notes().journal(chef.actor(), id).entries().stream().map(NoteService.Entry::note)
                .toList();
    }

    private Tally month(int year, int month) {
        return chef.services().reports().month(chef.actor(), YearMonth.of(year, month));
    }

    private Tally year(int year) {
        return chef.services().reports().year(chef.actor(), Year.of(year));
    }

    private List<RetentionService.DueCase> due() {
        return chef.services().retention().overview(chef.actor()).due();
    }
}
