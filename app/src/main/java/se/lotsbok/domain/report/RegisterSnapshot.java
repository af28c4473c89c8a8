package se.lotsbok.domain.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.navigator.AssignmentHistory;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;

/**
 * Everything the tallies count, read from the dated history rows: no names, no identity numbers.
 * The tallies are computed from this alone, so a past month computed again gives the same numbers
 * unless a dated correction changed that month.
 */
public record RegisterSnapshot(
        Map<Long, Person> people,
        Map<Long, CaseHistory> cases,
        Map<Long, AssignmentHistory> assignments,
        List<Navigator> navigators,
        Map<Long, List<Consent>> consents,
        List<Meeting> meetings,
        Map<Long, List<PartnerInvolvement>> partners,
        Map<Long, List<Goal>> goals,
        int unitCap,
        Map<Long, List<DischargeFollowUp>> followUps,
        OutcomeOrder outcomeOrder) {

    /** A register without follow-ups after discharge, whose outcomes are read in the default order. */
    public RegisterSnapshot(Map<Long, Person> people, Map<Long, CaseHistory> cases,
            Map<Long, AssignmentHistory> assignments, List<Navigator> navigators, Map<Long, List<Consent>> consents,
            List<Meeting> meetings, Map<Long, List<PartnerInvolvement>> partners, Map<Long, List<Goal>> goals,
            int unitCap) {
        this(people, cases, assignments, navigators, consents, meetings, partners, goals, unitCap, Map.of(),
                OutcomeOrder.DEFAULT);
    }

    /** What the tallies may know of a participant. */
    public record Person(long id, Gender gender, LocalDate birthDate, Programme programme) {
    }

    /** A signed note's meeting (corrections are not meetings). */
    public record Meeting(long participantId, LocalDate date, MeetingType type) {
    }

    public CaseHistory caseOf(long participantId) {
        return cases.getOrDefault(participantId, CaseHistory.empty());
    }

    public AssignmentHistory assignmentsOf(long participantId) {
        return assignments.getOrDefault(participantId, AssignmentHistory.of(List.of()));
    }
}
