package se.lotsbok.service.user;

import java.time.Instant;
import java.util.List;

/**
 * Gives a user a password that opens the register, or takes it away, and changes the register's key.
 * Bound to an open session's key.
 */
public interface UserKeys {

    /**
     * Gives {@code username} a new key pair under {@code password}; a password they had before opens
     * nothing from now on. With {@code temporaryUntil}, the password opens nothing after that moment.
     */
    void setPassword(String username, char[] password, Instant temporaryUntil);

    /** Takes away {@code username}'s password: it no longer opens this register's key file. */
    void remove(String username);

    /** Whether {@code username}'s password is still the temporary one an administrator gave, and until when. */
    boolean checkPassword(String username, char[] password);

    /** The register's earlier keys, newest first: what backups from before a key change are encrypted with. */
    List<byte[]> earlierKeys();

    /**
     * Encrypts the register anew under a new random key and gives it to the remaining users, so that
     * no old copy of the key file (in a backup, or kept by someone who left) opens the register as it
     * is now. Needs the register to itself: when another program has it open, the change is made at
     * the next login or logout when it has.
     */
    KeyChange changeKey();

    /**
     * Whether the register is a file encrypted with a key its users hold (a data folder), so that the
     * key can be changed; an office server's files are the server's, and its logins its own.
     */
    default boolean holdsTheRegistersKey() {
        return true;
    }

    /**
     * What came of a key change: made now, or due (another program had the register open). {@code leftOut}
     * are users whose entries, from before key pairs, could not be given the new key: they need a new
     * password from an administrator.
     */
    record KeyChange(boolean changed, List<String> leftOut) {
    }
}
