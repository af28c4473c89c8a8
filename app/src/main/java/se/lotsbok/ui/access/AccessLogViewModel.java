package se.lotsbok.ui.access;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.lotsbok.domain.access.AccessLogChain;
import se.lotsbok.domain.access.AccessLogEntry;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.access.AccessLogService;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Tasks;

/** "Åtkomstlogg": the unit head filters the log by user, participant and period, exports it, checks the chain. */
public final class AccessLogViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AccessLogService service;
    private final ParticipantService participants;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final ZoneId zone;
    private final Consumer<Throwable> onError;

    private final ObservableList<UserAccount> users = FXCollections.observableArrayList();
    private final ObservableList<ParticipantSummary> participantChoices = FXCollections.observableArrayList();
    private final ObservableList<AccessLogRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<UserAccount> user = new SimpleObjectProperty<>(this, "user");
    private final ObjectProperty<ParticipantSummary> participant = new SimpleObjectProperty<>(this, "participant");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ReadOnlyObjectWrapper<Feedback> message = new ReadOnlyObjectWrapper<>(this, "message", Feedback.NONE);
    private final AccessLogDetails details;
    private Map<Long, String> names = Map.of();

    public AccessLogViewModel(AccessLogService service, ParticipantService participants, Actor actor, Tasks tasks,
            Texts texts, Clock clock, Consumer<Throwable> onError) {
        this.service = service;
        this.participants = participants;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.zone = clock.getZone();
        this.onError = onError;
        this.details = new AccessLogDetails(texts);
        from.set(LocalDate.now(clock).withDayOfMonth(1));
    }

    /** Reads the choices for the filters, then the log for the current selection. */
    public void load() {
        tasks.run(() -> List.of(service.users(actor), participants.list(actor)), lists -> {
            @SuppressWarnings("unchecked")
            List<UserAccount> accounts = (List<UserAccount>) lists.get(0);
            @SuppressWarnings("unchecked")
            List<ParticipantSummary> people = (List<ParticipantSummary>) lists.get(1);
            users.setAll(accounts);
            participantChoices.setAll(people.stream()
                    .sorted(java.util.Comparator.comparing(ParticipantSummary::lastName,
                            se.lotsbok.domain.common.SwedishText.comparator()))
                    .toList());
            names = people.stream().collect(Collectors.toMap(ParticipantSummary::id, ParticipantSummary::fullName));
            search();
        }, onError);
    }

    public void search() {
        AccessLogQuery query = query();
        tasks.run(() -> service.review(actor, query), entries -> {
            Map<Long, String> userNames = users.stream()
                    .collect(Collectors.toMap(UserAccount::id, UserAccount::displayName));
            rows.setAll(entries.stream().map(e -> row(e, userNames)).toList());
            message.set(Feedback.note(texts.format("accessLog.shown", rows.size())));
        }, onError);
    }

    /** Checks the chain; an intact log also names each restore and what it carried over. */
    public void verify() {
        tasks.run(() -> {
            AccessLogChain.Verification result = service.verify(actor);
            return switch (result) {
                case AccessLogChain.Intact intact -> Feedback.done(java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(texts.format("accessLog.intact", intact.count())),
                        service.restores(actor).stream().map(r -> se.lotsbok.i18n.Messages.restore(texts,
                                r.at().atZone(zone), r.note())))
                        .collect(Collectors.joining("\n")));
                case AccessLogChain.Broken broken ->
                        Feedback.refused(texts.format("accessLog.broken." + broken.problem().name(), broken.seq()));
            };
        }, message::set, onError);
    }

    public void export(Path file) {
        AccessLogQuery query = query();
        tasks.run(() -> service.export(actor, query, file),
                count -> message.set(Feedback.done(texts.format("accessLog.exported", count, file.toAbsolutePath()))),
                onError);
    }

    private AccessLogQuery query() {
        return new AccessLogQuery(
                user.get() == null ? null : user.get().id(),
                participant.get() == null ? null : participant.get().id(),
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant(),
                AccessLogQuery.DEFAULT_LIMIT);
    }

    private AccessLogRow row(AccessLogEntry e, Map<Long, String> userNames) {
        Function<Long, String> participantName = id -> id == null ? ""
                : names.getOrDefault(id, texts.format("accessLog.participantId", id));
        String who = e.userId() == null ? e.username() : userNames.getOrDefault(e.userId(), e.username());
        return new AccessLogRow(e.seq(), TIME.format(e.at().atZone(zone)), who,
                texts.get("accessEvent." + e.event().name()), participantName.apply(e.participantId()),
                details.describe(e.detail()));
    }

    public ObservableList<UserAccount> users() {
        return users;
    }

    public ObservableList<ParticipantSummary> participants() {
        return participantChoices;
    }

    public ObservableList<AccessLogRow> rows() {
        return rows;
    }

    public ObjectProperty<UserAccount> userProperty() {
        return user;
    }

    public ObjectProperty<ParticipantSummary> participantProperty() {
        return participant;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The rows shown, the result of the chain check (red when broken), or the export done. */
    public ReadOnlyObjectProperty<Feedback> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Empties the filters and shows the whole log again. */
    public void clearFilters() {
        user.set(null);
        participant.set(null);
        from.set(null);
        to.set(null);
        search();
    }
}
