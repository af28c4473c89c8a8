package se.lotsbok.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseService;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.navigator.NavigatorService;

/**
 * A participant with an entry of every kind, written through the services over most of 2026, each
 * on its own day: referral, a mistaken step and its annulment, consent with a guardian's, enrollment,
 * a navigator and a change of navigator, partners (one ended), a goal whose status changed twice,
 * four signed notes (one corrected, one to leave out, one with a passage to mask), a follow-up done
 * and one open.
 */
public record FullRecord(long participant, long first, long correction, long secret, long masked, long last) {

    public static final String FIRST_TEXT = "Första mötet på kontoret. Åse berättade om skolan och om fotbollen 👍";
    public static final String CORRECTION_TEXT = "Rättelse: mötet hölls på fritidsgården, inte på kontoret.";
    public static final String SECRET_TEXT = "Uppgifter från en anhörig om hot i familjen, lämnade i förtroende.";
    public static final String PASSAGE = "Grannen Kalle Svensson har larmat polisen om bråk i trapphuset.";
    public static final String MASKED_TEXT = "Vi talade om boendet. " + PASSAGE + " Nästa möte blir i maj.";
    public static final String LAST_TEXT = "Uppföljning av handlingsplanen: eget boende är nära.";
    public static final String GOAL = "Eget boende före sommaren";

    /** Writes the record into {@code past}'s register and sets the clock back to {@link PastRegister#TODAY}. */
    public static FullRecord write(PastRegister past) {
        Session chef = past.chef();
        CaseService cases = chef.services().cases();
        NoteService notes = chef.services().notes();
        NavigatorService navigators = chef.services().navigators();

        past.on(LocalDate.of(2026, 1, 8));
        long id = past.participant("Åse", "Öberg", "20080314", "238", Gender.WOMAN, Programme.YOUTH);
        past.referred(id, LocalDate.of(2026, 1, 12));
        past.on(LocalDate.of(2026, 1, 20));
        past.move(id, Move.to(CaseStatus.WAITING_LIST, LocalDate.of(2026, 1, 20)));
        long mistaken = cases.caseFile(chef.actor(), id).history().latest().orElseThrow().id();
        past.on(LocalDate.of(2026, 1, 21));
        PastRegister.done(cases.annul(chef.actor(), id, mistaken, "Fel steg, ska utredas först"));
        past.move(id, Move.to(CaseStatus.ASSESSMENT, LocalDate.of(2026, 1, 21)));
        past.enrolled(id, LocalDate.of(2026, 2, 2), "Maria Öberg");

        past.on(LocalDate.of(2026, 2, 2));
        assertThat(navigators.createNavigator(chef.actor(), "Lotta Lind", null, LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(navigators.createNavigator(chef.actor(), "Nils Ek", null, LocalDate.of(2026, 1, 1))).isEmpty();
        List<Navigator> all = navigators.navigators(chef.actor());
        long lotta = all.stream().filter(n -> n.name().equals("Lotta Lind")).findFirst().orElseThrow().id();
        long nils = all.stream().filter(n -> n.name().equals("Nils Ek")).findFirst().orElseThrow().id();
        assertThat(navigators.assign(chef.actor(), id, lotta, LocalDate.of(2026, 2, 2), true))
                .isInstanceOf(NavigatorService.Assigned.class);

        past.on(LocalDate.of(2026, 2, 3));
        PastRegister.done(cases.addPartner(chef.actor(), id, Partner.POLICE, LocalDate.of(2026, 2, 3)));
        PastRegister.done(cases.addPartner(chef.actor(), id, Partner.SCHOOL, LocalDate.of(2026, 2, 3)));
        PastRegister.done(cases.addGoal(chef.actor(), id, Goal.LifeArea.HOUSING, GOAL, Partner.SOCIAL_SERVICES,
                LocalDate.of(2026, 6, 1)));

        long first = sign(past, id, LocalDateTime.of(2026, 2, 10, 10, 0), MeetingType.INDIVIDUAL, FIRST_TEXT, null,
                List.of(new NoteService.NewFollowUp("Kontakta skolan om närvaron", "Lotta", LocalDate.of(2026, 2, 20))));
        long secret = sign(past, id, LocalDateTime.of(2026, 3, 5, 14, 0), MeetingType.HOME_VISIT, SECRET_TEXT, null,
                List.of());
        past.on(LocalDate.of(2026, 3, 10));
        long correction = sign(past, id, LocalDateTime.of(2026, 2, 10, 10, 0), MeetingType.INDIVIDUAL,
                CORRECTION_TEXT, first, List.of());
        long followUp = notes.journal(chef.actor(), id).followUps().getFirst().id();
        notes.followUpDone(chef.actor(), followUp);

        past.on(LocalDate.of(2026, 4, 1));
        long goal = cases.caseFile(chef.actor(), id).goals().getFirst().id();
        PastRegister.done(cases.setGoalStatus(chef.actor(), id, goal, Goal.Status.PARTLY_MET));
        long masked = sign(past, id, LocalDateTime.of(2026, 4, 1, 9, 30), MeetingType.NETWORK, MASKED_TEXT, null,
                List.of());
        past.on(LocalDate.of(2026, 5, 4));
        PastRegister.done(cases.endPartner(chef.actor(), id, cases.caseFile(chef.actor(), id).partners().stream()
                .filter(p -> p.partner() == Partner.POLICE).findFirst().orElseThrow().id(), LocalDate.of(2026, 5, 4)));
        assertThat(navigators.assign(chef.actor(), id, nils, LocalDate.of(2026, 5, 4), true))
                .isInstanceOf(NavigatorService.Assigned.class);
        past.on(LocalDate.of(2026, 9, 1));
        PastRegister.done(cases.setGoalStatus(chef.actor(), id, goal, Goal.Status.MET));
        long last = sign(past, id, LocalDateTime.of(2026, 9, 1, 13, 15), MeetingType.PHONE, LAST_TEXT, null,
                List.of(new NoteService.NewFollowUp("Boka nätverksmöte", "", LocalDate.of(2026, 12, 1))));
        past.today();
        return new FullRecord(id, first, correction, secret, masked, last);
    }

    private static long sign(PastRegister past, long participant, LocalDateTime meeting, MeetingType type, String text,
            Long amends, List<NoteService.NewFollowUp> followUps) {
        Session chef = past.chef();
        if (meeting.isAfter(LocalDateTime.now(past.clock()))) {
            past.on(meeting.toLocalDate().plusDays(1));
        }
        NoteService.SignResult result = chef.services().notes().sign(chef.actor(), participant, amends,
                new NoteContent(meeting, type, Set.copyOf(EnumSet.of(Partner.SCHOOL)), "Åse, mamma Maria", text),
                followUps);
        assertThat(result).isInstanceOf(NoteService.Signed.class);
        JournalNote note = ((NoteService.Signed) result).note();
        return note.id();
    }

    /** The start of the passage to mask in the masked note's text. */
    public static int passageStart() {
        return MASKED_TEXT.indexOf(PASSAGE);
    }

}
