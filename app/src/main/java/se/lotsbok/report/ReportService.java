package se.lotsbok.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.report.MonthlyTally;
import se.lotsbok.domain.report.RegisterSnapshot;
import se.lotsbok.domain.report.TallySigner;
import se.lotsbok.domain.report.Tally;
import se.lotsbok.domain.report.TallyRow;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.store.Database;
import se.lotsbok.store.report.ReportRepository;

/**
 * The unit head's tallies: computed from the register's dated rows, shown on the dashboard and
 * written as CSV or JSON. Every run and every export is logged; each export remembers a digest of
 * its numbers so that a month changed afterwards by a correction in hindsight is flagged.
 */
public final class ReportService {

    /** How a month's numbers stand against the last time they were exported. */
    public enum ExportState {
        NEVER_EXPORTED,
        UNCHANGED,
        CHANGED
    }

    /** One month of the trend charts. */
    public record MonthPoint(YearMonth month, long enrolledAtEnd, long newEnrollments, long discharges,
            ExportState state) {
    }

    /** A navigator's caseload at the end of the month against their cap. */
    public record NavigatorLoad(String name, long load, int cap) {
    }

    /**
     * Everything the Rapporter screen shows for one month: its tally, the yearly summaries of its
     * year and the two before (latest first), and the twelve months up to it.
     */
    public record Dashboard(YearMonth month, Tally tally, List<Tally> years, List<MonthPoint> trend,
            List<NavigatorLoad> loads, Optional<Instant> lastExportAt, ExportState state) {
    }

    private static final int TREND_MONTHS = 12;
    private static final int YEARS = 3;

    private final Database database;
    private final Clock clock;
    private final TallyData data = new TallyData();

    public ReportService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Tally month(Actor actor, YearMonth month) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.RUN_REPORTS));
        return database.transaction(repos -> {
            repos.reports().logRun(actor, "month " + month);
            return data.use(repos.reports(), repos.reports().meetings(month.atDay(1), month.atEndOfMonth()),
                    snapshot -> MonthlyTally.of(month, snapshot));
        });
    }

    public Tally year(Actor actor, Year year) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.RUN_REPORTS));
        return database.transaction(repos -> {
            repos.reports().logRun(actor, "year " + year);
            return data.use(repos.reports(), List.of(), snapshot -> MonthlyTally.yearly(year, snapshot));
        });
    }

    /** The month's tally, its year's summary and the twelve months up to it; progress goes from 0 to 1. */
    public Dashboard dashboard(Actor actor, YearMonth month, DoubleConsumer progress) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.RUN_REPORTS));
        progress.accept(0);
        Dashboard dashboard = database.transaction(repos -> {
            repos.reports().logRun(actor, "dashboard " + month);
            Map<String, ReportRepository.Export> exports = new HashMap<>();
            for (int i = 0; i < TREND_MONTHS; i++) {
                String period = month.minusMonths(i).toString();
                repos.reports().lastExport(period).ifPresent(e -> exports.put(period, e));
            }
            // Every month of the trend is counted in full (its digest is compared with its last
            // export), so the meetings of all twelve are read.
            LocalDate trendFrom = month.minusMonths(TREND_MONTHS - 1).atDay(1);
            List<RegisterSnapshot.Meeting> meetings = repos.reports().meetings(trendFrom, month.atEndOfMonth());
            progress.accept(0.3);
            return data.use(repos.reports(), meetings, snapshot -> {
                Tally tally = MonthlyTally.of(month, snapshot);
                List<MonthPoint> trend = new ArrayList<>();
                for (int i = TREND_MONTHS - 1; i >= 0; i--) {
                    YearMonth m = month.minusMonths(i);
                    Tally t = i == 0 ? tally : MonthlyTally.of(m, snapshot);
                    trend.add(new MonthPoint(m, t.total("enrolled_at_end"), t.total("new_enrollments"),
                            t.total("discharges"), stateOf(t, exports.get(m.toString()))));
                    progress.accept(0.3 + 0.6 * (TREND_MONTHS - i) / TREND_MONTHS);
                }
                List<Tally> years = new ArrayList<>();
                for (int i = 0; i < YEARS; i++) {
                    years.add(MonthlyTally.yearly(Year.of(month.getYear() - i), snapshot));
                }
                ReportRepository.Export last = exports.get(month.toString());
                return new Dashboard(month, tally, years, trend, loads(tally, snapshot, month.atEndOfMonth()),
                        Optional.ofNullable(last).map(ReportRepository.Export::at), stateOf(tally, last));
            });
        });
        progress.accept(1);
        return dashboard;
    }

    /**
     * Writes a tally to {@code file} (whole or not at all: written beside it, then moved in place)
     * and records the export with the digest of its numbers. JSON carries the unit's name and is
     * signed with the register's key (see {@link TallySignature}).
     */
    public void export(Actor actor, Tally tally, TallyHeader.Kind kind, TallyFormat format, ExportOptions options,
            Path file) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.EXPORT));
        record Unit(String name, byte[] publicKey) {
        }
        Unit unit = database.transaction(repos -> new Unit(repos.settings().load().unitName(),
                repos.signingKey().publicKey()));
        // Signed by the store: with the key in a data folder, or by the office server, which keeps it.
        TallySigner signer = new TallySigner() {
            @Override
            public byte[] publicKey() {
                return unit.publicKey().clone();
            }

            @Override
            public byte[] sign(byte[] message) {
                return database.transaction(repos -> repos.signingKey().sign(message));
            }
        };
        TallyHeader header = new TallyHeader(unit.name(), kind, tally.period(), clock.instant(), AppVersion.get());
        AtomicFile.write(file, out -> TallyWriter.write(tally, header, format, options, signer, out));
        String what = tally.period() + " " + format.extension()
                + (options.suppressUpTo() > 0 ? ", suppressed up to " + options.suppressUpTo() : "");
        database.transaction(repos -> {
            repos.reports().recordExport(actor, tally.period(), TallyWriter.digest(tally), what, clock.instant());
            return null;
        });
    }

    /**
     * Writes the participant list (names and identity numbers) to a CSV file: personal data,
     * so only on explicit request, and logged. Returns the number of participants written.
     */
    public int exportParticipantList(Actor actor, Path file, ExportOptions options) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.EXPORT));
        int[] rows = {0};
        AtomicFile.write(file, out -> {
            try (ParticipantListWriter writer = new ParticipantListWriter(out, options.separator())) {
                rows[0] = database.transaction(repos -> repos.reports().exportParticipantList(actor, writer::write));
            }
        });
        return rows[0];
    }

    /** How many times the tally data was read whole; for tests. */
    long fullReads() {
        return data.fullReads();
    }

    private static ExportState stateOf(Tally tally, ReportRepository.Export last) {
        if (last == null) {
            return ExportState.NEVER_EXPORTED;
        }
        return last.digest().equals(TallyWriter.digest(tally)) ? ExportState.UNCHANGED : ExportState.CHANGED;
    }

    private static List<NavigatorLoad> loads(Tally tally, RegisterSnapshot snapshot, LocalDate last) {
        Map<String, Integer> caps = new HashMap<>();
        for (Navigator n : snapshot.navigators()) {
            if (n.activeOn(last)) {
                caps.merge(n.name(), n.capOr(snapshot.unitCap()), Math::max);
            } else {
                caps.putIfAbsent(n.name(), n.capOr(snapshot.unitCap()));
            }
        }
        List<NavigatorLoad> loads = new ArrayList<>();
        for (TallyRow row : tally.rows()) {
            if (row.measure().equals("caseload_at_end") && !row.category().equals(TallyRow.TOTAL)) {
                loads.add(new NavigatorLoad(row.category(), row.value(),
                        caps.getOrDefault(row.category(), snapshot.unitCap())));
            }
        }
        return loads;
    }
}
