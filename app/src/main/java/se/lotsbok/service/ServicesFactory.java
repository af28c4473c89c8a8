package se.lotsbok.service;

import se.lotsbok.service.user.UserKeys;
import se.lotsbok.store.Database;

/** Builds a session's services on its open database; supplied by the composition root. */
@FunctionalInterface
public interface ServicesFactory {

    AppServices create(Database database, UserKeys keys);
}
