package se.lotsbok.service.auth;

/**
 * Logging in to one register: a data folder ({@link AuthService}) or an office server
 * ({@link ServerLogin}). The window and the commands use this and never know which.
 */
public interface Login {

    /** Where the register is, as a user names it: the data folder or the server's address. */
    String location();

    /** True on first start of a register in a data folder: the first user to be created is its administrator. */
    boolean needsFirstAdministrator();

    /** Creates the register with its first administrator and logs them in (a data folder only). */
    AuthService.FirstAdministrator createFirstAdministrator(String username, String displayName, char[] password,
            char[] repeated);

    /** Checks the password, opens the register and logs the user in. */
    LoginResult login(String username, char[] password);
}
