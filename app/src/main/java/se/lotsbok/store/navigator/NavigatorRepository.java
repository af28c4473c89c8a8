package se.lotsbok.store.navigator;

import static se.lotsbok.store.jooq.Tables.NAVIGATOR;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import se.lotsbok.domain.navigator.NavigatorRef;

/** Navigator (lots) records. */
public final class NavigatorRepository {

    private final DSLContext tx;

    public NavigatorRepository(DSLContext tx) {
        this.tx = tx;
    }

    public List<NavigatorRef> list() {
        return tx.select(NAVIGATOR.ID, NAVIGATOR.NAME).from(NAVIGATOR).fetch(r -> new NavigatorRef(r.value1(), r.value2()));
    }

    public NavigatorRef insert(String name, Instant now) {
        long id = tx.insertInto(NAVIGATOR, NAVIGATOR.NAME, NAVIGATOR.CREATED_AT)
                .values(name, now.atOffset(ZoneOffset.UTC))
                .returningResult(NAVIGATOR.ID)
                .fetchOne()
                .value1();
        return new NavigatorRef(id, name);
    }
}
