package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.UnitRegister;
import se.lotsbok.ui.access.AccessLogRow;
import se.lotsbok.ui.access.AccessLogViewModel;
import se.lotsbok.ui.common.Feedback;
import se.lotsbok.ui.common.Tasks;

/** "Åtkomstlogg" without a window: filters, the rows in Swedish, the chain check and the export. */
class AccessLogViewModelTest {

    @TempDir
    Path temp;

    private UnitRegister unit;
    private Session chef;
    private AccessLogViewModel log;
    private final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        unit = UnitRegister.create(TestDatabases.folder(temp));
        chef = unit.session();
        log = new AccessLogViewModel(chef.services().accessLog(), chef.services().participants(), chef.actor(),
                Tasks.immediate(), Texts.swedish(), TestDatabases.CLOCK, errors::add);
        log.load();
    }

    @AfterEach
    void close() {
        chef.close();
    }

    @Test
    void theLogIsShownInSwedishWithoutItsCodes() {
        assertThat(log.rows()).isNotEmpty();
        assertThat(log.rows()).extracting(AccessLogRow::event).doesNotContainNull()
                .noneMatch(event -> event.matches(".*[A-Z]{3,}.*"));
        assertThat(log.rows()).extracting(AccessLogRow::detail)
                .noneMatch(detail -> detail.contains("rows=") || detail.contains("dashboard")
                        || detail.matches(".*\\b[A-Z_]{4,}\\b.*"));
        assertThat(log.messageProperty().get().kind()).isEqualTo(Feedback.Kind.NOTE);
        assertThat(errors).isEmpty();
    }

    @Test
    void aListShownInTheWindowIsNotCalledAnExportOfTheParticipantList() {
        chef.services().participants().list(chef.actor());
        log.search();
        AccessLogRow list = log.rows().stream().filter(r -> r.event().equals("Lista visad i programmet")).findFirst()
                .orElseThrow();
        assertThat(list.detail()).endsWith("rader").doesNotContain("deltagarlista");
    }

    @Test
    void filteringByParticipantShowsOnlyTheirRowsAndClearingShowsAllAgain() {
        int all = log.rows().size();
        log.participantProperty().set(log.participants().stream().filter(p -> p.id() == unit.minor).findFirst()
                .orElseThrow());
        log.search();
        assertThat(log.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.participant()).isEqualTo("Elin Åkesson"));

        log.clearFilters();
        assertThat(log.rows().size()).isGreaterThan(all - 1);
        assertThat(log.participantProperty().get()).isNull();
    }

    @Test
    void anIntactChainIsGoodNewsAndTheExportSaysWhereItWent() throws Exception {
        log.verify();
        assertThat(log.messageProperty().get().kind()).isEqualTo(Feedback.Kind.DONE);
        assertThat(log.messageProperty().get().text()).startsWith("Åtkomstloggen är hel:");

        Path file = temp.resolve("logg.csv");
        log.export(file);
        assertThat(Files.readString(file)).isNotEmpty();
        assertThat(log.messageProperty().get().kind()).isEqualTo(Feedback.Kind.DONE);
        assertThat(log.messageProperty().get().text()).contains(file.toAbsolutePath().toString());
    }
}
