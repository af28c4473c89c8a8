package se.lotsbok.domain.extract;

/** The forms a register extract is written in: a PDF to read, JSON for a request made electronically. */
public enum ExtractFormat {
    PDF,
    JSON;

    public String extension() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
