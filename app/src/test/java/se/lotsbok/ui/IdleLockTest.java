package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.auth.Session;
import se.lotsbok.testing.MutableClock;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.shell.IdleLock;

/** The window's lock as a view model, on a clock the test moves, without a window. */
class IdleLockTest {

    @TempDir
    Path temp;

    @Test
    void theLockComesAfterTheWholeTimeWithoutUseAndGoesOnlyWithThePassword() {
        MutableClock clock = new MutableClock(TestDatabases.CLOCK.instant(), TestDatabases.STOCKHOLM);
        TestRegister register = TestRegister.create(TestDatabases.folder(temp), clock);
        try (Session admin = register.login(TestRegister.ADMIN)) {
            IdleLock lock = new IdleLock(clock, Duration.ofMinutes(15), admin::checkPassword, Tasks.immediate(),
                    Texts.swedish());

            clock.advance(Duration.ofMinutes(10));
            lock.used();
            clock.advance(Duration.ofMinutes(14));
            lock.check();
            assertThat(lock.lockedProperty().get()).as("14 minutes after the last use").isFalse();
            clock.advance(Duration.ofMinutes(1));
            lock.check();
            assertThat(lock.lockedProperty().get()).isTrue();

            lock.used();
            lock.passwordProperty().set("inte lösenordet");
            lock.unlock();
            assertThat(lock.lockedProperty().get()).isTrue();
            assertThat(lock.messageProperty().get()).isEqualTo("Fel lösenord.");
            assertThat(lock.passwordProperty().get()).isEmpty();

            lock.passwordProperty().set(TestRegister.PASSWORD);
            lock.unlock();
            assertThat(lock.lockedProperty().get()).isFalse();
            lock.check();
            assertThat(lock.lockedProperty().get()).as("the time starts again at the unlock").isFalse();
        }
    }
}
