package se.lotsbok.service.extract;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import se.lotsbok.domain.extract.ExtractFormat;
import se.lotsbok.domain.extract.ExtractScope;
import se.lotsbok.domain.extract.Redaction;

/**
 * What the enhetschef chose before an extract is made.
 *
 * @param toSubject the extract goes to the person themself; otherwise to {@code recipient}
 * @param recipient who receives it (a guardian, a court, an authority), when not the person themself
 * @param staffAsRoles show the staff in the access log by role (lots, enhetschef) instead of by name
 * @param files where each chosen form is written
 */
public record ExtractRequest(boolean toSubject, String recipient, ExtractScope scope, boolean staffAsRoles,
        Redaction redaction, Map<ExtractFormat, Path> files) {

    public ExtractRequest {
        recipient = recipient == null ? "" : recipient;
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(redaction, "redaction");
        files = files.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(files));
    }

    /** To the person themself, the whole record, nothing withheld, in one form. */
    public static ExtractRequest toSubject(ExtractFormat format, Path file) {
        return new ExtractRequest(true, "", ExtractScope.RECORD, false, Redaction.NONE, Map.of(format, file));
    }
}
