package se.lotsbok.domain.casepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A move keeps only what its step records. */
class MoveTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final Situation SITUATION = new Situation(Situation.Occupation.NONE, Situation.Housing.OWN,
            Situation.SubstanceUse.NO);

    @Test
    void aReferralKeepsItsSourceAndNothingElse() {
        Move move = new Move(CaseStatus.REFERRED, DAY, ReferralSource.SOCIAL_SERVICES, DischargeReason.MOVED,
                ClosureReason.NOT_MOTIVATED, SITUATION, "ny");
        assertThat(move).isEqualTo(new Move(CaseStatus.REFERRED, DAY, ReferralSource.SOCIAL_SERVICES, null, null,
                null, "ny"));
    }

    @Test
    void aDischargeKeepsItsReasonAndSituation() {
        Move move = new Move(CaseStatus.DISCHARGED, DAY, ReferralSource.POLICE, DischargeReason.MOVED,
                ClosureReason.MOVED, SITUATION, "");
        assertThat(move.source()).isNull();
        assertThat(move.closureReason()).isNull();
        assertThat(move.dischargeReason()).isEqualTo(DischargeReason.MOVED);
        assertThat(move.situation()).isEqualTo(SITUATION);
    }

    @Test
    void aClosureKeepsOnlyItsReason() {
        Move move = new Move(CaseStatus.CONTACTED_NOT_ENROLLED, DAY, ReferralSource.POLICE, DischargeReason.MOVED,
                ClosureReason.MOVED, SITUATION, "");
        assertThat(move).isEqualTo(Move.closure(DAY, ClosureReason.MOVED));
    }
}
