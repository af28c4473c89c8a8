package se.lotsbok.service.participant;

import java.util.Map;
import se.lotsbok.domain.participant.FieldProblem;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.participant.ParticipantField;
import se.lotsbok.domain.participant.ParticipantSummary;

/** What became of a save: saved, or refused for a reason the form can show. Nothing is written unless saved. */
public sealed interface SaveOutcome {

    record Saved(Participant participant) implements SaveOutcome {
    }

    record Invalid(Map<ParticipantField, FieldProblem> problems) implements SaveOutcome {
    }

    /** The identity number already belongs to {@code existing}; the form offers to open it. */
    record DuplicateIdentityNumber(ParticipantSummary existing) implements SaveOutcome {
    }

    /** The user's role does not allow this save; {@code reason} is a message key that says why. */
    record NotAllowed(String reason) implements SaveOutcome {
    }

    /** Someone saved the participant after this form read it; {@code current} is what is stored now. */
    record ChangedByOthers(Participant current) implements SaveOutcome {
    }
}
