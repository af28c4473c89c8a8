package se.lotsbok.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.participant.ParticipantData;
import se.lotsbok.domain.user.Role;
import se.lotsbok.service.auth.Session;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.store.security.Vault;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;

/**
 * A child JVM changes the register's key again and again (a change of a register of 3 000 participants
 * takes a couple of seconds here) and is killed (SIGKILL) at a random moment, cycle after cycle: mostly
 * while a change is under way, between recording the new key and making it the only one. After every
 * kill each user must still log in, every participant must be there and the access log must verify.
 * Part of {@code mvn verify}; the steps one by one are in {@code KeyChangeTest}.
 */
class KeyChangeKilledIT {

    private static final int CYCLES = 8;
    private static final int PARTICIPANTS = 3_000;
    private static final int MAX_KILL_MILLIS = 6_000;

    @TempDir
    Path temp;

    @Test
    void aKeyChangeKilledAtAnyMomentLeavesARegisterThatEveryUserOpensWhole() throws Exception {
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        Path folder = temp.resolve("data");
        TestRegister register = TestRegister.create(folder);
        register.userWith("chef", Role.UNIT_HEAD).close();
        register.userWith("lotta", Role.NAVIGATOR).close();
        try (Database database = register.openDirectly()) {
            database.transaction(repos -> {
                for (int i = 0; i < PARTICIPANTS; i++) {
                    ParticipantData data = DatabaseTest.data();
                    repos.participants().insert(TestDatabases.UNIT_HEAD, new ParticipantData("Person" + i, data.lastName(),
                            null, data.birthDate(), data.gender(), data.programme(), "", "", ""),
                            TestDatabases.CLOCK.instant());
                }
                return null;
            });
        }

        int midChange = 0;
        int changes = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            String context = "cycle " + cycle + " (seed " + seed + ")";
            changes += runAndKill(folder, random.nextInt(MAX_KILL_MILLIS), context);
            if (new Vault(folder, TestRegister.FAST_KEYS, TestDatabases.CLOCK).keyChange()
                    .filter(KeyFile.KeyChangeState.IN_PROGRESS::equals).isPresent()) {
                midChange++;
            }
            for (String user : new String[] {"lotta", TestRegister.ADMIN}) {
                register.login(user).close();
            }
            try (Session chef = register.login("chef")) {
                assertThat(chef.services().participants().list(chef.actor())).as(context).hasSize(PARTICIPANTS);
                assertThat(chef.services().accessLog().verify(chef.actor()).intact()).as(context).isTrue();
            }
        }
        System.out.println("key change kill test: " + CYCLES + " kills, " + midChange + " during a change, "
                + changes + " changes completed (seed " + seed + ")");
        assertThat(midChange).as("kills that landed while a change was under way (seed " + seed + ")").isPositive();
    }

    /** Starts the child, waits until it has logged in, kills it {@code millis} later; answers the changes it completed. */
    private static int runAndKill(Path folder, int millis, String context) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Changer.class.getName(),
                folder.toString())
                .redirectErrorStream(true)
                .start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.equals("READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // The stream ends with the kill.
            }
        });
        reader.start();
        try {
            assertThat(ready.await(120, TimeUnit.SECONDS)).as(context + ": " + lines).isTrue();
            Thread.sleep(millis);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(context).isTrue();
            reader.join(10_000);
        }
        assertThat(String.join("\n", lines)).as(context).doesNotContain("Exception");
        int changes = (int) lines.stream().filter("CHANGED"::equals).count();
        return changes;
    }

    /** The child process: logs in as the administrator and changes the key until it is killed. */
    public static final class Changer {
        public static void main(String[] args) {
            Session admin = TestRegister.at(Path.of(args[0])).login(TestRegister.ADMIN);
            System.out.println("READY");
            System.out.flush();
            while (true) {
                if (admin.services().users().changeKey(admin.actor()).changed()) {
                    System.out.println("CHANGED");
                    System.out.flush();
                }
            }
        }
    }
}
