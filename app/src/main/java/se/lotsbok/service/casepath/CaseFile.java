package se.lotsbok.service.casepath;

import java.util.List;
import java.util.Set;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.ConsentRules;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.domain.extract.Release;

/**
 * Everything of one participant's case as a screen shows it, read in one transaction, with what the
 * reading user may do with it; {@code followUps} are the follow-ups after discharge recorded so far,
 * {@code releases} the copies of the record released so far (for the enhetschef only, else empty).
 */
public record CaseFile(
        long participantId,
        CaseHistory history,
        Set<CaseStatus> nextMoves,
        List<Consent> consents,
        ConsentRules.Standing consent,
        List<PartnerInvolvement> partners,
        List<Goal> goals,
        boolean mayDecide,
        boolean mayWrite,
        List<DischargeFollowUp> followUps,
        List<Release> releases) {

    public CaseFile {
        releases = List.copyOf(releases);
    }
}
