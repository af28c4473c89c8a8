package se.lotsbok.domain.common;

/**
 * Guards text cells of an exported spreadsheet: a cell that starts with {@code = + - @}, a tab or a
 * carriage return could be run as a formula by Excel, so it gets a leading apostrophe (OWASP,
 * "CSV Injection"). The stored text is never changed, only what is written out.
 */
public final class CsvSafety {

    private CsvSafety() {
    }

    public static String guard(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
