package se.lotsbok.ui.participant;

import java.text.CollationKey;
import java.text.Collator;
import java.time.LocalDate;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ConsentRules;
import se.lotsbok.domain.participant.ParticipantSearch;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.participant.AgeBand;

/**
 * A line of the register list, with its search key and sort key computed once, where the case
 * stands, and the consent's standing when it needs attention (null otherwise).
 */
public record ParticipantRow(ParticipantSummary summary, String searchKey, CollationKey sortKey, int age,
        CaseStatus status, ConsentRules.Standing consentAlert) {

    static ParticipantRow of(ParticipantSummary s, Collator collator, LocalDate today, CaseStatus status,
            ConsentRules.Standing consentAlert) {
        return new ParticipantRow(s, ParticipantSearch.searchKey(s),
                collator.getCollationKey(s.lastName() + "\u0000" + s.firstName()),
                AgeBand.ageOn(s.birthDate(), today), status, consentAlert);
    }

    public long id() {
        return summary.id();
    }

    /** The identity number, or the birth date for someone without one. */
    public String identityText() {
        return summary.identity().map(Object::toString).orElse(summary.birthDate().toString());
    }
}
