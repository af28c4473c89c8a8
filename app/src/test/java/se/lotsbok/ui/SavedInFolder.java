package se.lotsbok.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import se.lotsbok.ui.common.FileDialogs;

/** File dialogs that save every file where proposed, in one folder, and open none. */
final class SavedInFolder {

    private SavedInFolder() {
    }

    static FileDialogs in(Path folder) {
        return new FileDialogs() {
            @Override
            public Optional<Path> save(Node owner, String title, String initialName, String extension) {
                return Optional.of(folder.resolve(initialName));
            }

            @Override
            public Optional<Path> open(Node owner, String title, String extension) {
                return Optional.empty();
            }
        };
    }
}
