package se.lotsbok.service.extract;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.domain.extract.AccessKind;
import se.lotsbok.domain.extract.Redaction;
import se.lotsbok.domain.extract.Release;
import se.lotsbok.domain.journal.FollowUp;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.participant.ParticipantData;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.journal.NoteService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The register extract as JSON, for a person who asks for it electronically: the same content as the
 * PDF, coded values by their names, as described by {@code register-extract.schema.json}. A note
 * left out keeps only its dates and the ground; a masked passage is a piece of its own with the ground.
 */
public final class ExtractJsonWriter {

    /** Names the JSON documents this writer produces; bumped when their shape changes. */
    public static final String FORMAT = "lotsbok-register-extract/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExtractJsonWriter() {
    }

    /** Writes the extract as released to {@code out}, which is left open. */
    public static void write(RegisterExtract extract, Release release, boolean staffAsRoles, Texts texts,
            OutputStream out) {
        Staff staff = new Staff(extract, staffAsRoles, texts);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("unit", extract.unitName());
        root.put("generatedAt", release.releasedAt().toString());
        ObjectNode r = root.putObject("release");
        r.put("id", release.id());
        r.put("toSubject", release.toSubject());
        r.put("recipient", release.recipient());
        r.put("scope", release.scope().name());
        r.put("releasedBy", staff.name(release.releasedBy()));
        ObjectNode person = root.putObject("person");
        ParticipantData p = extract.participant().data();
        person.put("firstName", p.firstName());
        person.put("lastName", p.lastName());
        if (p.identityNumber() == null) {
            person.putNull("identityNumber");
        } else {
            person.put("identityNumber", p.identityNumber().formatted());
        }
        person.put("birthDate", p.birthDate().toString());
        if (release.scope().record()) {
            person.put("gender", p.gender().name());
            person.put("programme", p.programme().name());
            person.put("phone", p.phone());
            person.put("address", p.address());
            person.put("comment", p.comment());
            root.put("purposes", extract.purposes().isBlank() ? texts.get("extract.purposes.default") : extract.purposes());
            record(root, extract, release.redaction(), staff);
        }
        if (release.scope().accessLog()) {
            ArrayNode log = root.putArray("accessLog");
            for (AccessLogEntry e : extract.accessLog()) {
                ObjectNode row = log.addObject();
                row.put("at", e.at().toString());
                row.put("who", staff.name(e.username()));
                row.put("kind", AccessKind.of(e.event()).name());
                row.put("event", e.event().name());
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }

    private static void record(ObjectNode root, RegisterExtract extract, Redaction redaction, Staff staff) {
        ArrayNode path = root.putArray("casePath");
        for (CaseEvent e : extract.history().all()) {
            ObjectNode row = path.addObject();
            row.put("id", e.id());
            row.put("date", e.date().toString());
            row.put("status", e.status() == null ? null : e.status().name());
            row.put("source", name(e.source()));
            row.put("dischargeReason", name(e.dischargeReason()));
            row.put("closureReason", name(e.closureReason()));
            if (e.situation() == null) {
                row.putNull("situation");
            } else {
                row.putObject("situation")
                        .put("occupation", e.situation().occupation().name())
                        .put("housing", e.situation().housing().name())
                        .put("substanceUse", e.situation().substanceUse().name());
            }
            if (e.annuls() == null) {
                row.putNull("annuls");
            } else {
                row.put("annuls", e.annuls().longValue());
            }
            row.put("annulled", extract.history().isAnnulled(e.id()));
            row.put("note", e.note());
            recorded(row, e.recordedAt(), e.recordedBy(), staff);
        }
        ArrayNode consents = root.putArray("consents");
        for (Consent c : extract.consents()) {
            ObjectNode row = consents.addObject();
            row.put("given", c.given().toString());
            date(row, "validUntil", c.validUntil());
            date(row, "withdrawn", c.withdrawn());
            names(row.putArray("partners"), c.partners());
            ArrayNode guardians = row.putArray("guardians");
            for (Consent.GuardianConsent g : c.guardians()) {
                guardians.addObject().put("name", g.name()).put("given", g.given().toString());
            }
            recorded(row, c.recordedAt(), c.recordedBy(), staff);
        }
        ArrayNode navigators = root.putArray("navigators");
        for (RegisterExtract.NavigatorPeriod n : extract.navigators()) {
            ObjectNode row = navigators.addObject();
            row.put("from", n.from().toString());
            row.put("navigator", n.navigator());
            recorded(row, n.recordedAt(), n.recordedBy(), staff);
        }
        ArrayNode partners = root.putArray("partners");
        for (PartnerInvolvement p : extract.partners()) {
            ObjectNode row = partners.addObject();
            row.put("partner", p.partner().name());
            row.put("from", p.from().toString());
            date(row, "to", p.to());
        }
        ArrayNode plan = root.putArray("actionPlan");
        for (Goal g : extract.goals()) {
            ObjectNode row = plan.addObject();
            row.put("area", g.area().name());
            row.put("description", g.description());
            row.put("responsible", g.responsible().name());
            row.put("followUp", g.followUp().toString());
            ArrayNode history = row.putArray("statusHistory");
            for (Goal.StatusChange s : g.history()) {
                ObjectNode change = history.addObject();
                change.put("status", s.status().name());
                change.put("date", s.date().toString());
                recorded(change, s.recordedAt(), s.recordedBy(), staff);
            }
        }
        ArrayNode notes = root.putArray("notes");
        for (NoteService.Entry entry : extract.journal()) {
            ObjectNode row = note(notes.addObject(), entry.note(), redaction, staff);
            ArrayNode corrections = row.putArray("corrections");
            for (JournalNote amendment : entry.amendments()) {
                note(corrections.addObject(), amendment, redaction, staff);
            }
        }
        ArrayNode followUps = root.putArray("followUps");
        for (FollowUp f : extract.followUps()) {
            if (redaction.omission(f.noteId()).isPresent()) {
                continue;
            }
            ObjectNode row = followUps.addObject();
            row.put("noteId", f.noteId());
            row.put("what", f.what());
            row.put("who", f.who());
            row.put("due", f.due().toString());
            date(row, "done", f.done());
        }
        ArrayNode releases = root.putArray("earlierReleases");
        for (Release r : extract.releases()) {
            ObjectNode row = releases.addObject();
            row.put("id", r.id());
            row.put("releasedAt", r.releasedAt().toString());
            row.put("releasedBy", staff.name(r.releasedBy()));
            row.put("toSubject", r.toSubject());
            row.put("recipient", r.recipient());
            row.put("scope", r.scope().name());
            row.put("notesLeftOut", r.redaction().omissions().size());
            row.put("passagesMasked", r.redaction().masks().size());
        }
    }

    private static ObjectNode note(ObjectNode row, JournalNote note, Redaction redaction, Staff staff) {
        row.put("id", note.id());
        if (note.amends() == null) {
            row.putNull("corrects");
        } else {
            row.put("corrects", note.amends().longValue());
        }
        row.put("meetingAt", minutes(note.content().meetingAt()));
        recorded(row, "signedAt", "signedBy", note.signedAt(), note.signedBy(), staff);
        Optional<Redaction.Omission> omitted = redaction.omission(note.id());
        if (omitted.isPresent()) {
            row.putObject("leftOut").put("ground", omitted.get().ground());
            return row;
        }
        row.putNull("leftOut");
        row.put("type", note.content().type().name());
        names(row.putArray("partners"), note.content().partners());
        row.put("attendees", note.content().attendees());
        ArrayNode text = row.putArray("text");
        for (Redaction.Segment segment : redaction.segments(note)) {
            switch (segment) {
                case Redaction.Shown shown -> text.addObject().put("shown", shown.text());
                case Redaction.Masked masked -> text.addObject().put("maskedOnGround", masked.ground());
            }
        }
        return row;
    }

    private static void recorded(ObjectNode row, Instant at, String by, Staff staff) {
        recorded(row, "recordedAt", "recordedBy", at, by, staff);
    }

    private static void recorded(ObjectNode row, String atName, String byName, Instant at, String by, Staff staff) {
        row.put(atName, at.toString());
        row.put(byName, staff.name(by));
    }

    private static void names(ArrayNode array, Collection<? extends Enum<?>> values) {
        values.stream().sorted().forEach(v -> array.add(v.name()));
    }

    private static void date(ObjectNode row, String name, LocalDate date) {
        if (date == null) {
            row.putNull(name);
        } else {
            row.put(name, date.toString());
        }
    }

    private static String minutes(LocalDateTime at) {
        return at.withSecond(0).withNano(0).toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
