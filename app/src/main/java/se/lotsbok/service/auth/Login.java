package se.lotsbok.service.auth;

import java.nio.file.Path;

/**
 * Logging in to one register: a data folder ({@link AuthService}) or an office server
 * ({@link ServerLogin}). The window and the commands use this and never know which.
 */
public interface Login {

    /** Where the register is, as a user names it: the data folder or the server's address. */
    String location();

    /** Whether the register is on an office server rather than in a data folder. */
    default boolean isServer() {
        return false;
    }

    /**
     * The data folder on this computer: the register's own, or, for an office server, the user's
     * folder, which holds only the log files.
     */
    Path folder();

    /**
     * False when there is certainly no user yet (a first start in a data folder), decided without
     * reading a file, so that the login window can ask before its first frame.
     */
    default boolean mayHaveUsers() {
        return true;
    }

    /** Loads what a login runs, in the background while the login window waits; touches no register. */
    default void warmUp() {
    }

    /** True on first start of a register in a data folder: the first user to be created is its administrator. */
    boolean needsFirstAdministrator();

    /** Creates the register with its first administrator and logs them in (a data folder only). */
    AuthService.FirstAdministrator createFirstAdministrator(String username, String displayName, char[] password,
            char[] repeated);

    /** Checks the password, opens the register and logs the user in. */
    LoginResult login(String username, char[] password);
}
