package se.lotsbok.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.lotsbok.i18n.Texts;

/** The access log's coded details, as the program writes them, read in Swedish. */
class AccessLogDetailsTest {

    private final AccessLogDetails details = new AccessLogDetails(Texts.swedish());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rows=5|5 rader",
        "dashboard 2026-11|översikt 2026-11",
        "month 2026-10|månadsrapport 2026-10",
        "participant list, rows=12|deltagarlista med namn och personnummer, 12 rader",
        "caseload rows=3|lotsarnas arbetsbelastning 3 rader",
        "waiting list rows=2|väntelistan 2 rader",
        "created navigator=4|skapad lots nr 4",
        "inactive navigator=4|inaktiv lots nr 4",
        "navigator=- from=2026-11-25|ingen lots från 2026-11-25",
        "REFERRED|Aktualiserad",
        "add POLICE|tillagd Polis",
        "goal=7 MET|mål nr 7 Uppnått",
        "WRITE_CASE_RECORDS|skriva i ärendet",
        "user=* participant=12 from=* until=*|alla användare deltagare nr 12",
        "intact rows=40|hel 40 rader",
        "broken CHANGED at=17|ändrad ändrad rad vid rad 17",
        "2026-10 csv, suppressed up to 2|2026-10 CSV, små tal dolda upp till 2",
        "automatic lotsbok-2026-11-25-093000.zip|automatisk lotsbok-2026-11-25-093000.zip",
        "first administrator|första administratören",
        "rows=10, new=3, writes=25|10 rader, 3 nya, 25 ändringar",
    })
    void eachCodeIsShownInWords(String detail, String shown) {
        assertThat(details.describe(detail)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''|''", "Fel deltagare|Fel deltagare"})
    void emptyOrFreeTextIsShownAsItIs(String detail, String shown) {
        assertThat(details.describe(detail)).isEqualTo(shown);
    }
}
