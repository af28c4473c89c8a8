package se.lotsbok.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.CaseTransitions;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.casepath.CaseFile;
import se.lotsbok.service.casepath.CaseResult;

/**
 * Random legal case paths written through the services, with consents, goals, partners, varied
 * situations at enrollment and discharge, follow-ups agreed and annulments: the same {@link Random} seed writes the same path into any register.
 */
public final class RandomCasePaths {

    private RandomCasePaths() {
    }

    /** Up to seven steps for participant {@code id}, starting on a random day between {@code start} and {@code end}. */
    public static void walk(Session chef, Random random, long id, LocalDate start, LocalDate end) {
        var cases = chef.services().cases();
        LocalDate date = start.plusDays(random.nextInt((int) (end.toEpochDay() - start.toEpochDay())));
        CaseStatus current = null;
        boolean partner = false;
        int steps = 1 + random.nextInt(7);
        for (int s = 0; s < steps && !date.isAfter(end); s++) {
            List<CaseStatus> next = new ArrayList<>(CaseTransitions.nextFrom(Optional.ofNullable(current)));
            next.sort(null);
            CaseStatus to = next.get(random.nextInt(next.size()));
            Move move = switch (to) {
                case REFERRED -> Move.referral(date, ReferralSource.values()[random.nextInt(7)]);
                case ENROLLED -> Move.enrollment(date, situation(random));
                case DISCHARGED -> random.nextBoolean()
                        ? Move.dischargeWithFollowUp(date, DischargeReason.values()[random.nextInt(6)], situation(random))
                        : Move.discharge(date, DischargeReason.values()[random.nextInt(6)], situation(random));
                case CONTACTED_NOT_ENROLLED -> Move.closure(date, ClosureReason.values()[random.nextInt(5)]);
                case ASSESSMENT, WAITING_LIST -> Move.to(to, date);
            };
            if (to == CaseStatus.ENROLLED) {
                done(cases.recordConsent(chef.actor(), id, date, null, EnumSet.allOf(Partner.class), List.of()));
                if (random.nextBoolean()) {
                    done(cases.addGoal(chef.actor(), id, Goal.LifeArea.OCCUPATION_EDUCATION, "Mål", Partner.SCHOOL,
                            date.plusDays(random.nextInt(200))));
                }
                if (!partner && random.nextBoolean()) {
                    done(cases.addPartner(chef.actor(), id, Partner.POLICE, date));
                    partner = true;
                }
            }
            CaseFile file = done(cases.move(chef.actor(), id, move));
            current = to;
            if (random.nextInt(6) == 0) {
                done(cases.annul(chef.actor(), id, file.history().latest().orElseThrow().id(), "fel"));
                current = file.history().all().size() > 1
                        ? cases.caseFile(chef.actor(), id).history().current().orElse(null) : null;
            }
            date = date.plusDays(random.nextInt(120));
        }
    }

    /** Any situation, so that outcomes at discharge vary from path to path. */
    public static Situation situation(Random random) {
        return new Situation(Situation.Occupation.values()[random.nextInt(Situation.Occupation.values().length)],
                Situation.Housing.values()[random.nextInt(Situation.Housing.values().length)],
                Situation.SubstanceUse.values()[random.nextInt(Situation.SubstanceUse.values().length)]);
    }

    public static CaseFile done(CaseResult result) {
        assertThat(result).isInstanceOf(CaseResult.Done.class);
        return ((CaseResult.Done) result).file();
    }
}
