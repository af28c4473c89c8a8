package se.lotsbok.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.user.Role;

class AccessPolicyTest {

    @ParameterizedTest(name = "{0} may {1} ({2}): {3}")
    @CsvSource({
            // lots: reads the whole register, writes only for their own (or covered) participants
            "NAVIGATOR, READ_REGISTER, OTHER, true",
            "NAVIGATOR, CREATE_PARTICIPANT, OTHER, false",
            "NAVIGATOR, EDIT_PARTICIPANT, OWN, true",
            "NAVIGATOR, EDIT_PARTICIPANT, COVERING, true",
            "NAVIGATOR, EDIT_PARTICIPANT, OTHER, false",
            "NAVIGATOR, WRITE_CASE_RECORDS, OWN, true",
            "NAVIGATOR, WRITE_CASE_RECORDS, OTHER, false",
            "NAVIGATOR, ASSIGN_NAVIGATOR, OWN, true",
            "NAVIGATOR, ASSIGN_NAVIGATOR, OTHER, false",
            "NAVIGATOR, DECIDE_ENROLLMENT, OWN, false",
            "NAVIGATOR, RUN_REPORTS, OTHER, false",
            "NAVIGATOR, EXPORT, OTHER, false",
            "NAVIGATOR, REVIEW_ACCESS_LOG, OTHER, false",
            "NAVIGATOR, MANAGE_USERS, OTHER, false",
            "NAVIGATOR, MANAGE_SETTINGS, OTHER, false",
            "NAVIGATOR, RUN_RETENTION, OWN, false",
            // enhetschef: everything in the register, whoever's participant it is
            "UNIT_HEAD, READ_REGISTER, OTHER, true",
            "UNIT_HEAD, CREATE_PARTICIPANT, OTHER, true",
            "UNIT_HEAD, EDIT_PARTICIPANT, OTHER, true",
            "UNIT_HEAD, WRITE_CASE_RECORDS, OTHER, true",
            "UNIT_HEAD, ASSIGN_NAVIGATOR, OTHER, true",
            "UNIT_HEAD, DECIDE_ENROLLMENT, OTHER, true",
            "UNIT_HEAD, RUN_REPORTS, OTHER, true",
            "UNIT_HEAD, EXPORT, OTHER, true",
            "UNIT_HEAD, IMPORT, OTHER, true",
            "UNIT_HEAD, REVIEW_ACCESS_LOG, OTHER, true",
            "UNIT_HEAD, VERIFY_ACCESS_LOG, OTHER, true",
            "UNIT_HEAD, RUN_RETENTION, OTHER, true",
            "UNIT_HEAD, MANAGE_USERS, OTHER, false",
            "UNIT_HEAD, MANAGE_SETTINGS, OTHER, false",
            "UNIT_HEAD, MANAGE_BACKUPS, OTHER, false",
            // administratör: users, settings, backups; not the register
            "ADMINISTRATOR, MANAGE_USERS, OTHER, true",
            "ADMINISTRATOR, MANAGE_SETTINGS, OTHER, true",
            "ADMINISTRATOR, MANAGE_BACKUPS, OTHER, true",
            "ADMINISTRATOR, VERIFY_ACCESS_LOG, OTHER, true",
            "ADMINISTRATOR, READ_REGISTER, OTHER, false",
            "ADMINISTRATOR, EDIT_PARTICIPANT, OWN, false",
            "ADMINISTRATOR, REVIEW_ACCESS_LOG, OTHER, false",
            "ADMINISTRATOR, EXPORT, OTHER, false",
            "ADMINISTRATOR, RUN_RETENTION, OTHER, false",
    })
    void eachRoleMayDoItsOwnWork(Role role, Action action, Relation relation, boolean allowed) {
        assertThat(AccessPolicy.decide(actor(role), action, relation).allowed()).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void someoneWithoutRolesMayDoNothingAndIsToldWhy(Action action) {
        Decision decision = AccessPolicy.decide(new Actor(9, "x", "X", Set.of(), null), action, Relation.OWN);
        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).isEqualTo("access.refused." + action.name()));
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void rolesAddUp(Action action) {
        Actor all = new Actor(1, "a", "A", EnumSet.allOf(Role.class), null);
        assertThat(AccessPolicy.decide(all, action, Relation.OTHER).allowed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void aCityCoordinatorOnlyCompilesAndTheUnitHeadMayToo(Action action) {
        assertThat(AccessPolicy.decide(actor(Role.CITY_COORDINATOR), action, Relation.OWN).allowed())
                .isEqualTo(action == Action.COMBINE_TALLIES);
        if (action == Action.COMBINE_TALLIES) {
            assertThat(AccessPolicy.decide(actor(Role.UNIT_HEAD), action).allowed()).isTrue();
            assertThat(AccessPolicy.decide(actor(Role.NAVIGATOR), action).allowed()).isFalse();
            assertThat(AccessPolicy.decide(actor(Role.ADMINISTRATOR), action).allowed()).isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void aLotsWritingForAColleagueIsToldToCover() {
        assertThat(AccessPolicy.decide(actor(Role.NAVIGATOR), Action.EDIT_PARTICIPANT, Relation.OTHER))
                .isEqualTo(new Decision.Refused("access.refused.notOwn"));
    }

    private static Actor actor(Role role) {
        return new Actor(1, "u", "U", Set.of(role), 5L);
    }
}
