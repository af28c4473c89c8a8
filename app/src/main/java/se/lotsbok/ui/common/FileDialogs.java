package se.lotsbok.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** Asks the user for a file to write or read; tests answer without a native dialog. */
public interface FileDialogs {

    /** A file to write, suggested as {@code initialName}, of the type {@code extension} ("csv"). */
    Optional<Path> save(Node owner, String title, String initialName, String extension);

    /** A file to read, of the type {@code extension}. */
    Optional<Path> open(Node owner, String title, String extension);

    /** Several files to read, of the type {@code extension}; empty when the user cancelled. */
    default List<Path> openMany(Node owner, String title, String extension) {
        return open(owner, title, extension).map(List::of).orElse(List.of());
    }

    /** The operating system's own dialogs. */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Optional<Path> save(Node owner, String title, String initialName, String extension) {
                FileChooser chooser = chooser(title, extension);
                chooser.setInitialFileName(initialName);
                File file = chooser.showSaveDialog(owner.getScene().getWindow());
                return Optional.ofNullable(file).map(File::toPath);
            }

            @Override
            public Optional<Path> open(Node owner, String title, String extension) {
                File file = chooser(title, extension).showOpenDialog(owner.getScene().getWindow());
                return Optional.ofNullable(file).map(File::toPath);
            }

            @Override
            public List<Path> openMany(Node owner, String title, String extension) {
                List<File> files = chooser(title, extension).showOpenMultipleDialog(owner.getScene().getWindow());
                return files == null ? List.of() : files.stream().map(File::toPath).toList();
            }

            private FileChooser chooser(String title, String extension) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                        extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
                return chooser;
            }
        };
    }
}
