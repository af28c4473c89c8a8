package se.lotsbok.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.backup.CompactionPolicy;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.service.importing.ImportService;
import se.lotsbok.testing.ParticipantInputs;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/** The register keeps its file small: after a large import, and at logout once it has grown much. */
class CompactionTest {

    @TempDir
    Path temp;

    @Test
    void anImportOfMoreThanThreeHundredRowsIsFollowedByACompaction() {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        try (Session chef = register.userWith("chef", Role.UNIT_HEAD)) {
            ImportService.ImportResult small = chef.services().imports().importFile(chef.actor(), spreadsheet(300, 1995));
            assertThat(small.written()).isTrue();
            assertThat(small.compaction()).isNull();

            ImportService.ImportResult large = chef.services().imports().importFile(chef.actor(), spreadsheet(301, 2001));

            assertThat(large.written()).isTrue();
            assertThat(large.compaction().done()).isTrue();
            assertThat(large.compaction().after()).isLessThan(large.compaction().before());
            assertThat(fileBytes(register)).isLessThan(large.compaction().before() / 2);
            assertThat(chef.services().participants().list(chef.actor())).hasSize(601);
        }
    }

    @Test
    void aFileThatHasGrownPastTwiceItsSizeIsCompactedAtLogoutAndNotAgainUntilItGrowsAgain() {
        TestRegister register = TestRegister.create(TestDatabases.folder(temp));
        Session chef = register.userWith("chef", Role.UNIT_HEAD);
        // One participant per transaction, as a busy register is written: each leaves old pages behind,
        // and H2 frees them only little by little while the file is open.
        for (int i = 0; chef.services().maintenance().compactionDueBytes() == 0; i++) {
            for (int j = 0; j < 50; j++) {
                chef.services().participants().create(chef.actor(), ParticipantInputs.valid()
                        .name("Person" + (50 * i + j), "Efternamn").withoutIdentity("2005-05-05")
                        .comment("x".repeat(2_000)).build());
            }
        }
        long grown = fileBytes(register);
        assertThat(grown).isGreaterThan(2 * CompactionPolicy.FLOOR_BYTES);

        chef.close();

        assertThat(fileBytes(register)).isLessThan(grown / 2);
        try (Session again = register.login("chef")) {
            assertThat(again.services().maintenance().compactionDueBytes()).isZero();
        }
    }

    private static long fileBytes(TestRegister register) {
        try {
            return Files.size(register.folder().resolve("lotsbok.mv.db"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A spreadsheet of {@code rows} referrals, people born in six years from {@code fromYear}, all distinct. */
    private static byte[] spreadsheet(int rows, int fromYear) {
        StringBuilder csv = new StringBuilder("personnummer;förnamn;efternamn;aktualiserad\n");
        Random random = new Random(fromYear);
        Set<String> used = new HashSet<>();
        while (used.size() < rows) {
            String date = String.format("%04d%02d%02d", fromYear + random.nextInt(6), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
            String serial = String.format("%03d", random.nextInt(1000));
            String digits = date + serial + PersonalIdentityNumber.luhnCheckDigit(date.substring(2) + serial);
            if (used.add(digits)) {
                csv.append(digits, 0, 8).append('-').append(digits, 8, 12).append(";Namn;Efternamn;2026-01-05\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
