package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.casepath.CaseHistory;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.casepath.Situation.Housing;
import se.lotsbok.domain.casepath.Situation.Occupation;
import se.lotsbok.domain.casepath.Situation.SubstanceUse;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.report.MonthlyTally;
import se.lotsbok.domain.report.RegisterSnapshot;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.ReportService;
import se.lotsbok.ui.report.OutcomeChartsViewModel;

/** The outcome charts' numbers and warnings, without a window, from tallies of a small register. */
class OutcomeChartsViewModelTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private final ReadOnlyObjectWrapper<ReportService.Dashboard> dashboard = new ReadOnlyObjectWrapper<>();
    private final SimpleIntegerProperty suppressUpTo = new SimpleIntegerProperty(2);
    private final OutcomeChartsViewModel charts = new OutcomeChartsViewModel(Texts.swedish(),
            dashboard.getReadOnlyProperty(), suppressUpTo);

    @Test
    void eachFieldShowsEnrollmentBesideDischargeAndHowItChanged() {
        dashboard.set(dashboardOf(Map.of(
                1L, discharge(LocalDate.of(2026, 10, 3), situation(Occupation.NONE, Housing.OWN, SubstanceUse.YES),
                        situation(Occupation.WORK, Housing.OWN, SubstanceUse.NO)),
                2L, discharge(LocalDate.of(2026, 10, 31), situation(Occupation.NONE, Housing.PARENTS, SubstanceUse.NO),
                        situation(Occupation.NONE, Housing.NONE, SubstanceUse.NO)),
                3L, discharge(LocalDate.of(2026, 10, 9), situation(Occupation.STUDIES, Housing.OWN, SubstanceUse.NO),
                        situation(Occupation.INTERNSHIP, Housing.OWN, SubstanceUse.UNKNOWN)),
                4L, discharge(LocalDate.of(2026, 3, 9), situation(Occupation.STUDIES, Housing.OWN, SubstanceUse.NO),
                        situation(Occupation.WORK, Housing.OWN, SubstanceUse.NO)))));

        OutcomeChartsViewModel.FieldChart occupation = charts.charts().getFirst();
        assertThat(charts.charts()).extracting(OutcomeChartsViewModel.FieldChart::field)
                .containsExactly("occupation", "housing", "substance_use");
        assertThat(occupation.title()).isEqualTo("Sysselsättning");
        assertThat(occupation.bars()).extracting(OutcomeChartsViewModel.Bar::label).containsExactly("Studier", "Arbete",
                "Praktik", "Ingen sysselsättning", "Okänd");
        assertThat(occupation.bars()).extracting(b -> b.atEnrollment() + "/" + b.atDischarge())
                .containsExactly("1/0", "0/1", "0/1", "2/1", "0/0");
        assertThat(List.of(occupation.improved(), occupation.unchanged(), occupation.worsened(), occupation.unknown()))
                .containsExactly(1L, 1L, 1L, 0L);
        assertThat(charts.charts().get(2).unknown()).isOne();
        assertThat(charts.basisProperty().get()).isEqualTo("Bygger på 3 avslut under oktober 2026.");
        assertThat(charts.warningProperty().get()).isEmpty();
        assertThat(charts.belowLimitProperty().get()).isFalse();

        charts.periodProperty().set(OutcomeChartsViewModel.Period.YEAR);

        assertThat(charts.basisProperty().get()).isEqualTo("Bygger på 4 avslut under 2026.");
        assertThat(charts.charts().getFirst().improved()).isOne();
        assertThat(charts.charts().getFirst().unchanged()).isEqualTo(2);
    }

    @Test
    void fewerPeopleThanTheSmallNumberLimitGetAWarning() {
        dashboard.set(dashboardOf(Map.of(1L, discharge(LocalDate.of(2026, 10, 3),
                situation(Occupation.NONE, Housing.OWN, SubstanceUse.YES),
                situation(Occupation.WORK, Housing.OWN, SubstanceUse.NO)))));

        assertThat(charts.belowLimitProperty().get()).isTrue();
        assertThat(charts.warningProperty().get()).isEqualTo(
                "Bara 1 avslut, färre än 3 (gränsen för små tal): siffrorna kan peka ut enskilda personer.");

        suppressUpTo.set(0);
        assertThat(charts.belowLimitProperty().get()).as("no limit").isFalse();
        assertThat(charts.warningProperty().get()).isEmpty();

        dashboard.set(dashboardOf(Map.of()));
        assertThat(charts.belowLimitProperty().get()).isFalse();
        assertThat(charts.warningProperty().get()).isEqualTo("Inga avslut under perioden.");
    }

    private static ReportService.Dashboard dashboardOf(Map<Long, List<CaseEvent>> events) {
        Map<Long, CaseHistory> cases = new HashMap<>();
        Map<Long, RegisterSnapshot.Person> people = new HashMap<>();
        events.forEach((id, rows) -> {
            cases.put(id, CaseHistory.of(rows.stream().map(e -> new CaseEvent(e.id() + id * 10, id, e.date(), e.status(),
                    null, e.dischargeReason(), null, e.situation(), null, "", Instant.EPOCH, "")).toList()));
            people.put(id, new RegisterSnapshot.Person(id, Gender.MAN, LocalDate.of(2000, 1, 1), Programme.YOUNG_ADULTS));
        });
        RegisterSnapshot register = new RegisterSnapshot(people, cases, Map.of(), List.of(), Map.of(), List.of(),
                Map.of(), Map.of(), 7);
        return new ReportService.Dashboard(OCTOBER, MonthlyTally.of(OCTOBER, register),
                List.of(MonthlyTally.yearly(Year.of(2026), register)), List.of(), List.of(), Optional.empty(),
                ReportService.ExportState.NEVER_EXPORTED);
    }

    private static List<CaseEvent> discharge(LocalDate date, Situation enrolled, Situation discharged) {
        return List.of(new CaseEvent(1, 0, LocalDate.of(2026, 1, 5), CaseStatus.ENROLLED, null, null, null, enrolled,
                null, "", Instant.EPOCH, ""), new CaseEvent(2, 0, date, CaseStatus.DISCHARGED, null,
                DischargeReason.OTHER, null, discharged, null, "", Instant.EPOCH, ""));
    }

    private static Situation situation(Occupation occupation, Housing housing, SubstanceUse use) {
        return new Situation(occupation, housing, use);
    }
}
