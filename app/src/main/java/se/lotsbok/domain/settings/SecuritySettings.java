package se.lotsbok.domain.settings;

/**
 * The unit's security settings, set by the administrator.
 *
 * @param idleLockMinutes minutes without use after which the window locks and asks for the password
 * @param temporaryPasswordDays days a temporary password (new account, reset) opens the register
 */
public record SecuritySettings(int idleLockMinutes, int temporaryPasswordDays) {

    public static final int MIN_IDLE_MINUTES = 1;
    public static final int MAX_IDLE_MINUTES = 240;
    public static final int MIN_TEMPORARY_DAYS = 1;
    public static final int MAX_TEMPORARY_DAYS = 90;
    public static final SecuritySettings DEFAULTS = new SecuritySettings(15, 7);

    public SecuritySettings {
        if (idleLockMinutes < MIN_IDLE_MINUTES || idleLockMinutes > MAX_IDLE_MINUTES) {
            throw new IllegalArgumentException("idle lock minutes " + idleLockMinutes);
        }
        if (temporaryPasswordDays < MIN_TEMPORARY_DAYS || temporaryPasswordDays > MAX_TEMPORARY_DAYS) {
            throw new IllegalArgumentException("temporary password days " + temporaryPasswordDays);
        }
    }
}
