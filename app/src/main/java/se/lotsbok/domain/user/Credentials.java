package se.lotsbok.domain.user;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import se.lotsbok.domain.common.TypedText;

/** Rules for user names and passwords, and how long an account waits after failed logins. */
public final class Credentials {

    /** NIST SP 800-63B and OWASP: length matters more than character classes; no upper limit below 64. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 200;
    /** Failed attempts in a row before the account must wait. */
    public static final int FREE_ATTEMPTS = 5;
    /** The longest user name; the login field takes no more, and the access log holds no more. */
    public static final int MAX_USERNAME_LENGTH = 64;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2," + MAX_USERNAME_LENGTH + "}");

    public enum Problem {
        USERNAME_FORMAT,
        USERNAME_TAKEN,
        DISPLAY_NAME_REQUIRED,
        PASSWORD_TOO_SHORT,
        PASSWORD_TOO_LONG,
        PASSWORD_IS_USERNAME,
        PASSWORDS_DIFFER,
        /** Changing one's own password: what was typed as the current one is not it. */
        CURRENT_PASSWORD_WRONG
    }

    private Credentials() {
    }

    /** User names are compared without case and surrounding spaces. */
    public static String normaliseUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Problem> checkDisplayName(String displayName) {
        String name = TypedText.strip(displayName);
        return name.isEmpty() || name.length() > 200 ? Optional.of(Problem.DISPLAY_NAME_REQUIRED) : Optional.empty();
    }

    public static Optional<Problem> checkUsername(String username) {
        return USERNAME.matcher(normaliseUsername(username)).matches()
                ? Optional.empty() : Optional.of(Problem.USERNAME_FORMAT);
    }

    /** Checks everything typed for a new account; the first problem found, or empty. */
    public static Optional<Problem> checkNewAccount(String username, String displayName, char[] password,
            char[] repeated) {
        return checkUsername(username)
                .or(() -> checkDisplayName(displayName))
                .or(() -> checkNewPassword(username, password, repeated));
    }

    /** Checks a new password and its repetition. */
    public static Optional<Problem> checkNewPassword(String username, char[] password, char[] repeated) {
        if (password.length < MIN_PASSWORD_LENGTH) {
            return Optional.of(Problem.PASSWORD_TOO_SHORT);
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            return Optional.of(Problem.PASSWORD_TOO_LONG);
        }
        if (new String(password).strip().equalsIgnoreCase(normaliseUsername(username))) {
            return Optional.of(Problem.PASSWORD_IS_USERNAME);
        }
        if (!Arrays.equals(password, repeated)) {
            return Optional.of(Problem.PASSWORDS_DIFFER);
        }
        return Optional.empty();
    }

    /**
     * How long to wait before the next attempt after {@code failuresInARow} failed ones: nothing for
     * the first {@value #FREE_ATTEMPTS}, then 30 s, doubling with each further failure up to 15 min.
     */
    public static Duration waitAfter(int failuresInARow) {
        if (failuresInARow < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failuresInARow - FREE_ATTEMPTS, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
