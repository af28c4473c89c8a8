package se.lotsbok.domain.participant;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import se.lotsbok.domain.common.DateLimits;
import se.lotsbok.domain.common.TypedText;

/** Turns what was typed into {@link ParticipantData}, or says per field what is wrong. */
public final class ParticipantValidator {

    private static final LocalDate EARLIEST_BIRTH_DATE = DateLimits.EARLIEST;
    private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Either valid data or the problems found, one per field at most. */
    public sealed interface Result {
    }

    public record Valid(ParticipantData data) implements Result {
    }

    public record Invalid(Map<ParticipantField, FieldProblem> problems) implements Result {
        public Invalid {
            problems = Map.copyOf(problems);
        }
    }

    private ParticipantValidator() {
    }

    public static Result validate(ParticipantInput input, LocalDate today) {
        Map<ParticipantField, FieldProblem> problems = new EnumMap<>(ParticipantField.class);
        String firstName = requiredText(input.firstName(), ParticipantField.FIRST_NAME, problems);
        String lastName = requiredText(input.lastName(), ParticipantField.LAST_NAME, problems);
        String phone = optionalText(input.phone(), ParticipantField.PHONE, problems);
        if (!problems.containsKey(ParticipantField.PHONE) && !PHONE.matcher(phone).matches()) {
            problems.put(ParticipantField.PHONE, FieldProblem.PHONE_FORMAT);
        }
        String address = optionalText(input.address(), ParticipantField.ADDRESS, problems);
        String comment = optionalText(input.comment(), ParticipantField.COMMENT, problems);
        if (input.gender() == null) {
            problems.put(ParticipantField.GENDER, FieldProblem.REQUIRED);
        }
        if (input.programme() == null) {
            problems.put(ParticipantField.PROGRAMME, FieldProblem.REQUIRED);
        }

        PersonalIdentityNumber identityNumber = null;
        LocalDate birthDate = null;
        if (input.withoutIdentityNumber()) {
            birthDate = birthDate(input.birthDateText(), today, problems);
        } else {
            String text = trimmed(input.identityNumberText());
            if (text.isEmpty()) {
                problems.put(ParticipantField.IDENTITY_NUMBER, FieldProblem.REQUIRED);
            } else {
                try {
                    identityNumber = PersonalIdentityNumber.parse(text, today);
                    birthDate = identityNumber.birthDate();
                } catch (PersonalIdentityNumber.InvalidException e) {
                    problems.put(ParticipantField.IDENTITY_NUMBER, FieldProblem.of(e.problem()));
                }
            }
        }

        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        return new Valid(new ParticipantData(firstName, lastName, identityNumber, birthDate,
                input.gender(), input.programme(), phone, address, comment));
    }

    /** A warning when the age on {@code onDate} lies outside {@code band}, the unit's band for the programme. */
    public static Optional<AgeWarning> ageWarning(
            LocalDate birthDate, Programme programme, AgeBand band, LocalDate onDate) {
        int age = AgeBand.ageOn(birthDate, onDate);
        return band.contains(age) ? Optional.empty() : Optional.of(new AgeWarning(programme, age, band));
    }

    /** Reads a date typed as {@code ÅÅÅÅ-MM-DD} or {@code ÅÅÅÅMMDD}; empty when it is neither. */
    public static Optional<LocalDate> parseDate(String text) {
        String t = trimmed(text);
        for (DateTimeFormatter format : new DateTimeFormatter[] {ISO, COMPACT}) {
            try {
                return Optional.of(LocalDate.parse(t, format));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static LocalDate birthDate(String text, LocalDate today, Map<ParticipantField, FieldProblem> problems) {
        if (trimmed(text).isEmpty()) {
            problems.put(ParticipantField.BIRTH_DATE, FieldProblem.REQUIRED);
            return null;
        }
        Optional<LocalDate> date = parseDate(text);
        if (date.isEmpty()) {
            problems.put(ParticipantField.BIRTH_DATE, FieldProblem.DATE_FORMAT);
        } else if (date.get().isAfter(today)) {
            problems.put(ParticipantField.BIRTH_DATE, FieldProblem.DATE_FUTURE);
        } else if (date.get().isBefore(EARLIEST_BIRTH_DATE)) {
            problems.put(ParticipantField.BIRTH_DATE, FieldProblem.DATE_TOO_EARLY);
        } else {
            return date.get();
        }
        return null;
    }

    private static String requiredText(String text, ParticipantField field, Map<ParticipantField, FieldProblem> problems) {
        String value = optionalText(text, field, problems);
        if (value.isEmpty() && !problems.containsKey(field)) {
            problems.put(field, FieldProblem.REQUIRED);
        }
        return value;
    }

    private static String optionalText(String text, ParticipantField field, Map<ParticipantField, FieldProblem> problems) {
        String value = trimmed(text);
        if (value.length() > field.maxLength()) {
            problems.put(field, FieldProblem.TOO_LONG);
        } else if (CONTROL.matcher(value).find()) {
            problems.put(field, FieldProblem.CONTROL_CHARACTERS);
        }
        return value;
    }

    private static String trimmed(String text) {
        return TypedText.strip(text);
    }
}
