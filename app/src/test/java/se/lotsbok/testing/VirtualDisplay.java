package se.lotsbok.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * An X display for a real window where there is no desktop: Xvfb on a free display number, or the
 * desktop's own display when there is one. Windows and macOS always have their own.
 */
public final class VirtualDisplay implements AutoCloseable {

    /** Nothing to start: the environment as it is. */
    public static final VirtualDisplay NONE = new VirtualDisplay(null, null);

    private final Process xvfb;
    private final String display;

    private VirtualDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** The desktop's display if there is one, else a new Xvfb; fails with what to install when neither. */
    public static VirtualDisplay forTraining() throws IOException, InterruptedException {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")
                || System.getenv("DISPLAY") != null) {
            return NONE;
        }
        if (!xvfbInstalled()) {
            throw new IllegalStateException("the AOT training run opens the window and needs a display: install"
                    + " Xvfb (Debian: apt-get install xvfb libgtk-3-0) or build with -Dlotsbok.train=none");
        }
        return start();
    }

    public static boolean xvfbInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/Xvfb"));
    }

    /** A new Xvfb of 1366×800 on a display number no other X server uses. */
    public static VirtualDisplay start() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int number = 100 + ThreadLocalRandom.current().nextInt(400);
            Path socket = Path.of("/tmp/.X11-unix/X" + number);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                continue;
            }
            Process process = new ProcessBuilder("/usr/bin/Xvfb", ":" + number, "-screen", "0", "1366x800x24",
                    "-nolisten", "tcp").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && process.isAlive() && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
            if (process.isAlive() && Files.exists(socket)) {
                return new VirtualDisplay(process, ":" + number);
            }
            process.destroyForcibly();
        }
        throw new IllegalStateException("Xvfb did not start");
    }

    /** DISPLAY for a program that should open its window here; empty for the desktop's own. */
    public Map<String, String> environment() {
        return display == null ? Map.of() : Map.of("DISPLAY", display);
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        }
    }
}
