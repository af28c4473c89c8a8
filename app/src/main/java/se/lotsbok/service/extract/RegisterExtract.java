package se.lotsbok.service.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.domain.extract.Release;
import se.lotsbok.domain.journal.FollowUp;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.journal.NoteService;

/**
 * Everything the register holds on one person, read in one transaction: what a register extract
 * (registerutdrag) shows. The writers decide nothing: what is withheld comes with the release.
 *
 * @param purposes the purposes and recipients the unit states, or empty for the default text
 * @param journal the signed notes, oldest meeting first, each with its corrections oldest first
 * @param releases the earlier releases of the person's extract, oldest first
 * @param accessLog the access-log rows that concern the person, oldest first
 * @param staffRoles each user's roles, for showing staff by role instead of by name
 */
public record RegisterExtract(
        String unitName,
        String purposes,
        Instant readAt,
        ZoneId zone,
        Participant participant,
        CaseHistory history,
        List<Consent> consents,
        List<NavigatorPeriod> navigators,
        List<PartnerInvolvement> partners,
        List<Goal> goals,
        List<NoteService.Entry> journal,
        List<FollowUp> followUps,
        List<Release> releases,
        List<AccessLogEntry> accessLog,
        Map<String, Set<Role>> staffRoles) {

    /** From {@code from} on, the person's lots was {@code navigator} (null: nobody), as recorded. */
    public record NavigatorPeriod(LocalDate from, String navigator, Instant recordedAt, String recordedBy) {
    }

    public RegisterExtract {
        consents = List.copyOf(consents);
        navigators = List.copyOf(navigators);
        partners = List.copyOf(partners);
        goals = List.copyOf(goals);
        journal = List.copyOf(journal);
        followUps = List.copyOf(followUps);
        releases = List.copyOf(releases);
        accessLog = List.copyOf(accessLog);
        staffRoles = Map.copyOf(staffRoles);
    }

    /** Every signed note, corrections included. */
    public List<JournalNote> notes() {
        return journal.stream()
                .flatMap(e -> java.util.stream.Stream.concat(java.util.stream.Stream.of(e.note()), e.amendments().stream()))
                .toList();
    }

    public LocalDate date() {
        return LocalDate.ofInstant(readAt, zone);
    }
}
