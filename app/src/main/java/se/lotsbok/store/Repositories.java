package se.lotsbok.store;

import org.jooq.DSLContext;
import se.lotsbok.store.participant.ParticipantRepository;
import se.lotsbok.store.settings.SettingsRepository;

/** The repositories bound to one transaction; obtained only through {@link Database#transaction}. */
public final class Repositories {

    private final ParticipantRepository participants;
    private final SettingsRepository settings;

    Repositories(DSLContext tx) {
        this.participants = new ParticipantRepository(tx);
        this.settings = new SettingsRepository(tx);
    }

    public ParticipantRepository participants() {
        return participants;
    }

    public SettingsRepository settings() {
        return settings;
    }
}
