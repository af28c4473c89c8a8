package se.lotsbok.store.navigator;

import static se.lotsbok.store.jooq.Tables.NAVIGATOR;
import static se.lotsbok.store.jooq.Tables.NAVIGATOR_ACTIVITY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.navigator.Navigator;
import se.lotsbok.domain.navigator.NavigatorRef;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.store.access.AccessLogRepository;

/** Navigator (lots) records, their caps and their dated activity. */
public final class NavigatorRepository {

    private final DSLContext tx;
    private final AccessLogRepository log;

    public NavigatorRepository(DSLContext tx, AccessLogRepository log) {
        this.tx = tx;
        this.log = log;
    }

    /** Every navigator by id and name. */
    public List<NavigatorRef> list() {
        return tx.select(NAVIGATOR.ID, NAVIGATOR.NAME).from(NAVIGATOR).orderBy(NAVIGATOR.ID)
                .fetch(r -> new NavigatorRef(r.value1(), r.value2()));
    }

    /** Every navigator with cap and activity history. */
    public List<Navigator> all() {
        Map<Long, List<Navigator.Activity>> activity = tx.selectFrom(NAVIGATOR_ACTIVITY)
                .orderBy(NAVIGATOR_ACTIVITY.EFFECTIVE_DATE, NAVIGATOR_ACTIVITY.ID)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getNavigatorId(), Collectors.mapping(
                        r -> new Navigator.Activity(r.getActive(), r.getEffectiveDate()),
                        Collectors.toCollection(ArrayList::new))));
        return tx.selectFrom(NAVIGATOR).orderBy(NAVIGATOR.ID).fetch(r -> new Navigator(r.getId(), r.getName(),
                r.getCaseloadCap(), activity.getOrDefault(r.getId(), new ArrayList<>())));
    }

    /** A navigator active from {@code from}; made without logging for callers that log themselves. */
    public NavigatorRef insert(String name, Instant now) {
        return insert(null, name, null, LocalDate.ofInstant(now, ZoneOffset.UTC), now);
    }

    public NavigatorRef insert(Actor actor, String name, Integer cap, LocalDate activeFrom, Instant now) {
        long id = tx.insertInto(NAVIGATOR, NAVIGATOR.NAME, NAVIGATOR.CASELOAD_CAP, NAVIGATOR.CREATED_AT)
                .values(name, cap, now.atOffset(ZoneOffset.UTC))
                .returningResult(NAVIGATOR.ID)
                .fetchOne()
                .value1();
        insertActivity(actor, id, true, activeFrom, now);
        if (actor != null) {
            log.append(actor, AccessEvent.NAVIGATOR_CHANGED, null, "created navigator=" + id);
        }
        return new NavigatorRef(id, name);
    }

    public void update(Actor actor, long id, String name, Integer cap) {
        tx.update(NAVIGATOR).set(NAVIGATOR.NAME, name).set(NAVIGATOR.CASELOAD_CAP, cap)
                .where(NAVIGATOR.ID.eq(id)).execute();
        log.append(actor, AccessEvent.NAVIGATOR_CHANGED, null, "changed navigator=" + id);
    }

    public void setActive(Actor actor, long id, boolean active, LocalDate from, Instant now) {
        insertActivity(actor, id, active, from, now);
        log.append(actor, AccessEvent.NAVIGATOR_CHANGED, null, (active ? "active" : "inactive") + " navigator=" + id);
    }

    private void insertActivity(Actor actor, long id, boolean active, LocalDate from, Instant now) {
        tx.insertInto(NAVIGATOR_ACTIVITY)
                .set(NAVIGATOR_ACTIVITY.NAVIGATOR_ID, id)
                .set(NAVIGATOR_ACTIVITY.ACTIVE, active)
                .set(NAVIGATOR_ACTIVITY.EFFECTIVE_DATE, from)
                .set(NAVIGATOR_ACTIVITY.RECORDED_AT, now.atOffset(ZoneOffset.UTC))
                .set(NAVIGATOR_ACTIVITY.RECORDED_BY, actor == null ? 0L : actor.userId())
                .execute();
    }
}
