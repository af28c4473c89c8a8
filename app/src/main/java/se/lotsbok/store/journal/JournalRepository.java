package se.lotsbok.store.journal;

import static se.lotsbok.store.jooq.Tables.APP_USER;
import static se.lotsbok.store.jooq.Tables.FOLLOW_UP;
import static se.lotsbok.store.jooq.Tables.JOURNAL_NOTE;
import static se.lotsbok.store.jooq.Tables.NOTE_DRAFT;
import static se.lotsbok.store.jooq.Tables.NOTE_PARTNER;
import static se.lotsbok.store.jooq.Tables.NOTE_WORD;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.journal.FollowUp;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.journal.NoteContent;
import se.lotsbok.domain.journal.NoteDraft;
import se.lotsbok.domain.journal.NoteRules;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.store.access.AccessLogRepository;
import se.lotsbok.store.jooq.tables.records.NoteDraftRecord;

/**
 * Meeting notes: drafts that are saved while written, notes that are written once when signed and
 * never changed (the database refuses it), their search index and their follow-ups.
 */
public final class JournalRepository {

    /** A follow-up to create with a note. */
    public record NewFollowUp(String what, String who, LocalDate due) {
    }

    private final DSLContext tx;
    private final AccessLogRepository log;

    public JournalRepository(DSLContext tx, AccessLogRepository log) {
        this.tx = tx;
        this.log = log;
    }

    // ---- signed notes

    /** The participant's notes, newest meeting first; the reading is logged. */
    public List<JournalNote> notes(Actor actor, long participantId) {
        List<JournalNote> notes = notesWhere(JOURNAL_NOTE.PARTICIPANT_ID.eq(participantId));
        log.append(actor, AccessEvent.NOTES_READ, participantId, "notes=" + notes.size());
        return notes;
    }

    /** Writes a signed note (and its search words and follow-ups) and removes its draft. */
    public JournalNote sign(Actor actor, long participantId, Long amends, NoteContent content,
            List<NewFollowUp> followUps, Instant now) {
        long id = tx.insertInto(JOURNAL_NOTE)
                .set(JOURNAL_NOTE.PARTICIPANT_ID, participantId)
                .set(JOURNAL_NOTE.MEETING_AT, content.meetingAt())
                .set(JOURNAL_NOTE.MEETING_TYPE, content.type().name())
                .set(JOURNAL_NOTE.ATTENDEES, content.attendees())
                .set(JOURNAL_NOTE.NOTE_TEXT, content.text())
                .set(JOURNAL_NOTE.SIGNED_AT, now.atOffset(ZoneOffset.UTC))
                .set(JOURNAL_NOTE.SIGNED_BY, actor.userId())
                .set(JOURNAL_NOTE.AMENDS, amends)
                .returningResult(JOURNAL_NOTE.ID)
                .fetchOne()
                .value1();
        for (Partner partner : content.partners()) {
            tx.insertInto(NOTE_PARTNER, NOTE_PARTNER.NOTE_ID, NOTE_PARTNER.PARTNER).values(id, partner.name()).execute();
        }
        index(id, participantId, content);
        for (NewFollowUp f : followUps) {
            tx.insertInto(FOLLOW_UP)
                    .set(FOLLOW_UP.NOTE_ID, id)
                    .set(FOLLOW_UP.PARTICIPANT_ID, participantId)
                    .set(FOLLOW_UP.WHAT, f.what())
                    .set(FOLLOW_UP.WHO, f.who())
                    .set(FOLLOW_UP.DUE_DATE, f.due())
                    .execute();
        }
        deleteDraft(actor, participantId, amends);
        log.append(actor, AccessEvent.NOTE_SIGNED, participantId, amends == null ? "note=" + id : "note=" + id
                + " amends=" + amends);
        return notesWhere(JOURNAL_NOTE.ID.eq(id)).getFirst();
    }

    /** A note signed elsewhere, carried into the journal as it was (author and time kept). */
    public record ImportedNote(long participantId, NoteContent content, Instant signedAt, long signedBy) {
    }

    /**
     * Carries notes signed elsewhere into the journal in one batch, each with its words indexed, and
     * logs the import once. The notes are as locked as any other.
     */
    public int importSigned(Actor actor, List<ImportedNote> notes) {
        if (notes.isEmpty()) {
            return 0;
        }
        // Notes in slices (their ids come back from each multi-row insert), words as one JDBC batch.
        var words = tx.batch(tx.insertInto(NOTE_WORD, NOTE_WORD.WORD, NOTE_WORD.NEG_NOTE_ID, NOTE_WORD.PARTICIPANT_ID)
                .values((String) null, null, null));
        int slice = 500;
        for (int from = 0; from < notes.size(); from += slice) {
            List<ImportedNote> part = notes.subList(from, Math.min(notes.size(), from + slice));
            var values = tx.insertInto(JOURNAL_NOTE, JOURNAL_NOTE.PARTICIPANT_ID, JOURNAL_NOTE.MEETING_AT,
                    JOURNAL_NOTE.MEETING_TYPE, JOURNAL_NOTE.ATTENDEES, JOURNAL_NOTE.NOTE_TEXT, JOURNAL_NOTE.SIGNED_AT,
                    JOURNAL_NOTE.SIGNED_BY);
            for (ImportedNote n : part) {
                values = values.values(n.participantId(), n.content().meetingAt(), n.content().type().name(),
                        n.content().attendees(), n.content().text(), n.signedAt().atOffset(ZoneOffset.UTC), n.signedBy());
            }
            List<Long> ids = values.returningResult(JOURNAL_NOTE.ID).fetch(r -> r.value1());
            for (int i = 0; i < ids.size(); i++) {
                ImportedNote n = part.get(i);
                for (String word : NoteRules.words(n.content().text() + " " + n.content().attendees())) {
                    words = words.bind(word, -ids.get(i), n.participantId());
                }
            }
        }
        words.execute();
        log.append(actor, AccessEvent.IMPORT, null, "notes=" + notes.size());
        return notes.size();
    }

    /** Writes the note's words into the search index. */
    private void index(long noteId, long participantId, NoteContent content) {
        var insert = tx.insertInto(NOTE_WORD, NOTE_WORD.WORD, NOTE_WORD.NEG_NOTE_ID, NOTE_WORD.PARTICIPANT_ID);
        Set<String> words = NoteRules.words(content.text() + " " + content.attendees());
        if (words.isEmpty()) {
            return;
        }
        var values = insert.values(words.iterator().next(), -noteId, participantId);
        boolean first = true;
        for (String word : words) {
            if (!first) {
                values = values.values(word, -noteId, participantId);
            }
            first = false;
        }
        values.execute();
    }

    /**
     * The newest notes containing every word of {@code words} (folded), within one participant or
     * across the register, at most {@code limit}. Logged as a result list, without the search words.
     */
    public List<JournalNote> search(Actor actor, List<String> words, Long participantId, int limit) {
        if (words.isEmpty()) {
            return List.of();
        }
        var first = NOTE_WORD.as("W0");
        Condition condition = first.WORD.eq(words.getFirst());
        if (participantId != null) {
            condition = condition.and(first.PARTICIPANT_ID.eq(participantId));
        }
        for (int i = 1; i < words.size(); i++) {
            var other = NOTE_WORD.as("W" + i);
            condition = condition.andExists(DSL.selectOne().from(other)
                    .where(other.WORD.eq(words.get(i)).and(other.NEG_NOTE_ID.eq(first.NEG_NOTE_ID))));
        }
        List<Long> ids = tx.select(first.NEG_NOTE_ID).from(first).where(condition)
                .orderBy(first.NEG_NOTE_ID).limit(limit)
                .fetch(r -> -r.value1());
        List<JournalNote> notes = ids.isEmpty() ? List.of() : notesWhere(JOURNAL_NOTE.ID.in(ids)).stream()
                .sorted((a, b) -> Long.compare(b.id(), a.id()))
                .toList();
        // One row per participant whose notes (and name) the result shows; never the search words.
        Map<Long, Long> shown = notes.stream().collect(Collectors.groupingBy(JournalNote::participantId,
                java.util.TreeMap::new, Collectors.counting()));
        if (shown.isEmpty()) {
            log.append(actor, AccessEvent.NOTE_SEARCH, participantId, "rows=0");
        }
        shown.forEach((participant, rows) -> log.append(actor, AccessEvent.NOTE_SEARCH, participant, "rows=" + rows));
        return notes;
    }

    /** How many notes of each meeting type have a meeting in [{@code from}, {@code until}), per participant. */
    public List<Record> meetingsBetween(LocalDate from, LocalDate until) {
        return new ArrayList<>(tx.select(JOURNAL_NOTE.PARTICIPANT_ID, JOURNAL_NOTE.MEETING_TYPE)
                .from(JOURNAL_NOTE)
                .where(JOURNAL_NOTE.MEETING_AT.ge(from.atStartOfDay()).and(JOURNAL_NOTE.MEETING_AT.lt(until.atStartOfDay()))
                        .and(JOURNAL_NOTE.AMENDS.isNull()))
                .fetch());
    }

    // ---- drafts

    public Optional<NoteDraft> draft(Actor actor, long participantId, Long amends) {
        return tx.selectFrom(NOTE_DRAFT)
                .where(NOTE_DRAFT.PARTICIPANT_ID.eq(participantId).and(NOTE_DRAFT.AUTHOR_ID.eq(actor.userId()))
                        .and(NOTE_DRAFT.AMENDS.eq(amends == null ? 0L : amends)))
                .fetchOptional()
                .map(JournalRepository::toDraft);
    }

    /** The user's unsigned drafts, any participant. */
    public List<NoteDraft> drafts(Actor actor) {
        return tx.selectFrom(NOTE_DRAFT).where(NOTE_DRAFT.AUTHOR_ID.eq(actor.userId()))
                .orderBy(NOTE_DRAFT.SAVED_AT.desc()).fetch(JournalRepository::toDraft);
    }

    public void saveDraft(Actor actor, long participantId, Long amends, NoteContent content, Instant now) {
        boolean exists = draft(actor, participantId, amends).isPresent();
        NoteDraftRecord record = tx.newRecord(NOTE_DRAFT);
        record.setParticipantId(participantId);
        record.setAuthorId(actor.userId());
        record.setAmends(amends == null ? 0L : amends);
        record.setMeetingAt(content.meetingAt());
        record.setMeetingType(content.type() == null ? null : content.type().name());
        record.setPartners(content.partners().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        record.setAttendees(content.attendees());
        record.setNoteText(content.text());
        record.setSavedAt(now.atOffset(ZoneOffset.UTC));
        if (exists) {
            record.changed(NOTE_DRAFT.PARTICIPANT_ID, false);
            record.changed(NOTE_DRAFT.AUTHOR_ID, false);
            record.changed(NOTE_DRAFT.AMENDS, false);
            tx.update(NOTE_DRAFT).set(record)
                    .where(NOTE_DRAFT.PARTICIPANT_ID.eq(participantId).and(NOTE_DRAFT.AUTHOR_ID.eq(actor.userId()))
                            .and(NOTE_DRAFT.AMENDS.eq(amends == null ? 0L : amends)))
                    .execute();
        } else {
            record.insert();
            // Logged once when a draft is started; autosaves of the author's own draft are not.
            log.append(actor, AccessEvent.NOTE_DRAFT_STARTED, participantId, amends == null ? "" : "amends=" + amends);
        }
    }

    public void discardDraft(Actor actor, long participantId, Long amends) {
        if (deleteDraft(actor, participantId, amends) > 0) {
            log.append(actor, AccessEvent.NOTE_DRAFT_DISCARDED, participantId, "");
        }
    }

    private int deleteDraft(Actor actor, long participantId, Long amends) {
        return tx.deleteFrom(NOTE_DRAFT)
                .where(NOTE_DRAFT.PARTICIPANT_ID.eq(participantId).and(NOTE_DRAFT.AUTHOR_ID.eq(actor.userId()))
                        .and(NOTE_DRAFT.AMENDS.eq(amends == null ? 0L : amends)))
                .execute();
    }

    // ---- follow-ups

    public List<FollowUp> followUps(long participantId) {
        return tx.selectFrom(FOLLOW_UP).where(FOLLOW_UP.PARTICIPANT_ID.eq(participantId))
                .orderBy(FOLLOW_UP.DUE_DATE, FOLLOW_UP.ID)
                .fetch(r -> new FollowUp(r.getId(), r.getNoteId(), r.getParticipantId(), r.getWhat(), r.getWho(),
                        r.getDueDate(), r.getDoneDate()));
    }

    /** Open follow-ups of the given participants (all when {@code participants} is null). */
    public List<FollowUp> openFollowUps(Collection<Long> participants) {
        Condition condition = FOLLOW_UP.DONE_DATE.isNull();
        if (participants != null) {
            condition = condition.and(FOLLOW_UP.PARTICIPANT_ID.in(participants));
        }
        return tx.selectFrom(FOLLOW_UP).where(condition).orderBy(FOLLOW_UP.DUE_DATE, FOLLOW_UP.ID)
                .fetch(r -> new FollowUp(r.getId(), r.getNoteId(), r.getParticipantId(), r.getWhat(), r.getWho(),
                        r.getDueDate(), r.getDoneDate()));
    }

    /** The participant whose follow-up {@code followUpId} is, if there is one. */
    public Optional<Long> followUpParticipant(long followUpId) {
        return tx.select(FOLLOW_UP.PARTICIPANT_ID).from(FOLLOW_UP).where(FOLLOW_UP.ID.eq(followUpId))
                .fetchOptional(FOLLOW_UP.PARTICIPANT_ID);
    }

    public void markDone(Actor actor, long followUpId, LocalDate date) {
        var row = tx.selectFrom(FOLLOW_UP).where(FOLLOW_UP.ID.eq(followUpId)).fetchOne();
        tx.update(FOLLOW_UP).set(FOLLOW_UP.DONE_DATE, date).set(FOLLOW_UP.DONE_BY, actor.userId())
                .where(FOLLOW_UP.ID.eq(followUpId)).execute();
        log.append(actor, AccessEvent.FOLLOW_UP_DONE, row.getParticipantId(), "follow-up=" + followUpId);
    }

    private List<JournalNote> notesWhere(Condition condition) {
        var rows = tx.select(JOURNAL_NOTE.fields()).select(APP_USER.USERNAME)
                .from(JOURNAL_NOTE).join(APP_USER).on(APP_USER.ID.eq(JOURNAL_NOTE.SIGNED_BY))
                .where(condition)
                .orderBy(JOURNAL_NOTE.MEETING_AT.desc(), JOURNAL_NOTE.ID.desc())
                .fetch();
        List<Long> ids = rows.map(r -> r.get(JOURNAL_NOTE.ID));
        Map<Long, Set<Partner>> partners = ids.isEmpty() ? Map.of() : tx.selectFrom(NOTE_PARTNER)
                .where(NOTE_PARTNER.NOTE_ID.in(ids)).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getNoteId(), Collectors.mapping(r -> Partner.valueOf(r.getPartner()),
                        Collectors.toCollection(() -> EnumSet.noneOf(Partner.class)))));
        return rows.map(r -> new JournalNote(r.get(JOURNAL_NOTE.ID), r.get(JOURNAL_NOTE.PARTICIPANT_ID),
                new NoteContent(r.get(JOURNAL_NOTE.MEETING_AT), MeetingType.valueOf(r.get(JOURNAL_NOTE.MEETING_TYPE)),
                        partners.getOrDefault(r.get(JOURNAL_NOTE.ID), Set.of()), r.get(JOURNAL_NOTE.ATTENDEES),
                        r.get(JOURNAL_NOTE.NOTE_TEXT)),
                r.get(JOURNAL_NOTE.SIGNED_AT).toInstant(), r.get(JOURNAL_NOTE.SIGNED_BY), r.get(APP_USER.USERNAME),
                r.get(JOURNAL_NOTE.AMENDS)));
    }

    private static NoteDraft toDraft(NoteDraftRecord r) {
        Set<Partner> partners = r.getPartners().isEmpty() ? Set.of() : Arrays.stream(r.getPartners().split(","))
                .map(Partner::valueOf).collect(Collectors.toSet());
        LocalDateTime when = r.getMeetingAt();
        return new NoteDraft(r.getParticipantId(), r.getAuthorId(), r.getAmends() == 0 ? null : r.getAmends(),
                new NoteContent(when, r.getMeetingType() == null ? null : MeetingType.valueOf(r.getMeetingType()),
                        partners, r.getAttendees(), r.getNoteText()),
                r.getSavedAt().toInstant());
    }
}
