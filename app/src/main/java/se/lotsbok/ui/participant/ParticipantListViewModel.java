package se.lotsbok.ui.participant;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.common.SwedishText;
import se.lotsbok.domain.participant.ParticipantSearch;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.service.casepath.CaseService;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.ui.common.Tasks;

/** The register list: every participant in Swedish order, filtered as the user types. */
public final class ParticipantListViewModel {

    private final ParticipantService service;
    private final CaseService cases;
    private final NavigatorService navigators;
    private final Actor actor;
    private final Tasks tasks;
    private final Consumer<Throwable> onError;

    private final ObservableList<ParticipantRow> all = FXCollections.observableArrayList();
    private final FilteredList<ParticipantRow> shown = new FilteredList<>(all);
    private final ObservableList<ParticipantRow> readOnlyShown = FXCollections.unmodifiableObservableList(shown);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final BooleanProperty onlyConsentAlerts = new SimpleBooleanProperty(this, "onlyConsentAlerts");
    private final ReadOnlyIntegerWrapper consentAlerts = new ReadOnlyIntegerWrapper(this, "consentAlerts");
    private final BooleanProperty onlyMine = new SimpleBooleanProperty(this, "onlyMine");
    private Set<Long> mine = Set.of();
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    public ParticipantListViewModel(ParticipantService service, CaseService cases, NavigatorService navigators,
            Actor actor, Tasks tasks, Consumer<Throwable> onError) {
        this.service = service;
        this.cases = cases;
        this.navigators = navigators;
        this.actor = actor;
        this.tasks = tasks;
        this.onError = onError;
        query.addListener((obs, old, text) -> applyFilter());
        onlyConsentAlerts.addListener((obs, old, only) -> applyFilter());
        onlyMine.addListener((obs, old, only) -> applyFilter());
        shownCount.bind(javafx.beans.binding.Bindings.size(shown));
        totalCount.bind(javafx.beans.binding.Bindings.size(all));
    }

    /** Reads the register again, keeping the current query. */
    public void reload() {
        loading.set(true);
        LocalDate today = service.today();
        tasks.run(() -> new Loaded(toRows(service.list(actor), cases.overview(actor), today),
                navigators.myParticipants(actor)), loaded -> {
            List<ParticipantRow> rows = loaded.rows();
            mine = loaded.mine();
            applyFilter();
            all.setAll(rows);
            consentAlerts.set((int) rows.stream().filter(r -> r.consentAlert() != null).count());
            loading.set(false);
        }, e -> {
            loading.set(false);
            onError.accept(e);
        });
    }

    private record Loaded(List<ParticipantRow> rows, Set<Long> mine) {
    }

    /** Shows only "Mina deltagare": the participants whose navigator today is the user's own record. */
    public BooleanProperty onlyMineProperty() {
        return onlyMine;
    }

    /** Whether the user is linked to a navigator record, so that "Mina deltagare" means something. */
    public boolean hasOwnParticipants() {
        return actor.navigatorId() != null;
    }

    /** Replaces the rows directly; for benchmarks and callers that already hold summaries. */
    public void setSummaries(List<ParticipantSummary> summaries) {
        all.setAll(toRows(summaries, Map.of(), service.today()));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<ParticipantRow> rows() {
        return readOnlyShown;
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Shows only participants whose consent needs attention (ending within 30 days, expired, withdrawn). */
    public BooleanProperty onlyConsentAlertsProperty() {
        return onlyConsentAlerts;
    }

    /** How many participants' consents need attention. */
    public ReadOnlyIntegerProperty consentAlertsProperty() {
        return consentAlerts.getReadOnlyProperty();
    }

    private void applyFilter() {
        Predicate<String> matches = ParticipantSearch.matcher(query.get());
        boolean alertsOnly = onlyConsentAlerts.get();
        boolean mineOnly = onlyMine.get();
        Set<Long> own = mine;
        shown.setPredicate(row -> matches.test(row.searchKey()) && (!alertsOnly || row.consentAlert() != null)
                && (!mineOnly || own.contains(row.id())));
    }

    static List<ParticipantRow> toRows(List<ParticipantSummary> summaries, Map<Long, CaseService.Overview> overview,
            LocalDate today) {
        Collator collator = SwedishText.collator();
        return summaries.stream()
                .map(s -> {
                    CaseService.Overview line = overview.get(s.id());
                    return ParticipantRow.of(s, collator, today, line == null ? null : line.status(),
                            line == null ? null : line.consentAlert());
                })
                .sorted(Comparator.comparing(ParticipantRow::sortKey).thenComparingLong(ParticipantRow::id))
                .toList();
    }
}
