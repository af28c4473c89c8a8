package se.lotsbok.domain.user;

/** What a user may do in Lotsbok; a person may hold several roles. */
public enum Role {
    /** Lots: works with their own participants. */
    NAVIGATOR,
    /** Enhetschef: leads the unit, decides enrollment, runs reports. */
    UNIT_HEAD,
    /** Administratör: user accounts, settings and backups. */
    ADMINISTRATOR,
    /** Stadssamordnare: compiles the districts' signed figures; sees nothing of the register's people. */
    CITY_COORDINATOR
}
