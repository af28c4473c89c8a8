package se.lotsbok.service.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
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
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.extract.PdfLayout.Run;
import se.lotsbok.service.extract.PdfLayout.Style;
import se.lotsbok.service.journal.NoteService;

/**
 * The register extract as an A4 PDF: the person's details, the case path, consents and guardians,
 * navigators over time, partners, the action plan with every status change, every signed note with
 * its corrections right after it, follow-ups, earlier releases and the unit's purposes and
 * recipients; and, when chosen, who has looked at the person's data. Each page carries the unit's
 * name, the date and its number. Where the secrecy review withheld something, the page says so
 * and on which ground; a note left out takes its follow-ups with it.
 */
public final class ExtractPdfWriter {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final float INDENT = 14;

    private final RegisterExtract extract;
    private final Release release;
    private final Texts texts;
    private final Staff staff;
    private final boolean staffAsRoles;
    private final ZoneId zone;
    private final PdfLayout pdf;

    private ExtractPdfWriter(RegisterExtract extract, Release release, boolean staffAsRoles, Texts texts,
            PdfLayout pdf) {
        this.extract = extract;
        this.release = release;
        this.texts = texts;
        this.staff = new Staff(extract, staffAsRoles, texts);
        this.staffAsRoles = staffAsRoles;
        this.zone = extract.zone();
        this.pdf = pdf;
    }

    /** Writes the extract as released to {@code out}, which is left open. */
    public static void write(RegisterExtract extract, Release release, boolean staffAsRoles, Texts texts,
            OutputStream out) {
        try (PdfLayout pdf = new PdfLayout()) {
            new ExtractPdfWriter(extract, release, staffAsRoles, texts, pdf).write();
            pdf.document().save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write() {
        ParticipantData person = extract.participant().data();
        String title = texts.get(release.scope().record() ? "extract.pdf.title" : "extract.pdf.accessTitle");
        info(title + " – " + person.fullName());
        pdf.paragraph(List.of(new Run(title, Style.BOLD)), 0, 18);
        pdf.gap(4);
        pdf.field(texts.get("extract.pdf.person"), person.fullName() + identity(person));
        pdf.field(texts.get("extract.pdf.unit"), unit());
        pdf.field(texts.get("extract.pdf.madeAt"), minute(release.releasedAt()) + ", "
                + texts.format("extract.pdf.madeBy", staff.name(release.releasedBy())));
        pdf.field(texts.get("extract.pdf.recipient"), release.toSubject()
                ? texts.get("extract.pdf.toSubject") : release.recipient());
        if (release.scope().record() && !release.redaction().isEmpty()) {
            pdf.gap(4);
            pdf.paragraph(List.of(new Run(texts.format("extract.pdf.reviewed", release.redaction().omissions().size(),
                    release.redaction().masks().size()), Style.WITHHELD)), 0, PdfLayout.BODY);
        }
        pdf.gap(4);
        pdf.muted(texts.get("extract.pdf.personalData"), 0);

        if (release.scope().record()) {
            record(person);
        }
        if (release.scope().accessLog()) {
            if (release.scope().record()) {
                pdf.newPage();
            }
            accessLog();
        }
        pdf.finish(unit() + " · " + title + " · " + person.fullName(), extract.date().toString(),
                texts.get("extract.pdf.footer"), (page, of) -> texts.format("extract.pdf.page", page, of));
    }

    private void record(ParticipantData person) {
        pdf.heading(texts.get("extract.pdf.details"));
        pdf.field(texts.get("participant.field.firstName"), person.firstName());
        pdf.field(texts.get("participant.field.lastName"), person.lastName());
        pdf.field(texts.get("participant.field.identityNumber"), person.identityNumber() == null
                ? texts.get("extract.pdf.noIdentityNumber") : person.identityNumber().formatted());
        pdf.field(texts.get("participant.field.birthDate"), person.birthDate().toString());
        pdf.field(texts.get("participant.field.gender"), texts.get("gender." + person.gender().name()));
        pdf.field(texts.get("participant.field.programme"), texts.get("programme." + person.programme().name()));
        pdf.field(texts.get("participant.field.phone"), orNone(person.phone()));
        pdf.field(texts.get("participant.field.address"), orNone(person.address()));
        pdf.field(texts.get("participant.field.comment"), orNone(person.comment()));

        pdf.heading(texts.get("extract.pdf.casePath"));
        if (extract.history().all().isEmpty()) {
            pdf.text(texts.get("extract.pdf.none"));
        }
        for (CaseEvent e : extract.history().all()) {
            casePathRow(e);
        }

        pdf.heading(texts.get("extract.pdf.consents"));
        if (extract.consents().isEmpty()) {
            pdf.text(texts.get("extract.pdf.none"));
        }
        for (Consent c : extract.consents()) {
            consent(c);
        }

        pdf.heading(texts.get("extract.pdf.navigators"));
        if (extract.navigators().isEmpty()) {
            pdf.text(texts.get("extract.pdf.none"));
        }
        for (RegisterExtract.NavigatorPeriod n : extract.navigators()) {
            pdf.paragraph(List.of(new Run(texts.format("extract.pdf.from", n.from().toString()) + ": ", Style.BOLD),
                    Run.of(n.navigator() == null ? texts.get("extract.pdf.noNavigator") : n.navigator()),
                    new Run("  " + recorded(n.recordedAt(), n.recordedBy()), Style.MUTED)), 0, PdfLayout.BODY);
        }

        pdf.heading(texts.get("extract.pdf.partners"));
        if (extract.partners().isEmpty()) {
            pdf.text(texts.get("extract.pdf.none"));
        }
        for (PartnerInvolvement p : extract.partners()) {
            pdf.paragraph(List.of(new Run(Messages.label(texts, p.partner()) + ": ", Style.BOLD),
                    Run.of(p.from() + " – " + (p.to() == null ? texts.get("partner.ongoing") : p.to().toString()))),
                    0, PdfLayout.BODY);
        }

        pdf.heading(texts.get("extract.pdf.plan"));
        if (extract.goals().isEmpty()) {
            pdf.text(texts.get("extract.pdf.none"));
        }
        for (Goal g : extract.goals()) {
            goal(g);
        }

        pdf.heading(texts.get("extract.pdf.notes"));
        if (extract.journal().isEmpty()) {
            pdf.text(texts.get("extract.pdf.none"));
        }
        for (NoteService.Entry entry : extract.journal()) {
            note(entry.note(), 0);
            for (JournalNote amendment : entry.amendments()) {
                note(amendment, INDENT);
            }
            pdf.rule();
        }

        pdf.heading(texts.get("extract.pdf.followUps"));
        if (extract.followUps().isEmpty()) {
            pdf.text(texts.get("extract.pdf.none"));
        }
        for (FollowUp f : extract.followUps()) {
            if (release.redaction().omission(f.noteId()).isPresent()) {
                continue;
            }
            pdf.paragraph(List.of(new Run(texts.format("extract.pdf.due", f.due().toString()) + ": ", Style.BOLD),
                    Run.of(f.what() + (f.who().isBlank() ? "" : " (" + f.who() + ")")),
                    new Run("  " + (f.done() == null ? texts.get("extract.pdf.open")
                            : texts.format("extract.pdf.done", f.done().toString())), Style.MUTED)),
                    0, PdfLayout.BODY);
        }

        pdf.heading(texts.get("extract.pdf.releases"));
        if (extract.releases().isEmpty()) {
            pdf.text(texts.get("extract.pdf.none"));
        }
        for (Release r : extract.releases()) {
            pdf.paragraph(List.of(new Run(minute(r.releasedAt()) + ": ", Style.BOLD),
                    Run.of(texts.format("extract.pdf.releaseLine", r.toSubject() ? texts.get("extract.pdf.toSubject")
                            : r.recipient(), texts.get("extract.scope." + r.scope().name()),
                            r.redaction().omissions().size(), r.redaction().masks().size())),
                    new Run("  " + staff.name(r.releasedBy()), Style.MUTED)), 0, PdfLayout.BODY);
        }

        pdf.heading(texts.get("extract.pdf.purposes"));
        pdf.text(extract.purposes().isBlank() ? texts.get("extract.purposes.default") : extract.purposes());
    }

    private void casePathRow(CaseEvent e) {
        List<Run> runs = new ArrayList<>();
        runs.add(new Run(e.date() + "  ", Style.BOLD));
        if (e.isAnnulment()) {
            Optional<CaseEvent> annulled = extract.history().all().stream().filter(x -> x.id() == e.annuls()).findFirst();
            runs.add(Run.of(texts.format("extract.pdf.annulment", annulled.map(a -> a.date() + " "
                    + Messages.label(texts, a.status())).orElse(""))));
        } else {
            runs.add(new Run(Messages.label(texts, e.status()), Style.BOLD));
            List<String> details = new ArrayList<>();
            if (e.source() != null) {
                details.add(texts.get("extract.pdf.source") + " " + Messages.label(texts, e.source()));
            }
            if (e.dischargeReason() != null) {
                details.add(texts.get("extract.pdf.reason") + " " + Messages.label(texts, e.dischargeReason()));
            }
            if (e.closureReason() != null) {
                details.add(texts.get("extract.pdf.reason") + " " + Messages.label(texts, e.closureReason()));
            }
            if (e.situation() != null) {
                details.add(Messages.label(texts, e.situation().occupation()) + ", "
                        + Messages.label(texts, e.situation().housing()) + ", "
                        + texts.get("extract.pdf.substanceUse") + " " + Messages.label(texts, e.situation().substanceUse()));
            }
            if (!details.isEmpty()) {
                runs.add(Run.of(" (" + String.join("; ", details) + ")"));
            }
            if (extract.history().isAnnulled(e.id())) {
                runs.add(new Run("  " + texts.get("extract.pdf.annulled"), Style.MUTED));
            }
        }
        pdf.paragraph(runs, 0, PdfLayout.BODY);
        if (!e.note().isBlank()) {
            pdf.paragraph(List.of(Run.of(e.note())), INDENT, PdfLayout.BODY);
        }
        pdf.muted(recorded(e.recordedAt(), e.recordedBy()), INDENT);
    }

    private void consent(Consent c) {
        pdf.paragraph(List.of(new Run(texts.format("extract.pdf.consentGiven", c.given().toString()), Style.BOLD),
                Run.of(c.validUntil() == null ? "" : ", " + texts.format("extract.pdf.consentUntil", c.validUntil().toString())),
                Run.of(c.withdrawn() == null ? "" : ", " + texts.format("extract.pdf.consentWithdrawn", c.withdrawn().toString()))),
                0, PdfLayout.BODY);
        pdf.paragraph(List.of(Run.of(texts.get("extract.pdf.consentPartners") + " " + c.partners().stream().sorted()
                .map(p -> Messages.label(texts, p)).collect(Collectors.joining(", ")))), INDENT, PdfLayout.BODY);
        for (Consent.GuardianConsent g : c.guardians()) {
            pdf.paragraph(List.of(Run.of(texts.format("extract.pdf.guardian", g.name(), g.given().toString()))),
                    INDENT, PdfLayout.BODY);
        }
        pdf.muted(recorded(c.recordedAt(), c.recordedBy()), INDENT);
    }

    private void goal(Goal g) {
        pdf.paragraph(List.of(new Run(Messages.label(texts, g.area()) + ": ", Style.BOLD), Run.of(g.description())),
                0, PdfLayout.BODY);
        pdf.paragraph(List.of(Run.of(texts.format("extract.pdf.goalLine", Messages.label(texts, g.responsible()),
                g.followUp().toString()))), INDENT, PdfLayout.BODY);
        for (Goal.StatusChange s : g.history()) {
            pdf.paragraph(List.of(Run.of(s.date() + "  " + Messages.label(texts, s.status())),
                    new Run("  " + recorded(s.recordedAt(), s.recordedBy()), Style.MUTED)), INDENT, PdfLayout.BODY);
        }
        pdf.gap(3);
    }

    private void note(JournalNote note, float indent) {
        String heading = (note.isAmendment() ? texts.get("extract.pdf.correction") + " " : "")
                + note.content().meetingAt().format(MINUTE);
        Optional<Redaction.Omission> omitted = release.redaction().omission(note.id());
        if (omitted.isPresent()) {
            pdf.subheading(heading, indent);
            pdf.paragraph(List.of(new Run(texts.format("extract.pdf.leftOut", omitted.get().ground()), Style.WITHHELD)),
                    indent, PdfLayout.BODY);
            pdf.muted(texts.format("extract.pdf.signed", minute(note.signedAt()), staff.name(note.signedBy())), indent);
            return;
        }
        pdf.subheading(heading + " · " + Messages.label(texts, note.content().type()), indent);
        if (!note.content().partners().isEmpty() || !note.content().attendees().isBlank()) {
            String partners = note.content().partners().stream().sorted().map(p -> Messages.label(texts, p))
                    .collect(Collectors.joining(", "));
            String attendees = note.content().attendees().isBlank() ? partners
                    : partners.isEmpty() ? note.content().attendees() : partners + "; " + note.content().attendees();
            pdf.paragraph(List.of(new Run(texts.get("extract.pdf.attendees") + " ", Style.BOLD), Run.of(attendees)),
                    indent, PdfLayout.BODY);
        }
        List<Run> runs = new ArrayList<>();
        for (Redaction.Segment segment : release.redaction().segments(note)) {
            switch (segment) {
                case Redaction.Shown shown -> runs.add(Run.of(shown.text()));
                case Redaction.Masked masked -> runs.add(new Run(texts.format("extract.pdf.masked", masked.ground()),
                        Style.WITHHELD));
            }
        }
        pdf.paragraph(runs, indent, PdfLayout.BODY);
        pdf.muted(texts.format("extract.pdf.signed", minute(note.signedAt()), staff.name(note.signedBy())), indent);
    }

    private void accessLog() {
        pdf.heading(texts.get("extract.pdf.access"));
        pdf.muted(texts.get(staffAsRoles ? "extract.pdf.access.introRoles" : "extract.pdf.access.intro"), 0);
        pdf.gap(4);
        if (extract.accessLog().isEmpty()) {
            pdf.text(texts.get("extract.pdf.none"));
            return;
        }
        float[] widths = {92, 110, 90, PdfLayout.WIDTH - 292};
        pdf.row(widths, List.of(texts.get("extract.pdf.access.when"), texts.get("extract.pdf.access.who"),
                texts.get("extract.pdf.access.kind"), texts.get("extract.pdf.access.what")), Style.BOLD, 9);
        for (AccessLogEntry e : extract.accessLog()) {
            pdf.row(widths, List.of(minute(e.at()), staff.name(e.username()),
                    texts.get("extract.accessKind." + AccessKind.of(e.event()).name()),
                    texts.get("accessEvent." + e.event().name())), Style.NORMAL, 9);
        }
    }

    private void info(String title) {
        PDDocumentInformation info = pdf.document().getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(unit());
        info.setCreator("Lotsbok");
        GregorianCalendar created = GregorianCalendar.from(release.releasedAt().atZone(zone));
        info.setCreationDate(created);
        info.setModificationDate(created);
    }

    private String unit() {
        return extract.unitName().isBlank() ? texts.get("extract.pdf.unitUnnamed") : extract.unitName();
    }

    private String identity(ParticipantData person) {
        return person.identityNumber() == null ? ", " + texts.format("extract.pdf.born", person.birthDate().toString())
                : ", " + person.identityNumber().formatted();
    }

    private String recorded(Instant at, String by) {
        return texts.format("extract.pdf.recorded", minute(at), staff.name(by));
    }

    private String minute(Instant at) {
        return MINUTE.format(at.atZone(zone));
    }

    private String orNone(String text) {
        return text.isBlank() ? "–" : text;
    }
}
