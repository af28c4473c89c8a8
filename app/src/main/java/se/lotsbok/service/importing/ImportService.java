package se.lotsbok.service.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.backup.CompactionPolicy;
import se.lotsbok.service.maintenance.Compaction;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.ParticipantField;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.participant.ParticipantValidator;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.report.Codes;
import se.lotsbok.domain.participant.AgeBand;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.i18n.Messages;
import se.lotsbok.i18n.Texts;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.service.casepath.CaseResult;
import se.lotsbok.service.casepath.CaseService;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.service.settings.SettingsService;
import se.lotsbok.store.Database;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Imports the spreadsheet a unit keeps today (one row per participant) through the same services
 * as the screens, in one transaction: every row is written, or none. A preview runs exactly the
 * same work and rolls it back, so what it shows is what a confirmed import does. Participants are
 * matched on their identity number and a step already in the register is not written again, so
 * importing the same file twice changes nothing.
 */
public final class ImportService {

    /** What the import did (or, in a preview, would do) with one line of the file. */
    public record RowResult(int line, String identity, String name, List<Refusal> actions, List<Refusal> errors,
            List<Refusal> warnings) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The whole file: problems with the file itself, every row, and whether anything was written. */
    /**
     * What an import came to. {@code compaction} is set when a large import was followed by a
     * compaction of the file (its size before and after).
     */
    public record ImportResult(List<Refusal> fileErrors, List<RowResult> rows, boolean written,
            Compaction.Result compaction) {

        public ImportResult(List<Refusal> fileErrors, List<RowResult> rows, boolean written) {
            this(fileErrors, rows, written, null);
        }

        public boolean ok() {
            return fileErrors.isEmpty() && rows.stream().allMatch(RowResult::ok);
        }

        public long badRows() {
            return rows.stream().filter(r -> !r.ok()).count();
        }

        public long newParticipants() {
            return rows.stream().filter(r -> r.actions().stream()
                    .anyMatch(a -> a.reason().equals(NEW_PARTICIPANT))).count();
        }

        public long writes() {
            return rows.stream().mapToLong(r -> r.actions().size()).sum();
        }
    }

    static final String NEW_PARTICIPANT = "import.action.newParticipant";
    /** The name written for the guardians' consent: the spreadsheet has only its date. */
    static final String GUARDIANS = "Vårdnadshavare (importerat)";

    private final Database database;
    private final Compaction compaction;
    private final Clock clock;
    private final ParticipantService participants;
    private final CaseService cases;
    private final NavigatorService navigators;
    private final SettingsService settings;
    private final CodedValues<Gender> genders;
    private final CodedValues<Programme> programmes;
    private final CodedValues<ReferralSource> sources;
    private final CodedValues<DischargeReason> dischargeReasons;
    private final CodedValues<ClosureReason> closureReasons;
    private final CodedValues<Situation.Occupation> occupations;
    private final CodedValues<Situation.Housing> housings;
    private final CodedValues<Situation.SubstanceUse> substanceUses;

    public ImportService(Database database, Clock clock, ParticipantService participants, CaseService cases,
            NavigatorService navigators, SettingsService settings, Compaction compaction) {
        this.database = database;
        this.compaction = compaction;
        this.clock = clock;
        this.participants = participants;
        this.cases = cases;
        this.navigators = navigators;
        this.settings = settings;
        Texts swedish = Texts.swedish();
        this.genders = new CodedValues<>(Gender.values(), g -> "gender." + g.name(), Codes::of, swedish);
        this.programmes = new CodedValues<>(Programme.values(), p -> "programme." + p.name(), Codes::of, swedish);
        this.sources = new CodedValues<>(ReferralSource.values(), Messages::key, Codes::of, swedish);
        this.dischargeReasons = new CodedValues<>(DischargeReason.values(), Messages::key, Codes::of, swedish);
        this.closureReasons = new CodedValues<>(ClosureReason.values(), Messages::key, Codes::of, swedish);
        this.occupations = new CodedValues<>(Situation.Occupation.values(), Messages::key, Codes::of, swedish);
        this.housings = new CodedValues<>(Situation.Housing.values(), Messages::key, Codes::of, swedish);
        this.substanceUses = new CodedValues<>(Situation.SubstanceUse.values(), Messages::key, Codes::of, swedish);
    }

    /** Runs the import and rolls it back: what a confirmed import would do, with nothing written. */
    public ImportResult preview(Actor actor, byte[] file) {
        return run(actor, file, false);
    }

    /** Runs the import and keeps it if, and only if, no row has an error. */
    public ImportResult importFile(Actor actor, byte[] file) {
        return run(actor, file, true);
    }

    private ImportResult run(Actor actor, byte[] file, boolean keep) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.IMPORT));
        Parsed parsed = parse(file);
        if (!parsed.fileErrors().isEmpty()) {
            return new ImportResult(parsed.fileErrors(), List.of(), false);
        }
        try {
            ImportResult imported = database.transaction(repos -> {
                List<RowResult> results = apply(actor, parsed.rows());
                ImportResult result = new ImportResult(List.of(), results, keep);
                if (!keep || !result.ok()) {
                    throw new RollBack(new ImportResult(List.of(), results, false));
                }
                repos.accessLog().append(actor, AccessEvent.IMPORT, null,
                        "rows=" + results.size() + ", new=" + result.newParticipants() + ", writes=" + result.writes());
                return result;
            });
            if (CompactionPolicy.afterImport(imported.rows().size())) {
                // Loading many rows at once leaves the file much larger than what it holds.
                return new ImportResult(imported.fileErrors(), imported.rows(), imported.written(), compaction.compact());
            }
            return imported;
        } catch (RollBack rollBack) {
            return rollBack.result;
        }
    }

    /** Thrown out of the transaction to undo it, carrying what the rows came to. */
    private static final class RollBack extends RuntimeException {
        private final transient ImportResult result;

        RollBack(ImportResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    // ---- reading the file

    /**
     * One data line of the file, its cells by column; {@code extraCells} is how many cells are filled
     * when that is more than the header has ({@code headerCells}), otherwise 0.
     */
    record Line(int number, Map<ImportColumn, String> cells, int extraCells, int headerCells) {

        String get(ImportColumn column) {
            String value = cells.get(column);
            return TypedText.strip(value);
        }
    }

    record Parsed(List<Refusal> fileErrors, List<Line> rows) {
    }

    Parsed parse(byte[] file) {
        if (file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4) {
            return new Parsed(List.of(new Refusal("import.error.workbook")), List.of());
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        CharBuffer decoded = CharBuffer.allocate(file.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult decoding = decoder.decode(in, decoded, true);
        if (!decoding.isError()) {
            decoding = decoder.flush(decoded);
        }
        if (decoding.isError()) {
            // A file from Excel's plain "CSV" (Windows-1252): name the line of the first å, ä or ö.
            return new Parsed(List.of(new Refusal("import.error.notUtf8", lineOf(file, in.position()))), List.of());
        }
        String text = decoded.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int endOfHeader = text.indexOf('\n');
        String headerLine = endOfHeader < 0 ? text : text.substring(0, endOfHeader);
        if (TypedText.isBlank(headerLine)) {
            return new Parsed(List.of(new Refusal("import.error.empty")), List.of());
        }
        char separator = headerLine.indexOf(';') >= 0 ? ';' : ',';
        int unclosed = unclosedQuoteLine(text, separator);
        if (unclosed > 0) {
            return new Parsed(List.of(new Refusal("import.error.unclosedQuote", unclosed)), List.of());
        }
        CsvMapper mapper = CsvMapper.builder()
                .enable(CsvReadFeature.WRAP_AS_ARRAY)
                .enable(CsvReadFeature.SKIP_EMPTY_LINES)
                .build();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<Refusal> fileErrors = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema).readValues(text)) {
            if (!it.hasNextValue()) {
                return new Parsed(List.of(new Refusal("import.error.empty")), List.of());
            }
            String[] header = it.nextValue();
            Map<Integer, ImportColumn> columns = new HashMap<>();
            Map<ImportColumn, Integer> seen = new EnumMap<>(ImportColumn.class);
            for (int i = 0; i < header.length; i++) {
                if (TypedText.isBlank(header[i])) {
                    continue;
                }
                Optional<ImportColumn> column = ImportColumn.of(header[i]);
                if (column.isEmpty()) {
                    fileErrors.add(new Refusal("import.error.unknownColumn", shown(header[i].strip())));
                } else if (seen.putIfAbsent(column.get(), i) != null) {
                    fileErrors.add(new Refusal("import.error.twiceColumn", column.get().header()));
                } else {
                    columns.put(i, column.get());
                }
            }
            for (ImportColumn column : ImportColumn.values()) {
                if (column.required() && !seen.containsKey(column)) {
                    fileErrors.add(new Refusal("import.error.missingColumn", column.header()));
                }
            }
            if (!fileErrors.isEmpty()) {
                return new Parsed(fileErrors, List.of());
            }
            while (it.hasNextValue()) {
                int number = it.currentLocation().getLineNr();
                String[] cells = it.nextValue();
                Map<ImportColumn, String> byColumn = new EnumMap<>(ImportColumn.class);
                boolean blank = true;
                int filled = 0;
                for (int i = 0; i < cells.length; i++) {
                    ImportColumn column = columns.get(i);
                    if (column != null) {
                        byColumn.put(column, cells[i]);
                    }
                    blank &= TypedText.isBlank(cells[i]);
                    filled = TypedText.isBlank(cells[i]) ? filled : i + 1;
                }
                if (!blank) {
                    // Cells beyond the header are a separator inside an unquoted value: the row is shifted.
                    lines.add(new Line(number, byColumn, filled > header.length ? filled : 0, header.length));
                }
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Parsed(List.of(new Refusal("import.error.unreadable", line)), List.of());
        }
        if (lines.isEmpty()) {
            return new Parsed(List.of(new Refusal("import.error.noRows")), List.of());
        }
        return new Parsed(List.of(), lines);
    }

    // ---- writing the rows

    /** A line read into values, with what was wrong with it. */
    private final class Row {
        final Line line;
        final List<Refusal> errors = new ArrayList<>();
        final List<Refusal> warnings = new ArrayList<>();
        final List<Refusal> actions = new ArrayList<>();
        PersonalIdentityNumber identity;
        Gender gender;
        Programme programme;
        LocalDate referred;
        ReferralSource source;
        LocalDate consent;
        LocalDate guardianConsent;
        LocalDate enrolled;
        String navigator;
        LocalDate ended;
        DischargeReason dischargeReason;
        ClosureReason closureReason;
        Situation atEnrollment;
        Situation atDischarge;

        Row(Line line, LocalDate today) {
            this.line = line;
            read(today);
        }

        private void read(LocalDate today) {
            if (line.extraCells() > 0) {
                errors.add(new Refusal("import.error.extraCells", line.extraCells(), line.headerCells()));
            }
            String identityText = line.get(ImportColumn.PERSONNUMMER);
            if (identityText.isEmpty()) {
                errors.add(required(ImportColumn.PERSONNUMMER));
            } else {
                try {
                    identity = PersonalIdentityNumber.parse(identityText, today);
                } catch (PersonalIdentityNumber.InvalidException e) {
                    errors.add(new Refusal("import.error.cell", ImportColumn.PERSONNUMMER.header(),
                            new Refusal("validation." + fieldProblem(e.problem()))));
                }
            }
            gender = coded(ImportColumn.KON, genders).orElse(Gender.UNKNOWN);
            programme = coded(ImportColumn.PROGRAM, programmes).orElse(null);
            referred = date(ImportColumn.AKTUALISERAD);
            if (referred == null && line.get(ImportColumn.AKTUALISERAD).isEmpty()) {
                errors.add(required(ImportColumn.AKTUALISERAD));
            }
            source = coded(ImportColumn.KALLA, sources).orElse(ReferralSource.OTHER);
            consent = date(ImportColumn.SAMTYCKE);
            guardianConsent = date(ImportColumn.SAMTYCKE_VARDNADSHAVARE);
            enrolled = date(ImportColumn.INSKRIVEN);
            navigator = line.get(ImportColumn.LOTS);
            ended = date(ImportColumn.AVSLUTAD);
            dischargeReason = coded(ImportColumn.AVSLUTSORSAK, dischargeReasons).orElse(null);
            closureReason = coded(ImportColumn.EJ_INSKRIVEN_ORSAK, closureReasons).orElse(null);
            atEnrollment = situation(ImportColumn.SYSSELSATTNING_INSKRIVNING, ImportColumn.BOENDE_INSKRIVNING,
                    ImportColumn.MISSBRUK_INSKRIVNING);
            atDischarge = situation(ImportColumn.SYSSELSATTNING_UTSKRIVNING, ImportColumn.BOENDE_UTSKRIVNING,
                    ImportColumn.MISSBRUK_UTSKRIVNING);

            if (guardianConsent != null && consent == null && line.get(ImportColumn.SAMTYCKE).isEmpty()) {
                errors.add(new Refusal("import.error.guardianWithoutConsent"));
            }
            if (!navigator.isEmpty() && enrolled == null && line.get(ImportColumn.INSKRIVEN).isEmpty()) {
                errors.add(new Refusal("import.error.navigatorWithoutEnrollment"));
            }
            boolean hasEnrollment = !line.get(ImportColumn.INSKRIVEN).isEmpty();
            boolean hasEnd = !line.get(ImportColumn.AVSLUTAD).isEmpty();
            if (!hasEnd && !line.get(ImportColumn.AVSLUTSORSAK).isEmpty()) {
                errors.add(new Refusal("import.error.reasonWithoutEnd", ImportColumn.AVSLUTSORSAK.header()));
            }
            if (!hasEnd && !line.get(ImportColumn.EJ_INSKRIVEN_ORSAK).isEmpty()) {
                errors.add(new Refusal("import.error.reasonWithoutEnd", ImportColumn.EJ_INSKRIVEN_ORSAK.header()));
            }
            if (hasEnd && hasEnrollment && line.get(ImportColumn.AVSLUTSORSAK).isEmpty()) {
                errors.add(new Refusal("import.error.dischargeReasonMissing"));
            }
            if (hasEnd && !hasEnrollment && line.get(ImportColumn.EJ_INSKRIVEN_ORSAK).isEmpty()) {
                errors.add(new Refusal("import.error.closureReasonMissing"));
            }
            if (hasEnrollment && !line.get(ImportColumn.EJ_INSKRIVEN_ORSAK).isEmpty()) {
                errors.add(new Refusal("import.error.closureReasonButEnrolled"));
            }
            for (ImportColumn column : List.of(ImportColumn.SYSSELSATTNING_INSKRIVNING, ImportColumn.BOENDE_INSKRIVNING,
                    ImportColumn.MISSBRUK_INSKRIVNING)) {
                if (!hasEnrollment && !line.get(column).isEmpty()) {
                    errors.add(new Refusal("import.error.situationWithout", column.header(),
                            ImportColumn.INSKRIVEN.header()));
                }
            }
            for (ImportColumn column : List.of(ImportColumn.SYSSELSATTNING_UTSKRIVNING, ImportColumn.BOENDE_UTSKRIVNING,
                    ImportColumn.MISSBRUK_UTSKRIVNING)) {
                if (!(hasEnrollment && hasEnd) && !line.get(column).isEmpty()) {
                    errors.add(new Refusal("import.error.situationWithoutDischarge", column.header()));
                }
            }
        }

        /** The situation in three columns; an empty cell (or a missing column) is unknown. */
        private Situation situation(ImportColumn occupation, ImportColumn housing, ImportColumn substanceUse) {
            return new Situation(coded(occupation, occupations).orElse(Situation.Occupation.UNKNOWN),
                    coded(housing, housings).orElse(Situation.Housing.UNKNOWN),
                    coded(substanceUse, substanceUses).orElse(Situation.SubstanceUse.UNKNOWN));
        }

        private LocalDate date(ImportColumn column) {
            String text = line.get(column);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                errors.add(new Refusal("import.error.date", column.header(), shown(text)));
                return null;
            }
        }

        private <E extends Enum<E>> Optional<E> coded(ImportColumn column, CodedValues<E> values) {
            String text = line.get(column);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<E> value = values.read(text);
            if (value.isEmpty()) {
                errors.add(new Refusal("import.error.code", column.header(), shown(text)));
            }
            return value;
        }

        RowResult result(String name) {
            return new RowResult(line.number(), identity == null ? line.get(ImportColumn.PERSONNUMMER)
                    : identity.formatted(), name, List.copyOf(actions), List.copyOf(errors), List.copyOf(warnings));
        }
    }

    /** The number of the line in which byte {@code offset} lies. */
    private static int lineOf(byte[] file, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < file.length; i++) {
            if (file[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The line where a quoted value begins that never ends, or 0. A reader of CSV would take the whole
     * rest of the file as that one value, and name only the last line.
     */
    static int unclosedQuoteLine(String text, char separator) {
        int line = 1;
        int openedOn = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '\n') {
                    line++;
                }
                continue;
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                openedOn = line;
            }
            fieldStart = c == separator || c == '\n' || c == '\r';
            if (c == '\n') {
                line++;
            }
        }
        return quoted ? openedOn : 0;
    }

    /** A cell's text as a message quotes it: at most 40 characters, so that a runaway cell stays readable. */
    private static String shown(String text) {
        if (text.length() <= 40) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(39)) ? 39 : 40;
        return text.substring(0, end) + "…";
    }

    private static Refusal required(ImportColumn column) {
        return new Refusal("import.error.required", column.header());
    }

    private static String fieldProblem(PersonalIdentityNumber.Problem problem) {
        return switch (problem) {
            case FORMAT -> "IDENTITY_FORMAT";
            case DATE -> "IDENTITY_DATE";
            case FUTURE -> "IDENTITY_FUTURE";
            case CHECK_DIGIT -> "IDENTITY_CHECK_DIGIT";
        };
    }

    private List<RowResult> apply(Actor actor, List<Line> lines) {
        LocalDate today = LocalDate.now(clock);
        UnitSettings unit = settings.load();
        List<Row> rows = lines.stream().map(l -> new Row(l, today)).toList();

        Map<String, Integer> firstLineOf = new HashMap<>();
        Map<String, LocalDate> navigatorFrom = new HashMap<>();
        for (Row row : rows) {
            if (row.identity != null) {
                Integer earlier = firstLineOf.putIfAbsent(row.identity.digits(), row.line.number());
                if (earlier != null) {
                    row.errors.add(new Refusal("import.error.twice", earlier));
                }
            }
            if (!row.navigator.isEmpty() && row.enrolled != null) {
                navigatorFrom.merge(nameKey(row.navigator), row.enrolled, (a, b) -> a.isBefore(b) ? a : b);
            }
        }

        Map<String, Long> navigatorIds = new HashMap<>();
        for (Navigator n : navigators.navigators(actor)) {
            navigatorIds.putIfAbsent(nameKey(n.name()), n.id());
        }

        List<RowResult> results = new ArrayList<>();
        for (Row row : rows) {
            String name = (row.line.get(ImportColumn.FORNAMN) + " " + row.line.get(ImportColumn.EFTERNAMN)).strip();
            if (row.errors.isEmpty()) {
                write(actor, row, unit, navigatorIds, navigatorFrom);
            }
            results.add(row.result(name));
        }
        return results;
    }

    private static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private void write(Actor actor, Row row, UnitSettings unit, Map<String, Long> navigatorIds,
            Map<String, LocalDate> navigatorFrom) {
        Programme programme = row.programme != null ? row.programme
                : unit.youthBand().contains(AgeBand.ageOn(row.identity.birthDate(),
                        row.referred)) ? Programme.YOUTH : Programme.YOUNG_ADULTS;
        ParticipantInput input = new ParticipantInput(row.line.get(ImportColumn.FORNAMN),
                row.line.get(ImportColumn.EFTERNAMN), false, row.identity.formatted(), "", row.gender, programme,
                "", "", "");
        long id;
        switch (participants.create(actor, input)) {
            case SaveOutcome.Saved saved -> {
                id = saved.participant().id();
                row.actions.add(new Refusal(NEW_PARTICIPANT));
                ParticipantValidator.ageWarning(row.identity.birthDate(), programme, unit.bandOf(programme), row.referred)
                        .ifPresent(w -> row.warnings.add(new Refusal("import.warning.age", w.age(),
                                new Refusal("programme." + w.programme().name()), w.band().minAge(), w.band().maxAge())));
            }
            case SaveOutcome.DuplicateIdentityNumber duplicate -> {
                id = duplicate.existing().id();
                String known = (duplicate.existing().firstName() + " " + duplicate.existing().lastName()).strip();
                String typed = (row.line.get(ImportColumn.FORNAMN) + " " + row.line.get(ImportColumn.EFTERNAMN)).strip();
                if (!known.equalsIgnoreCase(typed)) {
                    row.warnings.add(new Refusal("import.warning.otherName", known));
                }
            }
            case SaveOutcome.Invalid invalid -> {
                invalid.problems().forEach((field, problem) -> row.errors.add(new Refusal("import.error.cell",
                        headerOf(field), new Refusal("validation." + problem.name(), field.maxLength()))));
                return;
            }
            case SaveOutcome.NotAllowed notAllowed -> {
                row.errors.add(new Refusal(notAllowed.reason()));
                return;
            }
            case SaveOutcome.ChangedByOthers changed -> throw new IllegalStateException("a new participant has no version");
        }

        CaseFile file = cases.caseFile(actor, id);
        if (!has(file, CaseStatus.REFERRED, row.referred)) {
            if (!done(row, cases.move(actor, id, Move.referral(row.referred, row.source)))) {
                return;
            }
            row.actions.add(new Refusal("import.action.referral", row.referred, row.source));
        }
        if (row.consent != null && file.consents().stream().noneMatch(c -> c.given().equals(row.consent))) {
            List<Consent.GuardianConsent> guardians = row.guardianConsent == null ? List.of()
                    : List.of(new Consent.GuardianConsent(GUARDIANS, row.guardianConsent));
            if (!done(row, cases.recordConsent(actor, id, row.consent, null, EnumSet.allOf(Partner.class), guardians))) {
                return;
            }
            row.actions.add(new Refusal("import.action.consent", row.consent));
        }
        if (row.enrolled != null) {
            if (!has(file, CaseStatus.ENROLLED, row.enrolled)) {
                if (!done(row, cases.move(actor, id, Move.enrollment(row.enrolled, row.atEnrollment)))) {
                    return;
                }
                row.actions.add(new Refusal("import.action.enrollment", row.enrolled));
            }
            if (!row.navigator.isEmpty() && !assign(actor, row, id, navigatorIds, navigatorFrom)) {
                return;
            }
        }
        if (row.ended != null) {
            if (row.enrolled != null) {
                if (!has(file, CaseStatus.DISCHARGED, row.ended)) {
                    if (!done(row, cases.move(actor, id, Move.discharge(row.ended, row.dischargeReason,
                            row.atDischarge)))) {
                        return;
                    }
                    row.actions.add(new Refusal("import.action.discharge", row.ended, row.dischargeReason));
                }
            } else if (!has(file, CaseStatus.CONTACTED_NOT_ENROLLED, row.ended)) {
                if (!done(row, cases.move(actor, id, Move.closure(row.ended, row.closureReason)))) {
                    return;
                }
                row.actions.add(new Refusal("import.action.closure", row.ended, row.closureReason));
            }
        }
    }

    private boolean assign(Actor actor, Row row, long id, Map<String, Long> navigatorIds,
            Map<String, LocalDate> navigatorFrom) {
        String key = nameKey(row.navigator);
        Long navigatorId = navigatorIds.get(key);
        if (navigatorId == null) {
            Optional<Refusal> refused = navigators.createNavigator(actor, row.navigator.strip(), null,
                    navigatorFrom.get(key));
            if (refused.isPresent()) {
                row.errors.add(refused.get());
                return false;
            }
            navigatorId = navigators.navigators(actor).stream().filter(n -> nameKey(n.name()).equals(key))
                    .map(Navigator::id).findFirst().orElseThrow();
            navigatorIds.put(key, navigatorId);
            row.actions.add(new Refusal("import.action.newNavigator", row.navigator.strip()));
        }
        if (navigators.navigatorOn(actor, id, row.enrolled).filter(navigatorId::equals).isPresent()) {
            return true;
        }
        NavigatorService.AssignResult result = navigators.assign(actor, id, navigatorId, row.enrolled, true);
        if (result instanceof NavigatorService.Refused refused) {
            row.errors.add(refused.refusal());
            return false;
        }
        row.actions.add(new Refusal("import.action.navigator", row.navigator.strip(), row.enrolled));
        return true;
    }

    private static boolean has(CaseFile file, CaseStatus status, LocalDate date) {
        return file.history().effective().stream()
                .anyMatch(e -> e.status() == status && e.date().equals(date));
    }

    private static boolean done(Row row, CaseResult result) {
        if (result instanceof CaseResult.Refused refused) {
            row.errors.add(refused.refusal());
            return false;
        }
        return true;
    }

    private static String headerOf(ParticipantField field) {
        return switch (field) {
            case FIRST_NAME -> ImportColumn.FORNAMN.header();
            case LAST_NAME -> ImportColumn.EFTERNAMN.header();
            case IDENTITY_NUMBER -> ImportColumn.PERSONNUMMER.header();
            default -> field.name().toLowerCase(Locale.ROOT);
        };
    }
}
