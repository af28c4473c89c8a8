package se.lotsbok.domain.participant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One field of a participant that differs between two versions, as the form shows them: what the
 * form was opened with and what is stored now. Enum values are given as they are; the form turns
 * them into words.
 */
public record ParticipantChange(ParticipantField field, Object before, Object after) {

    /** The fields that differ between {@code before} and {@code after}, in the form's order. */
    public static List<ParticipantChange> between(ParticipantInput before, ParticipantInput after) {
        List<ParticipantChange> changes = new ArrayList<>();
        add(changes, ParticipantField.FIRST_NAME, before.firstName(), after.firstName());
        add(changes, ParticipantField.LAST_NAME, before.lastName(), after.lastName());
        add(changes, ParticipantField.IDENTITY_NUMBER, before.identityNumberText(), after.identityNumberText());
        add(changes, ParticipantField.BIRTH_DATE, before.birthDateText(), after.birthDateText());
        add(changes, ParticipantField.GENDER, before.gender(), after.gender());
        add(changes, ParticipantField.PROGRAMME, before.programme(), after.programme());
        add(changes, ParticipantField.PHONE, before.phone(), after.phone());
        add(changes, ParticipantField.ADDRESS, before.address(), after.address());
        add(changes, ParticipantField.COMMENT, before.comment(), after.comment());
        return changes;
    }

    private static void add(List<ParticipantChange> changes, ParticipantField field, Object before, Object after) {
        Object b = before instanceof String s ? s.strip() : before;
        Object a = after instanceof String s ? s.strip() : after;
        if (b instanceof String s && s.isEmpty()) {
            b = null;
        }
        if (a instanceof String s && s.isEmpty()) {
            a = null;
        }
        if (!Objects.equals(b, a)) {
            changes.add(new ParticipantChange(field, b, a));
        }
    }
}
