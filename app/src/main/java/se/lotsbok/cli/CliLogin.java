package se.lotsbok.cli;

import java.io.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.AuthService;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.auth.Login;
import se.lotsbok.store.server.ServerAddress;

/**
 * Logs a command in without a person at a window: the user name and password come from
 * {@code LOTSBOK_USER} and {@code LOTSBOK_PASSWORD}, or, at a terminal, from a prompt. Without a
 * terminal nothing is ever asked. On a folder with no register yet, the first command creates it
 * with that user as the first administrator, holding every role.
 */
final class CliLogin {

    static final String USER_VARIABLE = "LOTSBOK_USER";
    static final String PASSWORD_VARIABLE = "LOTSBOK_PASSWORD";

    /** A login that did not happen; the message is shown as it is and the status returned. */
    static final class Failed extends Exception {
        private final int status;

        Failed(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final Map<String, String> env;
    private final Console console;
    private final Texts texts;
    private final Function<Path, AuthService> auth;
    private final Function<ServerAddress, Login> server;
    private final Clock clock;

    CliLogin(Map<String, String> env, Console console, Texts texts, Function<Path, AuthService> auth,
            Function<ServerAddress, Login> server, Clock clock) {
        this.env = env;
        this.console = console;
        this.texts = texts;
        this.auth = auth;
        this.server = server;
        this.clock = clock;
    }

    /** Logs in to the register on an office server; its first administrator is made by {@code server-init}. */
    Session login(ServerAddress address) throws Failed {
        Credentials given = credentials();
        return loggedIn(server.apply(address).login(given.username(), given.password()));
    }

    /** A new password from {@code LOTSBOK_PASSWORD}, or typed twice at a terminal. */
    char[] newPassword() throws Failed {
        String password = env.get(PASSWORD_VARIABLE);
        if (password != null) {
            return password.toCharArray();
        }
        if (console == null) {
            throw new Failed(Cli.USAGE, texts.format("cli.error.noPassword", PASSWORD_VARIABLE));
        }
        char[] typed = console.readPassword("%s", texts.get("cli.prompt.password"));
        char[] again = console.readPassword("%s", texts.get("cli.prompt.passwordAgain"));
        if (!java.util.Arrays.equals(typed, again)) {
            throw new Failed(Cli.USAGE, texts.get("credentials.PASSWORDS_DIFFER"));
        }
        return typed;
    }

    Session login(Path folder) throws Failed {
        Credentials given = credentials();
        AuthService service = auth.apply(folder);
        if (service.needsFirstAdministrator()) {
            return switch (service.createFirstAdministrator(given.username(), given.username(), given.password(),
                    given.password())) {
                case AuthService.Created created -> created.session();
                case AuthService.Rejected rejected -> throw new Failed(Cli.USAGE,
                        texts.get("cli.error.firstAdministrator") + " " + texts.get("credentials." + rejected.problem().name()));
            };
        }
        return loggedIn(service.login(given.username(), given.password()));
    }

    /** Rebuilds the register in {@code folder} from {@code script} and logs its administrator in. */
    Session restore(Path folder, Path script) throws Failed {
        Credentials given = credentials();
        return loggedIn(auth.apply(folder).restoreFromScript(given.username(), given.password(), script));
    }

    private record Credentials(String username, char[] password) {
    }

    /** A user name and password as given, for a command that checks them itself. */
    record Given(String username, char[] password) {
    }

    Given given() throws Failed {
        Credentials given = credentials();
        return new Given(given.username(), given.password());
    }

    private Credentials credentials() throws Failed {
        String username = env.get(USER_VARIABLE);
        String password = env.get(PASSWORD_VARIABLE);
        if (username == null || username.isBlank()) {
            if (console == null) {
                throw new Failed(Cli.USAGE, texts.format("cli.error.noCredentials", USER_VARIABLE, PASSWORD_VARIABLE));
            }
            username = console.readLine("%s", texts.get("cli.prompt.user"));
        }
        char[] secret;
        if (password != null) {
            secret = password.toCharArray();
        } else if (console != null) {
            secret = console.readPassword("%s", texts.get("cli.prompt.password"));
        } else {
            throw new Failed(Cli.USAGE, texts.format("cli.error.noCredentials", USER_VARIABLE, PASSWORD_VARIABLE));
        }
        return new Credentials(username, secret);
    }

    private Session loggedIn(LoginResult result) throws Failed {
        return switch (result) {
            case LoginResult.LoggedIn loggedIn when loggedIn.session().mustChangePassword() -> {
                loggedIn.session().close();
                throw new Failed(Cli.FAILED, texts.get("cli.error.mustChangePassword"));
            }
            case LoginResult.LoggedIn loggedIn -> loggedIn.session();
            case LoginResult.Refused refused -> throw new Failed(Cli.FAILED, texts.get("login.refused"));
            case LoginResult.Expired expired -> throw new Failed(Cli.FAILED, texts.get("login.expired"));
            case LoginResult.MustWait wait -> throw new Failed(Cli.FAILED, texts.format("login.mustWait",
                    Math.max(1, Duration.between(clock.instant(), wait.until()).toSeconds())));
        };
    }
}
