package se.lotsbok.store.extract;

import static se.lotsbok.store.jooq.Tables.APP_USER;
import static se.lotsbok.store.jooq.Tables.EXTRACT_RELEASE;
import static se.lotsbok.store.jooq.Tables.EXTRACT_WITHHELD;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.extract.ExtractFormat;
import se.lotsbok.domain.extract.ExtractScope;
import se.lotsbok.domain.extract.Redaction;
import se.lotsbok.domain.extract.Release;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.store.access.AccessLogRepository;
import org.jooq.DSLContext;

/** The releases of participants' register extracts, with what each withheld. Rows are only added. */
public final class ExtractRepository {

    private final DSLContext tx;
    private final AccessLogRepository log;

    public ExtractRepository(DSLContext tx, AccessLogRepository log) {
        this.tx = tx;
        this.log = log;
    }

    /** Records a release and logs the extract for the participant (ids and counts only, never the recipient). */
    public Release record(Actor actor, long participantId, String recipient, boolean toSubject,
            Set<ExtractFormat> formats, ExtractScope scope, Redaction redaction, Instant now) {
        String formatList = EnumSet.copyOf(formats).stream().map(Enum::name).collect(Collectors.joining(","));
        long id = tx.insertInto(EXTRACT_RELEASE)
                .set(EXTRACT_RELEASE.PARTICIPANT_ID, participantId)
                .set(EXTRACT_RELEASE.RECIPIENT, recipient)
                .set(EXTRACT_RELEASE.TO_SUBJECT, toSubject)
                .set(EXTRACT_RELEASE.FORMATS, formatList)
                .set(EXTRACT_RELEASE.SCOPE, scope.name())
                .set(EXTRACT_RELEASE.RELEASED_AT, now.atOffset(ZoneOffset.UTC))
                .set(EXTRACT_RELEASE.RELEASED_BY, actor.userId())
                .returningResult(EXTRACT_RELEASE.ID)
                .fetchOne()
                .value1();
        for (Redaction.Omission o : redaction.omissions()) {
            tx.insertInto(EXTRACT_WITHHELD, EXTRACT_WITHHELD.RELEASE_ID, EXTRACT_WITHHELD.NOTE_ID,
                    EXTRACT_WITHHELD.GROUND).values(id, o.noteId(), o.ground()).execute();
        }
        for (Redaction.Mask m : redaction.masks()) {
            tx.insertInto(EXTRACT_WITHHELD, EXTRACT_WITHHELD.RELEASE_ID, EXTRACT_WITHHELD.NOTE_ID,
                    EXTRACT_WITHHELD.START_OFFSET, EXTRACT_WITHHELD.END_OFFSET, EXTRACT_WITHHELD.GROUND)
                    .values(id, m.noteId(), m.start(), m.end(), m.ground()).execute();
        }
        log.append(actor, AccessEvent.EXTRACT_MADE, participantId, "release=" + id + " " + scope.name() + " formats=" + formatList
                + (toSubject ? " to=subject" : " to=other") + " omitted=" + redaction.omissions().size()
                + " masked=" + redaction.masks().size());
        return new Release(id, participantId, recipient, toSubject, formats, scope, now, actor.username(),
                redaction);
    }

    /** The participant's releases, oldest first; the caller's own log row covers the reading. */
    public List<Release> releases(long participantId) {
        var rows = tx.select(EXTRACT_RELEASE.fields()).select(APP_USER.USERNAME)
                .from(EXTRACT_RELEASE).join(APP_USER).on(APP_USER.ID.eq(EXTRACT_RELEASE.RELEASED_BY))
                .where(EXTRACT_RELEASE.PARTICIPANT_ID.eq(participantId))
                .orderBy(EXTRACT_RELEASE.ID)
                .fetch();
        Map<Long, List<Redaction.Omission>> omissions = new HashMap<>();
        Map<Long, List<Redaction.Mask>> masks = new HashMap<>();
        tx.selectFrom(EXTRACT_WITHHELD)
                .where(EXTRACT_WITHHELD.RELEASE_ID.in(rows.map(r -> r.get(EXTRACT_RELEASE.ID))))
                .orderBy(EXTRACT_WITHHELD.ID)
                .forEach(w -> {
                    if (w.getStartOffset() == null) {
                        omissions.computeIfAbsent(w.getReleaseId(), k -> new ArrayList<>())
                                .add(new Redaction.Omission(w.getNoteId(), w.getGround()));
                    } else {
                        masks.computeIfAbsent(w.getReleaseId(), k -> new ArrayList<>()).add(new Redaction.Mask(
                                w.getNoteId(), w.getStartOffset(), w.getEndOffset(), w.getGround()));
                    }
                });
        return rows.map(r -> {
            long id = r.get(EXTRACT_RELEASE.ID);
            Set<ExtractFormat> formats = EnumSet.noneOf(ExtractFormat.class);
            Arrays.stream(r.get(EXTRACT_RELEASE.FORMATS).split(",")).map(ExtractFormat::valueOf).forEach(formats::add);
            return new Release(id, participantId, r.get(EXTRACT_RELEASE.RECIPIENT), r.get(EXTRACT_RELEASE.TO_SUBJECT),
                    formats, ExtractScope.valueOf(r.get(EXTRACT_RELEASE.SCOPE)), r.get(EXTRACT_RELEASE.RELEASED_AT).toInstant(),
                    r.get(APP_USER.USERNAME), new Redaction(omissions.getOrDefault(id, List.of()),
                            masks.getOrDefault(id, List.of())));
        });
    }
}
