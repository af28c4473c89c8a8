package se.lotsbok.domain.report;

import java.util.List;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.DischargeFollowUp;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.journal.MeetingType;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Programme;

/**
 * The category codes written in tallies: short Swedish words without å, ä, ö so that they survive
 * any spreadsheet. The JSON Schema lists the same codes. The outcome measures, which the city's
 * follow-up defines in English, use English codes ({@code studies}, {@code improved}, …).
 */
public final class Codes {

    public static final List<String> AGE_BANDS = List.of("12_15", "16_17", "18_20", "21_24", "25_29", "ovriga");
    public static final String WITHOUT_NAVIGATOR = "utan_lots";

    private Codes() {
    }

    public static String of(Gender gender) {
        return switch (gender) {
            case MAN -> "man";
            case WOMAN -> "kvinna";
            case OTHER -> "annat";
            case UNKNOWN -> "okant";
        };
    }

    public static String of(Programme programme) {
        return switch (programme) {
            case YOUTH -> "unga";
            case YOUNG_ADULTS -> "unga_vuxna";
        };
    }

    public static String of(ReferralSource source) {
        return switch (source) {
            case POLICE -> "polis";
            case SCHOOL -> "skola";
            case SOCIAL_SERVICES -> "socialtjanst";
            case PROBATION -> "kriminalvard";
            case SELF_REFERRAL -> "sjalvanmalan";
            case RELATIVE -> "anhorig";
            case OTHER -> "annan";
        };
    }

    public static String of(DischargeReason reason) {
        return switch (reason) {
            case PLANNED_GOALS_MET -> "planerat_avslut";
            case ENDED_BY_PARTICIPANT -> "avbrutet_av_deltagaren";
            case MOVED -> "flyttat";
            case DEPRIVED_OF_LIBERTY -> "frihetsberovad";
            case DECEASED -> "avliden";
            case OTHER -> "annan";
        };
    }

    public static String of(ClosureReason reason) {
        return switch (reason) {
            case NOT_MOTIVATED -> "ej_motiverad";
            case MOVED -> "flyttat";
            case NOT_IN_TARGET_GROUP -> "ej_i_malgrupp";
            case NO_CONSENT -> "samtycke_saknas";
            case OTHER -> "annan";
        };
    }

    public static String of(MeetingType type) {
        return switch (type) {
            case INDIVIDUAL -> "enskilt";
            case NETWORK -> "natverksmote";
            case PHONE -> "telefon";
            case HOME_VISIT -> "hembesok";
            case OTHER -> "annat";
        };
    }

    public static String of(Partner partner) {
        return switch (partner) {
            case POLICE -> "polis";
            case SCHOOL -> "skola";
            case CHILD_PSYCHIATRY -> "bup";
            case PROBATION -> "kriminalvard_frivard";
            case INCOME_SUPPORT -> "forsorjningsstod";
            case EMPLOYMENT_SERVICE -> "arbetsformedling";
            case OUTPATIENT_CARE -> "oppenvard";
            case ADDICTION_CARE -> "beroendevard";
            case CIVIL_SOCIETY -> "civilsamhalle";
            case FAMILY -> "familj";
            case SOCIAL_SERVICES -> "socialtjanst";
            case OTHER -> "annan";
        };
    }

    /** {@code studies}, {@code work}, {@code internship}, {@code none}, {@code unknown}. */
    public static String of(Situation.Occupation occupation) {
        return lower(occupation);
    }

    /** {@code own}, {@code parents}, {@code others}, {@code institution}, {@code none}, {@code unknown}. */
    public static String of(Situation.Housing housing) {
        return lower(housing);
    }

    /** {@code yes}, {@code no}, {@code unknown}. */
    public static String of(Situation.SubstanceUse use) {
        return lower(use);
    }

    /** {@code improved}, {@code unchanged}, {@code worsened}, {@code unknown}. */
    public static String of(Ranking.Change change) {
        return lower(change);
    }

    /** {@code ongoing}, {@code met}, {@code partly_met}, {@code not_met}, {@code cancelled}. */
    public static String of(Goal.Status status) {
        return lower(status);
    }

    /** {@code housing}, {@code occupation_education}, … as the enum names them, in lower case. */
    public static String of(Goal.LifeArea area) {
        return lower(area);
    }

    /** {@code reached}, {@code not_reached}, {@code declined}. */
    public static String of(DischargeFollowUp.Result result) {
        return lower(result);
    }

    /** Computed once per value: the outcome count asks for these codes for every discharge it counts. */
    private static final java.util.Map<Enum<?>, String> LOWER = new java.util.concurrent.ConcurrentHashMap<>();

    private static String lower(Enum<?> value) {
        return LOWER.computeIfAbsent(value, v -> v.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The age band of someone {@code age} years old. */
    public static String ageBand(int age) {
        if (age >= 12 && age <= 15) {
            return "12_15";
        }
        if (age == 16 || age == 17) {
            return "16_17";
        }
        if (age >= 18 && age <= 20) {
            return "18_20";
        }
        if (age >= 21 && age <= 24) {
            return "21_24";
        }
        if (age >= 25 && age <= 29) {
            return "25_29";
        }
        return "ovriga";
    }
}
