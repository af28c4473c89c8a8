package se.lotsbok.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.participant.FieldProblem;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.participant.ParticipantField;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.store.Database;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;

class ParticipantServiceTest {

    private static final Actor ACTOR = TestDatabases.UNIT_HEAD;

    @TempDir
    Path temp;

    private Database db;
    private ParticipantService service;

    @BeforeEach
    void open() {
        db = TestDatabases.open(temp);
        service = new ParticipantService(db, TestDatabases.CLOCK, new se.lotsbok.service.access.Coverage(db, TestDatabases.CLOCK));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createsAValidParticipant() {
        SaveOutcome outcome = service.create(ACTOR, ParticipantInputs.valid().build());
        assertThat(outcome).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(service.list(ACTOR)).extracting(s -> s.firstName()).containsExactly("Åse");
    }

    @Test
    void invalidInputIsRefusedPerFieldAndNothingIsWritten() {
        SaveOutcome outcome = service.create(ACTOR, ParticipantInputs.valid().name("", "Ek").identity("811218-9875").build());
        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Invalid.class, invalid ->
                assertThat(invalid.problems())
                        .containsEntry(ParticipantField.FIRST_NAME, FieldProblem.REQUIRED)
                        .containsEntry(ParticipantField.IDENTITY_NUMBER, FieldProblem.IDENTITY_CHECK_DIGIT));
        assertThat(count()).isZero();
    }

    @Test
    void aDuplicateIdentityNumberNamesTheExistingParticipant() {
        Participant first = saved(service.create(ACTOR, ParticipantInputs.valid().build()));
        // the same number written the short way is still the same person
        String shortForm = first.data().identityNumber().tenDigits();
        SaveOutcome second = service.create(ACTOR, ParticipantInputs.valid().name("Other", "Person").identity(shortForm).build());
        assertThat(second).isInstanceOfSatisfying(SaveOutcome.DuplicateIdentityNumber.class,
                d -> assertThat(d.existing().id()).isEqualTo(first.id()));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void savingAParticipantWithItsOwnNumberIsNoDuplicate() {
        Participant first = saved(service.create(ACTOR, ParticipantInputs.valid().build()));
        SaveOutcome outcome = service.update(ACTOR, first.id(), first.version(),
                ParticipantInputs.valid().phone("08-1").build());
        assertThat(saved(outcome).data().phone()).isEqualTo("08-1");
    }

    @Test
    void changingToAnotherParticipantsNumberIsRefused() {
        Participant first = saved(service.create(ACTOR, ParticipantInputs.valid().build()));
        Participant second = saved(service.create(ACTOR,
                ParticipantInputs.valid().identity(Pins.dashed("20070101", "123")).build()));
        SaveOutcome outcome = service.update(ACTOR, second.id(), second.version(),
                ParticipantInputs.valid().identity(first.data().identityNumber().formatted()).build());
        assertThat(outcome).isInstanceOf(SaveOutcome.DuplicateIdentityNumber.class);
    }

    @Test
    void aSaveOverSomeoneElsesNewerChangeIsRefusedWithTheCurrentData() {
        Participant read = saved(service.create(ACTOR, ParticipantInputs.valid().build()));
        saved(service.update(ACTOR, read.id(), read.version(), ParticipantInputs.valid().phone("111").build()));

        SaveOutcome late = service.update(ACTOR, read.id(), read.version(), ParticipantInputs.valid().phone("222").build());
        assertThat(late).isInstanceOfSatisfying(SaveOutcome.ChangedByOthers.class,
                c -> assertThat(c.current().data().phone()).isEqualTo("111"));
        assertThat(service.open(ACTOR, read.id()).orElseThrow().data().phone()).isEqualTo("111");
    }

    private int count() {
        return db.transaction(r -> r.participants().count());
    }

    private static Participant saved(SaveOutcome outcome) {
        assertThat(outcome).isInstanceOf(SaveOutcome.Saved.class);
        return ((SaveOutcome.Saved) outcome).participant();
    }
}
