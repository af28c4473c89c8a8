package se.lotsbok.domain.user;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do in Lotsbok; a person may hold several roles. */
public enum Role {
    /** Lots: works with their own participants. */
    NAVIGATOR,
    /** Enhetschef: leads the unit, decides enrollment, runs reports. */
    UNIT_HEAD,
    /** Administratör: user accounts, settings and backups. */
    ADMINISTRATOR,
    /** Stadssamordnare: compiles the districts' signed figures; sees nothing of the register's people. */
    CITY_COORDINATOR;

    /** The roles of the unit's own staff, all of which the register's first administrator holds. */
    public static Set<Role> unitRoles() {
        return EnumSet.of(NAVIGATOR, UNIT_HEAD, ADMINISTRATOR);
    }
}
