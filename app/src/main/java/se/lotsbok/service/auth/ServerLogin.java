package se.lotsbok.service.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.user.Credentials;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.service.ServicesFactory;
import se.lotsbok.service.user.UserKeys;
import se.lotsbok.store.Database;
import se.lotsbok.store.common.StoreException;
import se.lotsbok.store.server.ServerAddress;
import se.lotsbok.store.server.ServerConnections;

/**
 * Logging in to a register on a PostgreSQL office server: each Lotsbok user is a login of the server
 * (SCRAM-SHA-256), and the server checks the password. Failed attempts are the server's to count and
 * log (its own log, and {@code auth_delay}); a deactivated user's login may no longer log in.
 */
public final class ServerLogin implements Login {

    private final ServerAddress server;
    private final Map<String, String> env;
    private final Clock clock;
    private final ServicesFactory services;
    private final Path localFolder;

    /**
     * @param env where PostgreSQL's TLS settings ({@code PGSSLMODE}, …) are read
     * @param localFolder the user's data folder on this computer, where the log files are kept
     */
    public ServerLogin(ServerAddress server, Map<String, String> env, Clock clock, ServicesFactory services,
            Path localFolder) {
        this.server = server;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.services = services;
        this.localFolder = localFolder;
    }

    @Override
    public String location() {
        return server.toString();
    }

    @Override
    public boolean isServer() {
        return true;
    }

    @Override
    public Path folder() {
        return localFolder;
    }

    /** A server's first administrator is made by {@code server-init}, never by a login. */
    @Override
    public boolean needsFirstAdministrator() {
        return false;
    }

    @Override
    public AuthService.FirstAdministrator createFirstAdministrator(String username, String displayName, char[] password,
            char[] repeated) {
        throw new IllegalStateException("a server's first administrator is made by server-init");
    }

    @Override
    public LoginResult login(String username, char[] password) {
        String name = Credentials.normaliseUsername(username);
        if (Credentials.checkUsername(name).isPresent()) {
            return new LoginResult.Refused();
        }
        Database database;
        try {
            database = Database.connect(server, server.loginOf(name), password, env, clock);
        } catch (StoreException.LoginRefused e) {
            return new LoginResult.Refused();
        } catch (StoreException.TooNew e) {
            throw new RegisterUnavailable(RegisterUnavailable.Reason.TOO_NEW, e.fileVersion(), e);
        } catch (StoreException.ServerNotReady e) {
            throw new RegisterUnavailable(RegisterUnavailable.Reason.SERVER_NOT_READY, "", e);
        } catch (StoreException e) {
            throw new RegisterUnavailable(RegisterUnavailable.Reason.CANNOT_OPEN, "", e);
        }
        try {
            Optional<UserAccount> user = database.transaction(repos -> {
                Optional<UserAccount> account = repos.users().currentOnServer();
                account.ifPresent(a -> {
                    repos.accessLog().append(a.asActor(), AccessEvent.LOGIN, null, "");
                    // The stadssamordnare reads nothing of the register, its changes included.
                    if (a.roles().stream().anyMatch(Role.unitRoles()::contains)) {
                        repos.reports().pruneChanges();
                    }
                });
                return account;
            });
            if (user.isEmpty()) {
                database.close();
                return new LoginResult.Refused();
            }
            UserKeys keys = keys(database);
            return new LoginResult.LoggedIn(new Session(user.get().asActor(), database, services.create(database, keys),
                    localFolder, new Session.Keys() {
                        @Override
                        public void setOwnPassword(String own, char[] newPassword) {
                            keys.setPassword(own, newPassword, null);
                        }

                        @Override
                        public Session.PasswordCheck check(String own, char[] typed) {
                            return keys.checkPassword(own, typed) ? new Session.Right() : new Session.Wrong();
                        }

                        @Override
                        public void changeIfDue() {
                            // The server's files are the server's: it has no key of Lotsbok's to change.
                        }

                        @Override
                        public void forget() {
                            // Nothing is held: the server keeps the password.
                        }
                    }, user.get().mustChangePassword()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Passwords are the server's logins'; a deactivated user's login is closed by the database itself,
     * and the server's files have no key of Lotsbok's to change.
     */
    private UserKeys keys(Database database) {
        return new UserKeys() {
            @Override
            public void setPassword(String username, char[] password, java.time.Instant temporaryUntil) {
                database.transaction(repos -> {
                    repos.users().setLoginPassword(username, password);
                    return null;
                });
            }

            @Override
            public void remove(String username) {
                // The database made the login NOLOGIN when the account was deactivated.
            }

            @Override
            public boolean checkPassword(String username, char[] password) {
                // As a login does: the server itself says whether the password opens the user's login.
                // One connection is enough for that; the session's own pool stays as it is.
                return ServerConnections.accepts(server, server.loginOf(username), password, env);
            }

            @Override
            public List<byte[]> earlierKeys() {
                return List.of();
            }

            @Override
            public boolean holdsTheRegistersKey() {
                return false;
            }

            @Override
            public KeyChange changeKey() {
                return new KeyChange(false, List.of());
            }
        };
    }
}
