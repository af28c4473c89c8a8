package se.lotsbok.domain.casepath;

/** Who raised the case (aktualisering). */
public enum ReferralSource {
    POLICE,
    SCHOOL,
    SOCIAL_SERVICES,
    PROBATION,
    SELF_REFERRAL,
    RELATIVE,
    OTHER
}
