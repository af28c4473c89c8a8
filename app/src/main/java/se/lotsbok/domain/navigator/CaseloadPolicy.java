package se.lotsbok.domain.navigator;

/**
 * The caseload cap: assigning beyond it is allowed only after the user confirms; it is never
 * silently refused and never silently allowed.
 */
public final class CaseloadPolicy {

    private CaseloadPolicy() {
    }

    public enum Outcome {
        /** Within the cap. */
        WITHIN_CAP,
        /** The assignment would take the navigator over the cap: ask first. */
        NEEDS_CONFIRMATION
    }

    /** @param caseloadBefore the navigator's caseload before the assignment */
    public static Outcome check(int caseloadBefore, int cap) {
        return caseloadBefore + 1 > cap ? Outcome.NEEDS_CONFIRMATION : Outcome.WITHIN_CAP;
    }

    public static boolean overCap(int caseload, int cap) {
        return caseload > cap;
    }
}
