package se.lotsbok;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the register lives unless {@code --db} says otherwise: the user's own data folder. */
public final class DataFolder {

    private DataFolder() {
    }

    public static Path defaultFolder() {
        return defaultFolder(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv());
    }

    /** %APPDATA%\Lotsbok on Windows, ~/Library/Application Support/Lotsbok on macOS, else the XDG data folder. */
    static Path defaultFolder(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData == null || appData.isBlank()
                    ? Path.of(home, "AppData", "Roaming", "Lotsbok")
                    : Path.of(appData, "Lotsbok");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Lotsbok");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg == null || xdg.isBlank() ? Path.of(home, ".local", "share", "lotsbok") : Path.of(xdg, "lotsbok");
    }
}
