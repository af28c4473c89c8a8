package se.lotsbok.service.casepath;

import se.lotsbok.domain.common.Refusal;

/** Recorded (with the case file as it now stands), or refused with the reason; refused means nothing written. */
public sealed interface CaseResult {

    record Done(CaseFile file) implements CaseResult {
    }

    record Refused(Refusal refusal) implements CaseResult {
    }
}
