package se.lotsbok.ui.about;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import se.lotsbok.i18n.Texts;
import se.lotsbok.log.AppLog;

/** *Om Lotsbok*: the version, where the register and its log files are, and a way to the log folder. */
public final class AboutViewModel {

    /** Shows a folder in the computer's file manager. */
    public interface FolderOpener {

        void open(Path folder) throws IOException;

        /** Explorer on Windows, Finder on macOS, the desktop's file manager (xdg-open) elsewhere. */
        static FolderOpener system() {
            return folder -> {
                String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
                String program = os.startsWith("windows") ? "explorer.exe" : os.startsWith("mac") ? "open" : "xdg-open";
                new ProcessBuilder(program, folder.toAbsolutePath().toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            };
        }
    }

    private final String version;
    private final Path dataFolder;
    private final String server;
    private final FolderOpener opener;
    private final Texts texts;
    private final String fingerprint;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** Before login: nothing of the register is shown, not even its signing key. */
    public AboutViewModel(String version, Path dataFolder, FolderOpener opener, Texts texts) {
        this(version, "", dataFolder, opener, texts, "");
    }

    /**
     * @param server the office server the register is on, or "" for a register in {@code dataFolder}
     * @param dataFolder the data folder on this computer (beside a server, it holds only the log files)
     * @param fingerprint the register's signing key's fingerprint in groups of four, for the city to note once
     */
    public AboutViewModel(String version, String server, Path dataFolder, FolderOpener opener, Texts texts,
            String fingerprint) {
        this.version = version;
        this.server = server;
        this.dataFolder = dataFolder.toAbsolutePath();
        this.opener = opener;
        this.texts = texts;
        this.fingerprint = fingerprint;
    }

    /** The fingerprint of the key the register signs its exported figures with; empty before login. */
    public String fingerprint() {
        return fingerprint;
    }

    public String version() {
        return version;
    }

    /** The office server the register is on; "" when it is in the data folder. */
    public String server() {
        return server;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public Path logFolder() {
        return AppLog.folder(dataFolder);
    }

    /** Opens the log folder (made first if the program has not written there yet). */
    public void openLogFolder() {
        try {
            Files.createDirectories(logFolder());
            opener.open(logFolder());
            message.set("");
        } catch (IOException | RuntimeException e) {
            message.set(texts.format("about.cannotOpen", logFolder()));
        }
    }

    /** Why the folder could not be opened, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
