package se.lotsbok.service.auth;

import java.time.Instant;

/** What came of a login attempt. */
public sealed interface LoginResult {

    record LoggedIn(Session session) implements LoginResult {
    }

    /** Wrong user name or password (never said which), or an account that is no longer active. */
    record Refused() implements LoginResult {
    }

    /** The right temporary password, after the days it was valid: an administrator must give a new one. */
    record Expired() implements LoginResult {
    }

    /** Too many failed attempts in a row: the account waits until {@code until}. */
    record MustWait(Instant until) implements LoginResult {
    }
}
