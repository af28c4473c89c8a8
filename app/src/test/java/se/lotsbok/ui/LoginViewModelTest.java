package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.AppWiring;
import se.lotsbok.i18n.Texts;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.testing.TestRegister;
import se.lotsbok.ui.common.Tasks;
import se.lotsbok.ui.login.LoginViewModel;
import se.lotsbok.ui.login.LoginViewModel.Mode;

/**
 * The login window decides its mode before its first frame from whether the key file exists, and
 * reads the file (with the JSON library) only afterwards, in the background, to confirm it.
 */
class LoginViewModelTest {

    @TempDir
    Path temp;

    /** Holds background work until the test lets it run, as the worker thread would. */
    private static final class HeldTasks implements Tasks {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            held.add(() -> Tasks.immediate().run(work, onSuccess, onFailure));
        }

        void runAll() {
            held.forEach(Runnable::run);
            held.clear();
        }
    }

    @Test
    void withoutAKeyFileItIsAFirstStartAtOnceWithNothingInTheBackground() {
        HeldTasks tasks = new HeldTasks();
        LoginViewModel login = viewModel(TestDatabases.folder(temp), tasks);
        assertThat(login.modeProperty().get()).isEqualTo(Mode.FIRST_ADMINISTRATOR);
        assertThat(login.checkingProperty().get()).isFalse();
        assertThat(tasks.held).isEmpty();
    }

    @Test
    void withAKeyFileItShowsTheLoginAndHoldsTheButtonUntilTheFileIsRead() {
        Path folder = TestDatabases.folder(temp);
        TestRegister.create(folder);
        HeldTasks tasks = new HeldTasks();
        LoginViewModel login = viewModel(folder, tasks);
        assertThat(login.modeProperty().get()).isEqualTo(Mode.LOGIN);
        assertThat(login.checkingProperty().get()).isTrue();
        login.usernameProperty().set(TestRegister.ADMIN);
        login.passwordProperty().set(TestRegister.PASSWORD);
        login.submit();
        assertThat(login.busyProperty().get()).isFalse();

        tasks.runAll();
        assertThat(login.modeProperty().get()).isEqualTo(Mode.LOGIN);
        assertThat(login.checkingProperty().get()).isFalse();
    }

    @Test
    void aKeyFileWithoutUsersTurnsOutToBeAFirstStart() throws IOException {
        Path folder = Files.createDirectories(TestDatabases.folder(temp));
        // As a first start that stopped after writing the key file but before its first user.
        Files.writeString(folder.resolve(KeyFile.FILE_NAME), "{\"format\" : 2, \"users\" : { }}");
        assertThat(folder.resolve(KeyFile.FILE_NAME)).exists();
        HeldTasks tasks = new HeldTasks();
        LoginViewModel login = viewModel(folder, tasks);
        assertThat(login.modeProperty().get()).isEqualTo(Mode.LOGIN);

        tasks.runAll();
        assertThat(login.modeProperty().get()).isEqualTo(Mode.FIRST_ADMINISTRATOR);
        assertThat(login.checkingProperty().get()).isFalse();
    }

    private static LoginViewModel viewModel(Path folder, Tasks tasks) {
        return new LoginViewModel(AppWiring.auth(folder, TestDatabases.CLOCK, TestRegister.FAST_KEYS), tasks,
                Texts.swedish(), TestDatabases.CLOCK, session -> { });
    }
}
