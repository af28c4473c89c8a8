package se.lotsbok;

import java.nio.file.Path;
import java.time.Clock;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.service.settings.SettingsService;
import se.lotsbok.store.Database;
import se.lotsbok.service.AppServices;

/** The composition root: opens the database and builds every service on it, by constructor. */
public final class AppWiring implements AutoCloseable {

    private final Database database;
    private final AppServices services;

    private AppWiring(Database database, Clock clock) {
        this.database = database;
        this.services = new AppServices(new ParticipantService(database, clock), new SettingsService(database), clock);
    }

    /** Opens (creating and migrating if needed) the register in {@code dataFolder}. */
    public static AppWiring open(Path dataFolder, Clock clock) {
        return new AppWiring(Database.open(dataFolder), clock);
    }

    public Database database() {
        return database;
    }

    public AppServices services() {
        return services;
    }

    @Override
    public void close() {
        database.close();
    }
}
