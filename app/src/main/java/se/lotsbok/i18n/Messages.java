package se.lotsbok.i18n;

import java.time.LocalDate;
import java.util.List;
import se.lotsbok.domain.common.Refusal;

/**
 * Turns coded values and refusals into the user's words, for the screens and the command line alike:
 * an enum argument becomes its label ({@code enum.CaseStatus.REFERRED}), a date its ISO form, and a
 * refusal inside a refusal its own sentence.
 */
public final class Messages {

    private Messages() {
    }

    /** The bundle key of a coded value: {@code enum.} + its type (outer types too) + {@code .} + its name. */
    public static String key(Enum<?> value) {
        String type = value.getDeclaringClass().getName();
        type = type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
        return "enum." + type + "." + value.name();
    }

    public static String label(Texts texts, Enum<?> value) {
        return value == null ? "" : texts.get(key(value));
    }

    /** A refusal (or any message with arguments) as the user reads it. */
    public static String text(Texts texts, Refusal message) {
        List<Object> args = message.args().stream()
                .map(a -> switch (a) {
                    case Enum<?> e -> (Object) label(texts, e);
                    case LocalDate d -> d.toString();
                    case Refusal inner -> text(texts, inner);
                    default -> a;
                })
                .toList();
        return texts.format(message.reason(), args.toArray());
    }

    /** What a restore did to the register and its log, for the log check in the window and on the command line. */
    public static String restore(Texts texts, java.time.ZonedDateTime at, se.lotsbok.domain.access.RestoreNote note) {
        String when = at.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        return note.carried() == 0
                ? texts.format("accessLog.restored.none", when, note.backup(), note.safetyBackup())
                : texts.format("accessLog.restored", when, note.backup(), note.carried(), Long.toString(note.carriedFrom()),
                        Long.toString(note.carriedTo()), Long.toString(note.carriedAs()),
                        Long.toString(note.carriedAs() + note.carried() - 1), note.safetyBackup());
    }
}
