package se.lotsbok.service.user;

/** Gives a user a password that opens the register, or takes it away. Bound to an open session's key. */
public interface UserKeys {

    void setPassword(String username, char[] password);

    void remove(String username);
}
