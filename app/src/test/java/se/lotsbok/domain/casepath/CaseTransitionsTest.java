package se.lotsbok.domain.casepath;

import se.lotsbok.domain.common.Refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CaseTransitionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final LocalDate ADULT = LocalDate.of(2000, 1, 1);
    private static final Situation SITUATION = new Situation(Situation.Occupation.NONE, Situation.Housing.PARENTS,
            Situation.SubstanceUse.UNKNOWN);

    /** The whole table, written out by hand: every from (including no case) against every to. */
    private static final String[][] LEGAL = {
            // from, legal destinations
            {"NONE", "REFERRED"},
            {"REFERRED", "ASSESSMENT WAITING_LIST ENROLLED CONTACTED_NOT_ENROLLED"},
            {"ASSESSMENT", "WAITING_LIST ENROLLED CONTACTED_NOT_ENROLLED"},
            {"WAITING_LIST", "ENROLLED CONTACTED_NOT_ENROLLED"},
            {"ENROLLED", "DISCHARGED"},
            {"DISCHARGED", "REFERRED"},
            {"CONTACTED_NOT_ENROLLED", "REFERRED"},
    };

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (String[] row : LEGAL) {
            Set<String> legal = Set.of(row[1].split(" "));
            for (CaseStatus to : CaseStatus.values()) {
                pairs.add(Arguments.of(row[0], to, legal.contains(to.name())));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void theTableOfMoves(String from, CaseStatus to, boolean legal) {
        Optional<CaseStatus> current = from.equals("NONE") ? Optional.empty() : Optional.of(CaseStatus.valueOf(from));
        assertThat(CaseTransitions.allowed(current, to)).isEqualTo(legal);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void checkRefusesEveryIllegalMoveWithItsReasonAndAllowsEveryLegalOne(String from, CaseStatus to, boolean legal) {
        CaseHistory history = historyEndingIn(from);
        Optional<Refusal> refusal = CaseTransitions.check(history, completeMove(to), TODAY, List.of(consent()), ADULT);
        if (legal) {
            assertThat(refusal).isEmpty();
        } else {
            assertThat(refusal).hasValueSatisfying(r -> assertThat(r.reason())
                    .isEqualTo(from.equals("NONE") ? "case.refused.noCase" : "case.refused.illegal"));
        }
    }

    @Test
    void theIllegalMoveMessageNamesBothStatuses() {
        assertThat(CaseTransitions.check(historyEndingIn("ENROLLED"), completeMove(CaseStatus.ASSESSMENT), TODAY,
                List.of(), ADULT)).contains(new Refusal("case.refused.illegal", CaseStatus.ENROLLED, CaseStatus.ASSESSMENT));
    }

    @Test
    void aMoveCannotBeDatedInTheFutureOrBeforeTheLatestMove() {
        CaseHistory referred = historyEndingIn("REFERRED");
        assertThat(CaseTransitions.check(referred, Move.to(CaseStatus.ASSESSMENT, TODAY.plusDays(1)), TODAY, List.of(), ADULT))
                .contains(new Refusal("case.refused.future", TODAY.plusDays(1)));
        LocalDate latest = referred.latest().orElseThrow().date();
        assertThat(CaseTransitions.check(referred, Move.to(CaseStatus.ASSESSMENT, latest.minusDays(1)), TODAY, List.of(), ADULT))
                .contains(new Refusal("case.refused.beforeLatest", latest));
        assertThat(CaseTransitions.check(referred, Move.to(CaseStatus.ASSESSMENT, latest), TODAY, List.of(), ADULT)).isEmpty();
    }

    @Test
    void eachMoveCarriesWhatItNeeds() {
        assertThat(CaseTransitions.check(CaseHistory.empty(), Move.referral(TODAY, null), TODAY, List.of(), ADULT))
                .contains(new Refusal("case.refused.source"));
        assertThat(CaseTransitions.check(historyEndingIn("ENROLLED"), Move.discharge(TODAY, null, SITUATION), TODAY,
                List.of(), ADULT)).contains(new Refusal("case.refused.reason"));
        assertThat(CaseTransitions.check(historyEndingIn("ENROLLED"),
                Move.discharge(TODAY, DischargeReason.MOVED, null), TODAY, List.of(), ADULT))
                .contains(new Refusal("case.refused.situation"));
        assertThat(CaseTransitions.check(historyEndingIn("REFERRED"), Move.closure(TODAY, null), TODAY, List.of(), ADULT))
                .contains(new Refusal("case.refused.reason"));
        assertThat(CaseTransitions.check(historyEndingIn("REFERRED"), Move.enrollment(TODAY, null), TODAY,
                List.of(consent()), ADULT)).contains(new Refusal("case.refused.situation"));
    }

    @Test
    void enrollmentWithoutConsentIsRefusedAndSaysSo() {
        assertThat(CaseTransitions.check(historyEndingIn("ASSESSMENT"), Move.enrollment(TODAY, SITUATION), TODAY,
                List.of(), ADULT)).contains(new Refusal("consent.refused.missing"));
    }

    @Test
    void onlyTheLatestMoveCanBeAnnulled() {
        CaseHistory history = historyEndingIn("WAITING_LIST");
        long latest = history.latest().orElseThrow().id();
        assertThat(CaseTransitions.checkAnnulment(history, latest)).isEmpty();
        assertThat(CaseTransitions.checkAnnulment(history, latest - 1)).contains(new Refusal("case.refused.annulNotLatest"));
    }

    static Move completeMove(CaseStatus to) {
        return switch (to) {
            case REFERRED -> Move.referral(TODAY, ReferralSource.SCHOOL);
            case ENROLLED -> Move.enrollment(TODAY, SITUATION);
            case DISCHARGED -> Move.discharge(TODAY, DischargeReason.PLANNED_GOALS_MET, SITUATION);
            case CONTACTED_NOT_ENROLLED -> Move.closure(TODAY, ClosureReason.NOT_MOTIVATED);
            default -> Move.to(to, TODAY);
        };
    }

    /** A history that reached {@code status} by the shortest legal path, a month before today. */
    static CaseHistory historyEndingIn(String status) {
        List<CaseEvent> rows = new ArrayList<>();
        if (status.equals("NONE")) {
            return CaseHistory.empty();
        }
        CaseStatus target = CaseStatus.valueOf(status);
        List<CaseStatus> path = switch (target) {
            case REFERRED -> List.of(CaseStatus.REFERRED);
            case ASSESSMENT -> List.of(CaseStatus.REFERRED, CaseStatus.ASSESSMENT);
            case WAITING_LIST -> List.of(CaseStatus.REFERRED, CaseStatus.ASSESSMENT, CaseStatus.WAITING_LIST);
            case ENROLLED -> List.of(CaseStatus.REFERRED, CaseStatus.ENROLLED);
            case DISCHARGED -> List.of(CaseStatus.REFERRED, CaseStatus.ENROLLED, CaseStatus.DISCHARGED);
            case CONTACTED_NOT_ENROLLED -> List.of(CaseStatus.REFERRED, CaseStatus.CONTACTED_NOT_ENROLLED);
        };
        LocalDate date = TODAY.minusMonths(1);
        long id = 1;
        for (CaseStatus s : path) {
            rows.add(event(id++, date, s));
            date = date.plusDays(3);
        }
        return CaseHistory.of(rows);
    }

    static CaseEvent event(long id, LocalDate date, CaseStatus status) {
        return new CaseEvent(id, 1, date, status, status == CaseStatus.REFERRED ? ReferralSource.POLICE : null,
                status == CaseStatus.DISCHARGED ? DischargeReason.MOVED : null,
                status == CaseStatus.CONTACTED_NOT_ENROLLED ? ClosureReason.MOVED : null,
                status == CaseStatus.ENROLLED || status == CaseStatus.DISCHARGED ? SITUATION : null,
                null, "", Instant.EPOCH, "chef");
    }

    static Consent consent() {
        return new Consent(1, 1, TODAY.minusYears(1), null, Set.of(Partner.POLICE), List.of(), null, Instant.EPOCH, "chef");
    }
}
