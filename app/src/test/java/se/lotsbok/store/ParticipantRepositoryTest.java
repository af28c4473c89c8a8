package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.participant.ParticipantData;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.testing.Pins;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.store.common.StoreException;

class ParticipantRepositoryTest {

    private static final Actor ANNA = TestDatabases.UNIT_HEAD;
    private static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");

    @TempDir
    Path temp;

    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(temp);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void insertedParticipantReadsBackFieldForField() {
        ParticipantData data = new ParticipantData("Åse", "Öberg", new PersonalIdentityNumber(Pins.twelve("20080314", "238")),
                java.time.LocalDate.of(2008, 3, 14), Gender.WOMAN, Programme.YOUTH, "070-1", "Gatan 1",
                "rad ett\nrad två 🌟");
        Participant saved = db.transaction(r -> r.participants().insert(ANNA, data, NOW));
        assertThat(saved.version()).isEqualTo(1);
        var result = db.transaction(r -> r.participants().find(ANNA, saved.id()));
        assertThat(result).contains(saved);
        assertThat(saved.data()).isEqualTo(data);
    }

    @Test
    void participantWithoutIdentityNumberKeepsTheEnteredBirthDate() {
        ParticipantData data = withoutIdentity("Kim", "Li");
        Participant saved = db.transaction(r -> r.participants().insert(ANNA, data, NOW));
        assertThat(saved.data().identityNumber()).isNull();
        assertThat(saved.data().birthDate()).isEqualTo(data.birthDate());
    }

    @Test
    void severalParticipantsMayLackAnIdentityNumber() {
        db.transaction(r -> r.participants().insert(ANNA, withoutIdentity("Kim", "Li"), NOW));
        db.transaction(r -> r.participants().insert(ANNA, withoutIdentity("Sam", "Ek"), NOW));
        var result = db.transaction(r -> r.participants().count());
        assertThat(result).isEqualTo(2);
    }

    @Test
    void theDatabaseItselfRefusesADuplicateIdentityNumber() {
        ParticipantData data = DatabaseTest.data();
        db.transaction(r -> r.participants().insert(ANNA, data, NOW));
        assertThatThrownBy(() -> db.transaction(r -> r.participants().insert(ANNA, data, NOW)))
                .isInstanceOf(StoreException.Duplicate.class);
        var result = db.transaction(r -> r.participants().count());
        assertThat(result).isEqualTo(1);
    }

    @Test
    void updateRaisesTheVersion() {
        Participant saved = db.transaction(r -> r.participants().insert(ANNA, DatabaseTest.data(), NOW));
        ParticipantData changed = withPhone(saved.data(), "08-555 12 34");
        Participant updated = db.transaction(r -> r.participants().update(ANNA, saved.id(), 1, changed, NOW));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.data().phone()).isEqualTo("08-555 12 34");
    }

    @Test
    void updateFromAStaleVersionIsRefusedAndWritesNothing() {
        Participant saved = db.transaction(r -> r.participants().insert(ANNA, DatabaseTest.data(), NOW));
        db.transaction(r -> r.participants().update(ANNA, saved.id(), 1, withPhone(saved.data(), "1"), NOW));

        assertThatThrownBy(() -> db.transaction(r ->
                r.participants().update(ANNA, saved.id(), 1, withPhone(saved.data(), "2"), NOW)))
                .isInstanceOf(StoreException.StaleVersion.class);
        var result = db.transaction(r -> r.participants().find(ANNA, saved.id()));
        assertThat(result.orElseThrow().data().phone())
                .isEqualTo("1");
    }

    @Test
    void findsTheHolderOfAnIdentityNumber() {
        Participant saved = db.transaction(r -> r.participants().insert(ANNA, DatabaseTest.data(), NOW));
        var result = db.transaction(r -> r.participants().findByIdentityNumber(ANNA, saved.data().identityNumber()));
        assertThat(result)
                .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(saved.id()));
        var nobody = db.transaction(r -> r.participants().findByIdentityNumber(ANNA,
                new PersonalIdentityNumber(Pins.twelve("19900101", "123"))));
        assertThat(nobody).isEmpty();
    }

    @Test
    void summariesCarryNoContactDataOrComments() {
        db.transaction(r -> r.participants().insert(ANNA, DatabaseTest.data(), NOW));
        var result = db.transaction(r -> r.participants().listSummaries(ANNA));
        assertThat(result)
                .singleElement()
                .satisfies(s -> assertThat(s.toString()).doesNotContain("Storgatan"));
    }

    private static ParticipantData withoutIdentity(String first, String last) {
        return new ParticipantData(first, last, null, java.time.LocalDate.of(2009, 5, 1), Gender.OTHER,
                Programme.YOUTH, "", "", "");
    }

    private static ParticipantData withPhone(ParticipantData d, String phone) {
        return new ParticipantData(d.firstName(), d.lastName(), d.identityNumber(), d.birthDate(), d.gender(),
                d.programme(), phone, d.address(), d.comment());
    }
}
