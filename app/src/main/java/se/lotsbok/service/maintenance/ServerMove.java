package se.lotsbok.service.maintenance;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import se.lotsbok.domain.access.AccessDenied;
import se.lotsbok.domain.access.AccessPolicy;
import se.lotsbok.domain.access.Action;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.store.Database;
import se.lotsbok.store.common.StoreException;
import se.lotsbok.store.move.RegisterMove;
import se.lotsbok.store.server.ServerAddress;

/**
 * The move to the office server as the window offers it to the administrator of a data folder's
 * register: {@link MoveToServer} for the logged-in user, with every reason it can be refused as one
 * {@link Refused} (the window names no store types).
 */
public final class ServerMove {

    /** Why a move was refused; nothing was changed, in the folder or on the server. */
    public enum Problem {
        /** The password does not open the register for the logged-in user. */
        WRONG_PASSWORD,
        /** The server refused the installer's login or password. */
        INSTALLER_REFUSED,
        /** No server answers at the address, or it has no such database. */
        UNREACHABLE,
        SERVER_NOT_READY,
        SERVER_NOT_EMPTY,
        NO_COMMON_ADMINISTRATOR,
        NOT_ADMINISTRATOR,
        FOLDER_OLDER,
        LOG_BROKEN,
        FOLDER_UNREADABLE
    }

    /** A move refused before anything was written. */
    public static final class Refused extends RuntimeException {
        private final Problem problem;

        Refused(Problem problem, Throwable cause) {
            super("the move to the server was refused: " + problem, cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * What was moved.
     *
     * @param server the address as Lotsbok is started with it from now on
     * @param fingerprint of the server's own signing key, which its exports carry from now on
     */
    public record Moved(String server, int participants, int users, long logEntries, String fingerprint) {
    }

    /** The register's folder; null when the register is on a server already. */
    private final Path folder;
    private final Map<String, String> env;
    private final Clock clock;

    /** @param env PostgreSQL's TLS settings ({@code PGSSLMODE}, …), as every PostgreSQL tool reads them */
    public ServerMove(Database database, Map<String, String> env, Clock clock) {
        this.folder = database.isServer() ? null : database.folder();
        this.env = env;
        this.clock = clock;
    }

    /** Whether the register can be moved from here: it is in a data folder, not on a server already. */
    public boolean possible() {
        return folder != null;
    }

    /** {@code text} as a server address ({@code postgresql://host[:port]/database}), or empty when it is none. */
    public static Optional<String> address(String text) {
        return ServerAddress.parse(text).map(ServerAddress::toString);
    }

    /**
     * Copies the register to the empty, set-up database at {@code address}, connecting there as
     * {@code installer}; {@code password} is the logged-in user's own, checked as a login checks it.
     *
     * @throws IllegalArgumentException when {@code address} is no server address (see {@link #address})
     * @throws Refused when the user, the register or the server is not as required (nothing changed)
     */
    public Moved move(Actor actor, String address, char[] password, String installer, char[] installerPassword) {
        AccessDenied.unless(AccessPolicy.decide(actor, Action.MANAGE_BACKUPS));
        if (folder == null) {
            throw new IllegalStateException("the register is on a server already");
        }
        ServerAddress to = ServerAddress.parse(address)
                .orElseThrow(() -> new IllegalArgumentException("not a server address"));
        try {
            RegisterMove.Moved moved = MoveToServer.move(folder, actor.username(), password, to, installer,
                    installerPassword, env, clock);
            return new Moved(to.toString(), moved.participants(), moved.users(), moved.logEntries(),
                    moved.fingerprint());
        } catch (MoveToServer.LoginRefused e) {
            throw new Refused(Problem.WRONG_PASSWORD, e);
        } catch (RegisterMove.Refused e) {
            throw new Refused(Problem.valueOf(e.problem().name()), e);
        } catch (StoreException.LoginRefused e) {
            throw new Refused(Problem.INSTALLER_REFUSED, e);
        } catch (StoreException.Unreachable e) {
            throw new Refused(Problem.UNREACHABLE, e);
        }
    }
}
