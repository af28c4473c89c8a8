package se.lotsbok.report.combine;

import se.lotsbok.domain.common.Refusal;

/**
 * A file, or the set of files, that cannot be added up: why (a message key under
 * {@code combine.refused.}) and the values the message names, the file's name first.
 */
public final class CombineRefused extends RuntimeException {

    private final transient Refusal refusal;

    public CombineRefused(String reason, Object... args) {
        super(reason);
        this.refusal = new Refusal("combine.refused." + reason, args);
    }

    public Refusal refusal() {
        return refusal;
    }
}
