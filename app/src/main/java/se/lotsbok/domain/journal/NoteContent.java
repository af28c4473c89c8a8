package se.lotsbok.domain.journal;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import se.lotsbok.domain.casepath.Partner;

/**
 * What a note says: when the meeting was, what kind, who took part (partners and free text) and
 * the text. The same content is kept in a draft while it is written and in the note once signed.
 */
public record NoteContent(LocalDateTime meetingAt, MeetingType type, Set<Partner> partners, String attendees,
        String text) {

    public NoteContent {
        partners = partners == null || partners.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(partners));
        attendees = attendees == null ? "" : attendees;
        text = text == null ? "" : text;
    }

    public static NoteContent empty(LocalDateTime now) {
        return new NoteContent(now, MeetingType.INDIVIDUAL, Set.of(), "", "");
    }

    public boolean sameAs(NoteContent other) {
        return Objects.equals(this, other);
    }
}
