package se.lotsbok.report;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.PartnerInvolvement;
import se.lotsbok.domain.navigator.Assignment;
import se.lotsbok.domain.navigator.AssignmentHistory;
import se.lotsbok.domain.report.RegisterSnapshot;
import se.lotsbok.store.report.ReportRepository;

/**
 * The register's tally rows held in memory between reports, brought up to date before each use
 * by reading again only the participants whose rows changed since (triggers record them in the
 * same transaction as the change, so no change is missed, whichever program made it). The first
 * use reads everything. Holds counts' inputs only: no names, identity numbers or texts.
 */
final class TallyData {

    /** More changed participants than this, and everything is read again instead. */
    private static final int MAX_PARTIAL = 2_000;

    private long seq = -1;
    private final Map<Long, RegisterSnapshot.Person> people = new HashMap<>();
    private final Map<Long, CaseHistory> cases = new HashMap<>();
    private final Map<Long, AssignmentHistory> assignments = new HashMap<>();
    private final Map<Long, List<Consent>> consents = new HashMap<>();
    private final Map<Long, List<PartnerInvolvement>> partners = new HashMap<>();
    private final Map<Long, List<Goal>> goals = new HashMap<>();
    private final Map<Long, List<DischargeFollowUp>> followUps = new HashMap<>();
    private long reads;

    /**
     * Brings the data up to date within {@code repos}'s transaction and gives {@code work} a
     * snapshot of it with {@code meetings}; the snapshot is valid only inside {@code work}.
     */
    synchronized <T> T use(ReportRepository repos, List<RegisterSnapshot.Meeting> meetings,
            Function<RegisterSnapshot, T> work) {
        refresh(repos);
        RegisterSnapshot snapshot = new RegisterSnapshot(Collections.unmodifiableMap(people),
                Collections.unmodifiableMap(cases), Collections.unmodifiableMap(assignments), repos.navigators(),
                Collections.unmodifiableMap(consents), meetings, Collections.unmodifiableMap(partners),
                Collections.unmodifiableMap(goals), repos.unitCap(), Collections.unmodifiableMap(followUps),
                repos.outcomeOrder());
        return work.apply(snapshot);
    }

    /** How many times everything was read; for tests. */
    synchronized long fullReads() {
        return reads;
    }

    private void refresh(ReportRepository repos) {
        if (seq < 0) {
            readEverything(repos);
            return;
        }
        ReportRepository.Changes changes = repos.changesSince(seq);
        if (changes.everything() || changes.participants().size() > MAX_PARTIAL) {
            readEverything(repos);
            return;
        }
        if (!changes.participants().isEmpty()) {
            Set<Long> ids = changes.participants();
            ids.forEach(this::forget);
            put(repos.read(ids));
        }
        seq = changes.upTo();
    }

    private void readEverything(ReportRepository repos) {
        // The point first: a change committed while reading is read now and again next time.
        long latest = repos.latestChange();
        people.clear();
        cases.clear();
        assignments.clear();
        consents.clear();
        partners.clear();
        goals.clear();
        followUps.clear();
        put(repos.readAll());
        seq = latest;
        reads++;
    }

    private void forget(long id) {
        people.remove(id);
        cases.remove(id);
        assignments.remove(id);
        consents.remove(id);
        partners.remove(id);
        goals.remove(id);
        followUps.remove(id);
    }

    private void put(ReportRepository.TallyRows rows) {
        people.putAll(rows.people());
        for (Map.Entry<Long, List<CaseEvent>> e : rows.events().entrySet()) {
            cases.put(e.getKey(), CaseHistory.of(e.getValue()));
        }
        for (Map.Entry<Long, List<Assignment>> e : rows.assignments().entrySet()) {
            assignments.put(e.getKey(), AssignmentHistory.of(e.getValue()));
        }
        consents.putAll(rows.consents());
        partners.putAll(rows.partners());
        goals.putAll(rows.goals());
        followUps.putAll(rows.followUps());
    }
}
