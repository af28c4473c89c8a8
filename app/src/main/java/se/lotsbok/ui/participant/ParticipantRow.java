package se.lotsbok.ui.participant;

import java.text.CollationKey;
import java.time.LocalDate;
import se.lotsbok.domain.participant.ParticipantSearch;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.settings.AgeBand;

/** A line of the register list, with its search key and sort key computed once. */
public record ParticipantRow(ParticipantSummary summary, String searchKey, CollationKey sortKey, int age) {

    static ParticipantRow of(ParticipantSummary s, java.text.Collator collator, LocalDate today) {
        return new ParticipantRow(s, ParticipantSearch.searchKey(s),
                collator.getCollationKey(s.lastName() + "\u0000" + s.firstName()),
                AgeBand.ageOn(s.birthDate(), today));
    }

    public long id() {
        return summary.id();
    }

    /** The identity number, or the birth date for someone without one. */
    public String identityText() {
        return summary.identity().map(Object::toString).orElse(summary.birthDate().toString());
    }
}
