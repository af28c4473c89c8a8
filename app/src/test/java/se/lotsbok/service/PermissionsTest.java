package se.lotsbok.service;

import se.lotsbok.domain.access.AccessDenied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.access.AccessLogQuery;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/** The roles as the services enforce them, on a real register; every refusal says why. */
class PermissionsTest {

    @TempDir
    Path temp;

    private TestRegister register;
    private Participant participant;

    @BeforeEach
    void registerWithOneParticipant() {
        register = TestRegister.create(TestDatabases.folder(temp));
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            participant = ((SaveOutcome.Saved) chef.services().participants()
                    .create(chef.actor(), ParticipantInputs.valid().build())).participant();
        }
    }

    @Test
    void aLotsReadsTheRegisterButCannotTakeInNewParticipants() {
        try (Session lots = register.userWith("lotta", Role.NAVIGATOR)) {
            assertThat(lots.services().participants().list(lots.actor())).hasSize(1);
            assertThat(lots.services().participants().open(lots.actor(), participant.id())).isPresent();
            assertThat(lots.services().participants().create(lots.actor(), ParticipantInputs.valid().build()))
                    .isEqualTo(new SaveOutcome.NotAllowed("access.refused.CREATE_PARTICIPANT"));
        }
    }

    @Test
    void aLotsWritesForAColleaguesParticipantOnlyAfterChoosingToCoverAndTheChoiceIsLogged() {
        try (Session lots = register.userWith("lotta", Role.NAVIGATOR)) {
            var edit = ParticipantInputs.valid().phone("08-1").build();
            assertThat(lots.services().participants().update(lots.actor(), participant.id(), participant.version(), edit))
                    .isEqualTo(new SaveOutcome.NotAllowed("access.refused.notOwn"));

            lots.services().participants().coverFor(lots.actor(), participant.id());
            assertThat(lots.services().participants().update(lots.actor(), participant.id(), participant.version(), edit))
                    .isInstanceOf(SaveOutcome.Saved.class);
        }
        try (Session chef = register.login("chef")) {
            var events = chef.services().accessLog().review(chef.actor(), AccessLogQuery.forParticipant(participant.id(), 100))
                    .stream().map(e -> e.username() + ":" + e.event()).toList();
            assertThat(events).contains("lotta:ACCESS_REFUSED", "lotta:COVER_FOR_COLLEAGUE", "lotta:PARTICIPANT_CHANGED");
        }
    }

    @Test
    void anAdministratorAloneHasNoAccessToTheRegister() {
        try (Session admin = register.userWith("it", Role.ADMINISTRATOR)) {
            assertThatThrownBy(() -> admin.services().participants().list(admin.actor()))
                    .isInstanceOfSatisfying(AccessDenied.class,
                            e -> assertThat(e.reason()).isEqualTo("access.refused.READ_REGISTER"));
            assertThatThrownBy(() -> admin.services().accessLog().review(admin.actor(), AccessLogQuery.all()))
                    .isInstanceOf(AccessDenied.class);
            admin.services().settings().save(admin.actor(), UnitSettings.DEFAULTS);
        }
    }

    @Test
    void onlyTheAdministratorChangesSettingsAndUsersAndMakesBackups() {
        try (Session chef = register.login("chef")) {
            assertThatThrownBy(() -> chef.services().settings().save(chef.actor(), UnitSettings.DEFAULTS))
                    .isInstanceOfSatisfying(AccessDenied.class,
                            e -> assertThat(e.reason()).isEqualTo("access.refused.MANAGE_SETTINGS"));
            assertThatThrownBy(() -> chef.services().users().list(chef.actor())).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> chef.services().maintenance().backup(chef.actor(), temp.resolve("b.zip")))
                    .isInstanceOf(AccessDenied.class);
        }
    }

    @Test
    void openingARecordIsLoggedAndShownOnTheRecord() {
        try (Session lots = register.userWith("lotta", Role.NAVIGATOR)) {
            lots.services().participants().open(lots.actor(), participant.id());
            assertThat(lots.services().accessLog().openedBy(lots.actor(), participant.id()))
                    .extracting(e -> e.username()).first().isEqualTo("lotta");
        }
        try (Session chef = register.login("chef")) {
            var opened = chef.services().accessLog().review(chef.actor(), AccessLogQuery.forParticipant(participant.id(), 100))
                    .stream().filter(e -> e.event() == AccessEvent.PARTICIPANT_OPENED).toList();
            assertThat(opened).singleElement().satisfies(e -> {
                assertThat(e.username()).isEqualTo("lotta");
                assertThat(e.detail()).isEmpty();
            });
        }
    }

    @Test
    void aSearchResultListIsLoggedWithoutTheSearchTextOrNames() {
        try (Session chef = register.login("chef")) {
            chef.services().participants().list(chef.actor());
            var lists = chef.services().accessLog().review(chef.actor(), AccessLogQuery.all()).stream()
                    .filter(e -> e.event() == AccessEvent.PARTICIPANT_LIST).toList();
            assertThat(lists).isNotEmpty().allSatisfy(e -> {
                assertThat(e.detail()).matches("rows=\\d+");
                assertThat(e.participantId()).isNull();
            });
        }
    }
}
