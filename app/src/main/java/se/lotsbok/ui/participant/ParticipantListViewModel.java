package se.lotsbok.ui.participant;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.common.SwedishText;
import se.lotsbok.domain.participant.ParticipantSearch;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.ui.common.Tasks;

/** The register list: every participant in Swedish order, filtered as the user types. */
public final class ParticipantListViewModel {

    private final ParticipantService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Consumer<Throwable> onError;

    private final ObservableList<ParticipantRow> all = FXCollections.observableArrayList();
    private final FilteredList<ParticipantRow> shown = new FilteredList<>(all);
    private final ObservableList<ParticipantRow> readOnlyShown = FXCollections.unmodifiableObservableList(shown);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    public ParticipantListViewModel(ParticipantService service, Actor actor, Tasks tasks, Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.onError = onError;
        query.addListener((obs, old, text) -> applyFilter(text));
        shownCount.bind(javafx.beans.binding.Bindings.size(shown));
        totalCount.bind(javafx.beans.binding.Bindings.size(all));
    }

    /** Reads the register again, keeping the current query. */
    public void reload() {
        loading.set(true);
        LocalDate today = service.today();
        tasks.run(() -> toRows(service.list(actor), today), rows -> {
            all.setAll(rows);
            loading.set(false);
        }, e -> {
            loading.set(false);
            onError.accept(e);
        });
    }

    /** Replaces the rows directly; for benchmarks and callers that already hold summaries. */
    public void setSummaries(List<ParticipantSummary> summaries) {
        all.setAll(toRows(summaries, service.today()));
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

    private void applyFilter(String text) {
        Predicate<String> matches = ParticipantSearch.matcher(text);
        shown.setPredicate(row -> matches.test(row.searchKey()));
    }

    static List<ParticipantRow> toRows(List<ParticipantSummary> summaries, LocalDate today) {
        Collator collator = SwedishText.collator();
        return summaries.stream()
                .map(s -> ParticipantRow.of(s, collator, today))
                .sorted(Comparator.comparing(ParticipantRow::sortKey).thenComparingLong(ParticipantRow::id))
                .toList();
    }
}
