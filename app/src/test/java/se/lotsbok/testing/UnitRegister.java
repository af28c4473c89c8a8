package se.lotsbok.testing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.AppServices;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.domain.user.Actor;

/**
 * A unit's register as the screens meet it on {@link TestDatabases#TODAY}: three navigators, six
 * participants at every step of the path (one under 18 with a guardian's consent), consents, partners,
 * goals, signed notes with follow-ups, users, and the unit's name. Built through the services, as
 * the window would; for tests that look at whole screens.
 */
public final class UnitRegister {

    public static final String UNIT = "SIG Söderort";
    public static final Situation SITUATION = new Situation(Situation.Occupation.STUDIES, Situation.Housing.PARENTS,
            Situation.SubstanceUse.NO);

    private final Session chef;
    private final AppServices services;
    private final Actor actor;
    private final LocalDate today = TestDatabases.TODAY;
    public long anna;
    public long omar;
    public long enrolled;
    public long minor;
    public long waiting;
    public long referred;
    public long closed;
    public long discharged;

    private UnitRegister(Session chef) {
        this.chef = chef;
        this.services = chef.services();
        this.actor = chef.actor();
    }

    /** Builds the register in {@code folder}; the returned session is the unit head's ("chef"). */
    public static UnitRegister create(Path folder) {
        TestRegister register = TestRegister.create(folder);
        try (Session admin = register.login(TestRegister.ADMIN)) {
            admin.services().settings().save(admin.actor(), new UnitSettings(UNIT, 7,
                    UnitSettings.DEFAULTS.youthBand(), UnitSettings.DEFAULTS.youngAdultsBand()));
        }
        register.userWith("lotta", Role.NAVIGATOR).close();
        UnitRegister unit = new UnitRegister(register.userWith("chef", Role.UNIT_HEAD));
        unit.fill();
        return unit;
    }

    public Session session() {
        return chef;
    }

    private void fill() {
        var navigators = services.navigators();
        navigators.createNavigator(actor, "Anna Lindqvist", null, today.minusYears(2));
        navigators.createNavigator(actor, "Omar Haddad", 5, today.minusYears(1));
        navigators.createNavigator(actor, "Birgitta Sjöström-Karlsson", null, today.minusMonths(3));
        var all = navigators.navigators(actor);
        anna = all.get(0).id();
        omar = all.get(1).id();

        enrolled = participant("Mohammed", "Al-Rashidi", "20030412", "118", Gender.MAN, Programme.YOUNG_ADULTS);
        referral(enrolled, today.minusDays(60), ReferralSource.POLICE);
        consent(enrolled, today.minusDays(50), List.of());
        move(enrolled, Move.to(CaseStatus.ASSESSMENT, today.minusDays(45)));
        move(enrolled, Move.enrollment(today.minusDays(40), SITUATION));
        navigators.assign(actor, enrolled, anna, today.minusDays(40), true);
        partners(enrolled, Partner.POLICE, Partner.PROBATION, Partner.EMPLOYMENT_SERVICE);
        services.cases().addGoal(actor, enrolled, Goal.LifeArea.OCCUPATION_EDUCATION,
                "Söka och påbörja en yrkesutbildning inom bygg under våren", Partner.EMPLOYMENT_SERVICE,
                today.plusDays(20));
        services.cases().addGoal(actor, enrolled, Goal.LifeArea.HOUSING, "Eget förstahandskontrakt",
                Partner.SOCIAL_SERVICES, today.minusDays(3));
        note(enrolled, today.minusDays(7).atTime(14, 30), MeetingType.NETWORK,
                "Nätverksmöte med frivården och arbetsförmedlingen. Mohammed har börjat på praktikplatsen och trivs."
                        + " Nästa steg är att söka utbildningen.", new NoteService.NewFollowUp(
                        "Kontakta Komvux om ansökan", "Anna", today.plusDays(2)));

        minor = participant("Elin", "Åkesson", "20100305", "224", Gender.WOMAN, Programme.YOUTH);
        referral(minor, today.minusDays(30), ReferralSource.SCHOOL);
        consent(minor, today.minusDays(20), List.of(new Consent.GuardianConsent("Maria Åkesson",
                today.minusDays(20))));
        move(minor, Move.enrollment(today.minusDays(15), new Situation(Situation.Occupation.STUDIES,
                Situation.Housing.PARENTS, Situation.SubstanceUse.NO)));
        navigators.assign(actor, minor, omar, today.minusDays(15), true);
        partners(minor, Partner.SCHOOL, Partner.CHILD_PSYCHIATRY, Partner.FAMILY);
        note(minor, today.minusDays(2).atTime(9, 0), MeetingType.INDIVIDUAL,
                "Samtal på skolan. Elin vill börja på fotbollsträningen igen.", null);

        waiting = participant("Johan", "Nyström", "20010920", "337", Gender.MAN, Programme.YOUNG_ADULTS);
        referral(waiting, today.minusDays(25), ReferralSource.SOCIAL_SERVICES);
        consent(waiting, today.minusDays(18), List.of());
        move(waiting, Move.to(CaseStatus.WAITING_LIST, today.minusDays(14)));

        referred = participant("Amira", "Hassan", "20070611", "442", Gender.WOMAN, Programme.YOUTH);
        referral(referred, today.minusDays(3), ReferralSource.SELF_REFERRAL);

        closed = participant("Kevin", "Lundberg", "20040101", "559", Gender.MAN, Programme.YOUNG_ADULTS);
        referral(closed, today.minusDays(90), ReferralSource.PROBATION);
        move(closed, Move.closure(today.minusDays(70), ClosureReason.NOT_MOTIVATED));

        discharged = participant("Sara", "Öberg", "20020815", "661", Gender.WOMAN, Programme.YOUNG_ADULTS);
        referral(discharged, today.minusDays(400), ReferralSource.RELATIVE);
        consent(discharged, today.minusDays(395), List.of());
        move(discharged, Move.enrollment(today.minusDays(390), SITUATION));
        navigators.assign(actor, discharged, anna, today.minusDays(390), true);
        move(discharged, Move.discharge(today.minusDays(30), DischargeReason.PLANNED_GOALS_MET,
                new Situation(Situation.Occupation.WORK, Situation.Housing.OWN, Situation.SubstanceUse.NO)));
    }

    private long participant(String first, String last, String born, String serial, Gender gender,
            Programme programme) {
        return ((SaveOutcome.Saved) services.participants().create(actor, ParticipantInputs.valid()
                .name(first, last).identity(Pins.dashed(born, serial)).gender(gender).programme(programme).build()))
                .participant().id();
    }

    private void referral(long id, LocalDate date, ReferralSource source) {
        PastRegister.done(services.cases().move(actor, id, Move.referral(date, source)));
    }

    private void move(long id, Move move) {
        PastRegister.done(services.cases().move(actor, id, move));
    }

    private void consent(long id, LocalDate given, List<Consent.GuardianConsent> guardians) {
        PastRegister.done(services.cases().recordConsent(actor, id, given, null, EnumSet.allOf(Partner.class),
                guardians));
    }

    private void partners(long id, Partner... partners) {
        for (Partner partner : partners) {
            PastRegister.done(services.cases().addPartner(actor, id, partner, today.minusDays(10)));
        }
    }

    private void note(long id, LocalDateTime at, MeetingType type, String text, NoteService.NewFollowUp followUp) {
        NoteService.SignResult result = services.notes().sign(actor, id, null, new NoteContent(at, type,
                Set.of(Partner.PROBATION), "", text), followUp == null ? List.of() : List.of(followUp));
        if (!(result instanceof NoteService.Signed)) {
            throw new AssertionError("note refused: " + result);
        }
    }
}
