package se.lotsbok.service.extract;

import java.io.OutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.extract.ExtractFormat;
import se.lotsbok.domain.extract.Redaction;
import se.lotsbok.domain.extract.Release;
import se.lotsbok.domain.journal.JournalNote;
import se.lotsbok.domain.navigator.Assignment;
import se.lotsbok.domain.navigator.NavigatorRef;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.i18n.Texts;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.store.Database;
import se.lotsbok.store.Repositories;

/**
 * A person's own record: the register extract (registerutdrag) with everything the register holds on
 * them, the journal copy released after a secrecy review, and who has looked at their data. Reading
 * is logged as any opening; making an extract records the release in the case and logs it, in the
 * same transaction, and writes the files owner-only and whole or not at all. The enhetschef's.
 */
public final class ExtractService {

    /** The longest text of purposes and recipients (a unit setting). */
    public static final int MAX_PURPOSES = 1000;
    /** The longest recipient's name. */
    public static final int MAX_RECIPIENT = 200;
    /** The most access-log rows an extract lists; far more than a case file gathers in its years. */
    static final int ACCESS_ROWS = 100_000;

    /** What reading a person's record for an extract found. */
    public sealed interface Preparation {
    }

    public record Prepared(RegisterExtract extract) implements Preparation {
    }

    /** Gallring has deleted the person's data: there is nothing left to extract. */
    public record Anonymised() implements Preparation {
    }

    public record NotFound() implements Preparation {
    }

    /** What making an extract came to. */
    public sealed interface Outcome {
    }

    public record Made(Release release, Map<ExtractFormat, java.nio.file.Path> files) implements Outcome {
    }

    /** Refused with the reason; nothing written, nothing recorded. */
    public record Refused(Refusal refusal) implements Outcome {
    }

    private final Database database;
    private final Clock clock;

    public ExtractService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Whether {@code actor} may make extracts. */
    public boolean mayExtract(Actor actor) {
        return AccessPolicy.decide(actor, Action.EXPORT).allowed();
    }

    /** Everything on participant {@code participantId}, for the review before release; the reading is logged. */
    public Preparation prepare(Actor actor, long participantId) {
        require(actor);
        return database.transaction(repos -> gather(repos, actor, participantId));
    }

    /** The participant holding {@code number}, for the command line; a hit is logged as a lookup. */
    public Optional<Long> participantWith(Actor actor, PersonalIdentityNumber number) {
        require(actor);
        return database.transaction(repos -> repos.participants().findByIdentityNumber(actor, number)
                .map(s -> s.id()));
    }

    /**
     * Makes the extract: reads the record again, checks the review against it, records the release
     * (a dated row in the case) and logs it, and writes each chosen form; all in one transaction, so
     * a file that cannot be written leaves no release behind and no file half-written.
     */
    public Outcome make(Actor actor, long participantId, ExtractRequest request, Texts texts) {
        require(actor);
        Optional<Refusal> refusal = check(request);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        try {
            return database.transaction(repos -> {
                Preparation preparation = gather(repos, actor, participantId);
                if (!(preparation instanceof Prepared prepared)) {
                    throw new Refusing(new Refusal(preparation instanceof Anonymised
                            ? "extract.refused.anonymised" : "participant.notFound"));
                }
                RegisterExtract extract = prepared.extract();
                Optional<Refusal> problem = request.redaction().check(extract.notes());
                if (problem.isPresent()) {
                    throw new Refusing(problem.get());
                }
                Release release = repos.extracts().record(actor, participantId,
                        request.toSubject() ? "" : TypedText.strip(request.recipient()), request.toSubject(),
                        request.files().keySet(), request.scope(), request.redaction(), clock.instant());
                write(extract, release, request, texts);
                return new Made(release, request.files());
            });
        } catch (Refusing e) {
            return new Refused(e.refusal);
        }
    }

    /** The purposes and recipients the unit states in its extracts: its own text, or the default in {@code texts}. */
    public String purposes(Texts texts) {
        return database.transaction(repos -> repos.settings().extractPurposes())
                .filter(text -> !TypedText.isBlank(text))
                .orElseGet(() -> texts.get("extract.purposes.default"));
    }

    /** Saves the unit's own text of purposes and recipients; blank goes back to the default. */
    public Optional<Refusal> savePurposes(Actor actor, String text) {
        if (!mayExtract(actor) && !AccessPolicy.decide(actor, Action.MANAGE_SETTINGS).allowed()) {
            throw new AccessDenied("access.refused.EXPORT");
        }
        String value = TypedText.strip(text);
        if (value.length() > MAX_PURPOSES) {
            return Optional.of(new Refusal("validation.TOO_LONG", MAX_PURPOSES));
        }
        database.transaction(repos -> {
            repos.settings().saveExtractPurposes(actor, value);
            return null;
        });
        return Optional.empty();
    }

    private static Optional<Refusal> check(ExtractRequest request) {
        if (request.files().isEmpty()) {
            return Optional.of(new Refusal("extract.refused.noFormat"));
        }
        String recipient = TypedText.strip(request.recipient());
        if (!request.toSubject() && recipient.isEmpty()) {
            return Optional.of(new Refusal("extract.refused.recipient"));
        }
        if (recipient.length() > MAX_RECIPIENT) {
            return Optional.of(new Refusal("validation.TOO_LONG", MAX_RECIPIENT));
        }
        if (request.files().values().stream().map(p -> p.toAbsolutePath().normalize()).distinct().count()
                < request.files().size()) {
            return Optional.of(new Refusal("extract.refused.sameFile"));
        }
        return Optional.empty();
    }

    private Preparation gather(Repositories repos, Actor actor, long participantId) {
        Optional<Participant> found = repos.participants().find(actor, participantId);
        if (found.isEmpty()) {
            return repos.participants().anonymised(participantId) ? new Anonymised() : new NotFound();
        }
        Map<Long, String> navigatorNames = new HashMap<>();
        for (NavigatorRef n : repos.navigators().list()) {
            navigatorNames.put(n.id(), n.name());
        }
        List<RegisterExtract.NavigatorPeriod> navigators = repos.assignments().history(participantId).stream()
                .sorted(Comparator.comparing(Assignment::date).thenComparingLong(Assignment::id))
                .map(a -> new RegisterExtract.NavigatorPeriod(a.date(),
                        a.navigatorId() == null ? null : navigatorNames.getOrDefault(a.navigatorId(), ""),
                        a.recordedAt(), a.recordedBy()))
                .toList();
        // Oldest meeting first, as a record is read; each original's corrections beside it.
        List<JournalNote> notes = new ArrayList<>(repos.journal().notes(actor, participantId));
        notes.sort(Comparator.comparing((JournalNote n) -> n.content().meetingAt()).thenComparingLong(JournalNote::id));
        List<AccessLogEntry> access = new ArrayList<>(repos.accessLog()
                .find(AccessLogQuery.forParticipant(participantId, ACCESS_ROWS)));
        access.sort(Comparator.comparingLong(AccessLogEntry::seq));
        Map<String, Set<Role>> roles = new HashMap<>();
        for (UserAccount user : repos.users().list()) {
            roles.put(user.username(), user.roles());
        }
        return new Prepared(new RegisterExtract(
                repos.settings().load().unitName(),
                repos.settings().extractPurposes().orElse(""),
                clock.instant(),
                clock.getZone(),
                found.get(),
                CaseHistory.of(repos.cases().events(actor, participantId)),
                repos.cases().consents(actor, participantId),
                navigators,
                repos.cases().partners(actor, participantId),
                repos.cases().goals(actor, participantId),
                NoteService.group(notes),
                repos.journal().followUps(participantId),
                repos.extracts().releases(participantId),
                access,
                roles));
    }

    private static void write(RegisterExtract extract, Release release, ExtractRequest request, Texts texts) {
        List<PrivateFile> files = new ArrayList<>();
        try {
            for (Map.Entry<ExtractFormat, java.nio.file.Path> entry : request.files().entrySet()) {
                PrivateFile file = PrivateFile.create(entry.getValue());
                files.add(file);
                try (OutputStream out = file.open()) {
                    switch (entry.getKey()) {
                        case PDF -> ExtractPdfWriter.write(extract, release, request.staffAsRoles(), texts, out);
                        case JSON -> ExtractJsonWriter.write(extract, release, request.staffAsRoles(), texts, out);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            // Every form is written before any is moved into place.
            files.forEach(PrivateFile::moveIntoPlace);
        } finally {
            files.forEach(PrivateFile::close);
        }
    }

    private static void require(Actor actor) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.EXPORT));
    }

    /** Carries a refusal out of the transaction so that it rolls back. */
    private static final class Refusing extends RuntimeException {
        private final transient Refusal refusal;

        Refusing(Refusal refusal) {
            super(refusal.reason(), null, false, false);
            this.refusal = refusal;
        }
    }
}
