package se.lotsbok.service.importing;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the spreadsheet a unit keeps today. Headers are matched case-insensitively, with
 * or without the Swedish letters ({@code kön} and {@code kon} are the same column).
 */
public enum ImportColumn {
    PERSONNUMMER("personnummer", true),
    FORNAMN("förnamn", true),
    EFTERNAMN("efternamn", true),
    KON("kön", false),
    PROGRAM("program", false),
    AKTUALISERAD("aktualiserad", true),
    KALLA("källa", false),
    SAMTYCKE("samtycke", false),
    SAMTYCKE_VARDNADSHAVARE("samtycke_vårdnadshavare", false),
    INSKRIVEN("inskriven", false),
    LOTS("lots", false),
    AVSLUTAD("avslutad", false),
    AVSLUTSORSAK("avslutsorsak", false),
    EJ_INSKRIVEN_ORSAK("ej_inskriven_orsak", false),
    SYSSELSATTNING_INSKRIVNING("sysselsättning_inskrivning", false),
    BOENDE_INSKRIVNING("boende_inskrivning", false),
    MISSBRUK_INSKRIVNING("missbruk_inskrivning", false),
    SYSSELSATTNING_UTSKRIVNING("sysselsättning_utskrivning", false),
    BOENDE_UTSKRIVNING("boende_utskrivning", false),
    MISSBRUK_UTSKRIVNING("missbruk_utskrivning", false);

    private final String header;
    private final boolean required;

    ImportColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    /** The header as the documentation writes it, with Swedish letters. */
    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    /** The column a header names, if any. */
    public static Optional<ImportColumn> of(String header) {
        String folded = fold(header);
        for (ImportColumn column : values()) {
            if (fold(column.header).equals(folded)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** Lower case, trimmed, å/ä→a and ö→o, so that a header or a label matches however it was typed. */
    static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT)
                .replace('å', 'a').replace('ä', 'a').replace('ö', 'o').replace('é', 'e');
    }
}
