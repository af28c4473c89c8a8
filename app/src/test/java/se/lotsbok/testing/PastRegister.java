package se.lotsbok.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.participant.SaveOutcome;

/**
 * A register written over past years through the services, with the clock set to the day of each
 * entry, so that what was written down and when is as in real use; then seen from {@link #TODAY}.
 */
public final class PastRegister {

    public static final LocalDate TODAY = TestDatabases.TODAY;
    public static final Situation SITUATION = new Situation(Situation.Occupation.NONE, Situation.Housing.PARENTS,
            Situation.SubstanceUse.NO);

    private final MutableClock clock;
    private final TestRegister register;
    private final Session chef;

    private PastRegister(MutableClock clock, TestRegister register, Session chef) {
        this.clock = clock;
        this.register = register;
        this.chef = chef;
    }

    /** A new register in {@code folder} whose clock starts on {@code start}; {@code chef} is its enhetschef. */
    public static PastRegister create(Path folder, LocalDate start) {
        return create(folder, start, TestRegister::create);
    }

    /** As {@link #create(Path, LocalDate)}, always as an H2 file in {@code folder}. */
    public static PastRegister inFolder(Path folder, LocalDate start) {
        return create(folder, start, TestRegister::inFolder);
    }

    private static PastRegister create(Path folder, LocalDate start,
            java.util.function.BiFunction<Path, java.time.Clock, TestRegister> make) {
        MutableClock clock = new MutableClock(start.atTime(LocalTime.of(8, 0)).atZone(TestDatabases.STOCKHOLM).toInstant(),
                TestDatabases.STOCKHOLM);
        TestRegister register = make.apply(folder, clock);
        return new PastRegister(clock, register, register.userWith("chef", Role.UNIT_HEAD));
    }

    public MutableClock clock() {
        return clock;
    }

    public TestRegister register() {
        return register;
    }

    /** The enhetschef's session, which writes everything. */
    public Session chef() {
        return chef;
    }

    /** Sets the clock to 10:00 on {@code day}, forwards or back. */
    public void on(LocalDate day) {
        clock.advance(Duration.between(clock.instant(),
                day.atTime(LocalTime.of(10, 0)).atZone(TestDatabases.STOCKHOLM).toInstant()));
    }

    /** Sets the clock to {@link #TODAY}. */
    public void today() {
        on(TODAY);
    }

    public long participant(String first, String last, String birth, String serial, Gender gender, Programme programme) {
        SaveOutcome outcome = chef.services().participants().create(chef.actor(), ParticipantInputs.valid()
                .name(first, last).identity(Pins.dashed(birth, serial)).gender(gender).programme(programme)
                .phone("070-" + serial + " 11 22").address(last + "vägen " + serial).comment("Om " + first)
                .build());
        assertThat(outcome).isInstanceOf(SaveOutcome.Saved.class);
        return ((SaveOutcome.Saved) outcome).participant().id();
    }

    public void move(long id, Move move) {
        done(chef.services().cases().move(chef.actor(), id, move));
    }

    public void referred(long id, LocalDate date) {
        on(date);
        move(id, Move.referral(date, ReferralSource.POLICE));
    }

    /** Consent (with a guardian's), enrollment on {@code date}. */
    public void enrolled(long id, LocalDate date, String guardian) {
        on(date);
        done(chef.services().cases().recordConsent(chef.actor(), id, date, null, EnumSet.of(Partner.POLICE, Partner.SCHOOL),
                List.of(new Consent.GuardianConsent(guardian, date))));
        move(id, Move.enrollment(date, SITUATION));
    }

    public void discharged(long id, LocalDate date) {
        on(date);
        move(id, Move.discharge(date, DischargeReason.PLANNED_GOALS_MET, SITUATION));
    }

    public void closed(long id, LocalDate date) {
        on(date);
        move(id, Move.closure(date, ClosureReason.NOT_MOTIVATED));
    }

    /** Referred on {@code from}, closed without enrollment on {@code to}. */
    public long closedCase(String first, String last, String birth, String serial, LocalDate from, LocalDate to) {
        on(from);
        long id = participant(first, last, birth, serial, Gender.MAN, Programme.YOUTH);
        referred(id, from);
        closed(id, to);
        return id;
    }

    public static CaseResult done(CaseResult result) {
        assertThat(result).isInstanceOf(CaseResult.Done.class);
        return result;
    }
}
