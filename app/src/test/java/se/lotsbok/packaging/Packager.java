package se.lotsbok.packaging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import se.lotsbok.testing.VirtualDisplay;
import se.lotsbok.ui.shell.TrainingRun;

/**
 * Builds what an office PC installs: a runtime with only the modules Lotsbok needs ({@code jlink}),
 * an app image with its own launcher ({@code jpackage}), an AOT cache from a training run of that
 * launcher, and the platform's installer (a {@code .deb} on Linux, an {@code .msi} on Windows with
 * WiX). Run by {@code mvn -B -DskipTests package -Pinstaller}; the packaged-app test runs the same steps.
 */
public final class Packager {

    public static final String NAME = "Lotsbok";
    /** The Debian package's name (lower case, as Debian requires); it installs to /opt/lotsbok. */
    public static final String DEB_NAME = "lotsbok";
    /**
     * Fixed for good: Windows Installer treats packages with the same upgrade code as versions of one
     * product, so a newer .msi replaces the older one instead of installing beside it.
     */
    public static final String WINDOWS_UPGRADE_UUID = "6f1b7a52-3c4e-4d2b-9f0a-8e5d2c71b4a9";
    public static final String VENDOR = "Lotsbok";
    public static final String DESCRIPTION = "Register för Social insatsgrupp";
    /** The AOT cache beside the jars; the launcher finds it through {@code $APPDIR}. */
    public static final String AOT_CACHE = "lotsbok.aot";

    /**
     * The JDK modules the program uses (jdeps on the jar and its libraries, plus what they load by
     * name): JavaFX needs java.desktop and jdk.unsupported, H2 java.management, java.naming and jdk.net,
     * the language preference java.prefs; jdk.localedata (Swedish only) gives Swedish collation and
     * dates, jdk.charsets the Windows code pages that the import recognises; the PostgreSQL driver
     * java.security.jgss for an office server that logs users in with Kerberos (GSSAPI).
     */
    static final List<String> MODULES = List.of("java.base", "java.desktop", "java.logging", "java.management",
            "java.naming", "java.prefs", "java.scripting", "java.security.jgss", "java.sql", "java.xml",
            "jdk.charsets", "jdk.jfr",
            "jdk.localedata", "jdk.net", "jdk.unsupported", "jdk.zipfs");

    /**
     * The launcher's JVM options. The serial collector, the usual choice for a desktop program with a
     * small heap (not measured against G1 here); the AOT cache is made and used with the same one.
     */
    static final List<String> JAVA_OPTIONS = List.of("-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED");

    private Packager() {
    }

    /** The app image's own files on this platform. */
    public record AppImage(Path root) {

        public Path launcher() {
            return switch (Platform.current()) {
                case WINDOWS -> root.resolve(NAME + ".exe");
                case MAC -> root.resolve("Contents/MacOS/" + NAME);
                case LINUX -> root.resolve("bin/" + NAME);
            };
        }

        /** The folder jpackage calls {@code $APPDIR}: the jars and the launcher's configuration. */
        public Path appDir() {
            return switch (Platform.current()) {
                case WINDOWS -> root.resolve("app");
                case MAC -> root.resolve("Contents/app");
                case LINUX -> root.resolve("lib/app");
            };
        }

        public Path config() {
            return appDir().resolve(NAME + ".cfg");
        }

        public Path aotCache() {
            return appDir().resolve(AOT_CACHE);
        }

        /** The image whose top folder is {@code root} (for an installed .deb: /opt/lotsbok). */
        public static AppImage at(Path root) {
            return new AppImage(root);
        }
    }

    enum Platform {
        LINUX, WINDOWS, MAC;

        static Platform current() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return os.startsWith("windows") ? WINDOWS : os.startsWith("mac") ? MAC : LINUX;
        }
    }

    /**
     * {@code Packager --jar target/lotsbok.jar --dest target/dist --work target/packaging --version V
     * [--train window|info|none] [--installer auto|none]}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path jar = Path.of(options.getOrDefault("jar", "target/lotsbok.jar"));
        Path dest = Path.of(options.getOrDefault("dest", "target/dist"));
        Path work = Path.of(options.getOrDefault("work", "target/packaging"));
        String version = options.getOrDefault("version", "0.0.0");
        long start = System.nanoTime();
        AppImage image = appImage(jar, work, dest, version);
        log("app image " + image.root() + " (" + seconds(start) + ")");
        String training = options.getOrDefault("train", "window");
        if (!training.equals("none")) {
            long trained = System.nanoTime();
            train(image, work.resolve("training"), training);
            log("AOT cache " + image.aotCache() + ", " + Files.size(image.aotCache()) / 1_000_000 + " MB ("
                    + seconds(trained) + ")");
        }
        if (options.getOrDefault("installer", "auto").equals("auto")) {
            long packaged = System.nanoTime();
            Path installer = switch (Platform.current()) {
                case LINUX -> deb(image, dest, version);
                case WINDOWS -> onPath("candle.exe") || onPath("wix.exe") ? msi(image, dest, version) : null;
                case MAC -> null;
            };
            if (installer != null) {
                log("installer " + installer + " (" + seconds(packaged) + ")");
            } else {
                log("no installer: an .msi needs the WiX Toolset on the PATH (README, \"Installera\")");
            }
        }
    }

    /**
     * The app image in {@code dest/Lotsbok}: the jar and the libraries its manifest names (found on
     * this JVM's class path, which Maven gives the build), on a runtime of {@link #MODULES} only.
     */
    public static AppImage appImage(Path jar, Path work, Path dest, String version) throws IOException {
        deleteTree(work);
        deleteTree(dest.resolve(NAME));
        Path input = Files.createDirectories(work.resolve("input"));
        Files.copy(jar, input.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        for (String entry : manifestClassPath(jar)) {
            Path library = jar.resolveSibling(entry);
            Path target = input.resolve(entry);
            Files.createDirectories(target.getParent());
            Files.copy(Files.exists(library) ? library : onClassPath(Path.of(entry).getFileName().toString()), target,
                    StandardCopyOption.COPY_ATTRIBUTES);
            extractNativeLibraries(target);
        }
        Path runtime = work.resolve("runtime");
        List<String> jlink = new ArrayList<>(List.of("--add-modules", String.join(",", MODULES),
                "--include-locales=en,sv", "--no-header-files", "--no-man-pages",
                // A CDS archive of the runtime's own classes: a start without the AOT cache still
                // maps the JDK's classes instead of loading them.
                "--generate-cds-archive", "--output", runtime.toString()));
        // --strip-debug also strips native symbols on Linux, which needs objcopy (binutils).
        jlink.add(Platform.current() != Platform.LINUX || onPath("objcopy") ? "--strip-debug"
                : "--strip-java-debug-attributes");
        tool("jlink", jlink);
        Files.createDirectories(dest);
        List<String> jpackage = new ArrayList<>(List.of("--type", "app-image", "--name", NAME,
                "--input", input.toString(), "--main-jar", jar.getFileName().toString(),
                "--main-class", "se.lotsbok.Main", "--runtime-image", runtime.toString(),
                "--dest", dest.toString(), "--app-version", packageVersion(version),
                "--vendor", VENDOR, "--description", DESCRIPTION));
        for (String option : JAVA_OPTIONS) {
            jpackage.addAll(List.of("--java-options", option));
        }
        tool("jpackage", jpackage);
        deleteTree(runtime);
        return AppImage.at(dest.resolve(Platform.current() == Platform.MAC ? NAME + ".app" : NAME));
    }

    /**
     * JavaFX's native libraries beside its jars, where JavaFX loads them from directly. Otherwise it
     * copies them at every start into {@code .openjfx/cache} in the user's home and checks them there:
     * time at start-up, and a program's libraries loaded from a user's folder, which an office PC's
     * application control may forbid.
     */
    private static void extractNativeLibraries(Path jar) throws IOException {
        if (!jar.getFileName().toString().startsWith("javafx-")) {
            return;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var entry : java.util.Collections.list(file.entries())) {
                String name = entry.getName();
                if (!name.contains("/") && name.matches(".*\\.(so|dll|dylib)$")) {
                    try (var in = file.getInputStream(entry)) {
                        Files.copy(in, jar.resolveSibling(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /**
     * Makes the image's AOT cache (JEP 483/514) by running its own launcher once with
     * {@code -XX:AOTCacheOutput}: with {@code window}, the start-up a user sees (login window, the
     * first administrator, the main window and each of its places, logout, login, close), which needs
     * a display (Xvfb is started when there is none); with {@code info}, the {@code info} command
     * only. Then the launcher is set to use the cache. Running the launcher itself makes the training
     * see the same runtime, class path and options as every later start, which the cache requires.
     */
    public static void train(AppImage image, Path folder, String workload) throws IOException, InterruptedException {
        Path config = image.config();
        String original = Files.readString(config, StandardCharsets.UTF_8);
        // Without AOT class linking: with it the JVM loads and links every class of the training run
        // (H2, Flyway, every screen) before main, which put the first window later, not sooner
        // (docs/benchmarks.md); without it each class still comes parsed and verified from the cache.
        List<String> training = new ArrayList<>(List.of("-XX:AOTCacheOutput=$APPDIR/" + AOT_CACHE,
                "-XX:-AOTClassLinking"));
        List<String> args = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        deleteTree(folder);
        switch (workload) {
            case "window" -> {
                training.add("-D" + TrainingRun.PROPERTY + "=true");
                args.addAll(List.of("--db", folder.toString()));
            }
            case "info" -> {
                args.addAll(List.of("info", "--db", folder.toString()));
                env.put("LOTSBOK_USER", "aot");
                env.put("LOTSBOK_PASSWORD", "ett långt träningslösenord");
            }
            default -> throw new IllegalArgumentException("unknown training " + workload + "; window, info or none");
        }
        Files.deleteIfExists(image.aotCache());
        Files.writeString(config, withJavaOptions(original, training), StandardCharsets.UTF_8);
        VirtualDisplay display = workload.equals("window") ? VirtualDisplay.forTraining() : VirtualDisplay.NONE;
        try {
            display.environment().forEach(env::putIfAbsent);
            run(image.launcher(), args, env, folder.resolveSibling("training.log"));
        } finally {
            display.close();
            Files.writeString(config, original, StandardCharsets.UTF_8);
            deleteTree(folder);
        }
        if (!Files.exists(image.aotCache())) {
            throw new IllegalStateException("the training run made no AOT cache; see "
                    + folder.resolveSibling("training.log"));
        }
        Files.writeString(config, withJavaOptions(original, List.of("-XX:AOTCache=$APPDIR/" + AOT_CACHE)),
                StandardCharsets.UTF_8);
    }

    /** The launcher configuration with {@code options} added to its JVM options. */
    static String withJavaOptions(String config, List<String> options) {
        StringBuilder lines = new StringBuilder();
        for (String option : options) {
            lines.append("java-options=").append(option).append('\n');
        }
        String section = "[JavaOptions]\n";
        int at = config.indexOf(section);
        if (at < 0) {
            return config.stripTrailing() + "\n\n" + section + lines;
        }
        int end = at + section.length();
        return config.substring(0, end) + lines + config.substring(end);
    }

    /** A Debian package of the image ({@code fakeroot} and {@code dpkg-deb} must be installed). */
    public static Path deb(AppImage image, Path dest, String version) throws IOException {
        List<String> before = list(dest, ".deb");
        tool("jpackage", List.of("--type", "deb", "--app-image", image.root().toString(), "--name", NAME,
                "--linux-package-name", DEB_NAME, "--app-version", packageVersion(version),
                "--vendor", VENDOR, "--description", DESCRIPTION, "--linux-app-category", "office",
                "--linux-menu-group", "Office", "--linux-shortcut", "--dest", dest.toString()));
        return newest(dest, ".deb", before);
    }

    /**
     * A per-user Windows Installer package (WiX must be installed), the same command the README gives:
     * no administrator rights, the fixed upgrade code so that a newer version replaces the older one.
     */
    public static Path msi(AppImage image, Path dest, String version) throws IOException {
        List<String> before = list(dest, ".msi");
        tool("jpackage", List.of("--type", "msi", "--app-image", image.root().toString(), "--name", NAME,
                "--app-version", packageVersion(version), "--vendor", VENDOR, "--description", DESCRIPTION,
                "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID, "--win-per-user-install", "--win-dir-chooser",
                "--win-menu", "--win-menu-group", NAME, "--win-shortcut", "--dest", dest.toString()));
        return newest(dest, ".msi", before);
    }

    /**
     * The version an installer carries: the build's version without a {@code -SNAPSHOT} suffix
     * (installers accept numbers and dots only), e.g. {@code 1.2.0}.
     */
    public static String packageVersion(String projectVersion) {
        String numeric = projectVersion.replaceFirst("-.*$", "");
        if (!numeric.matches("\\d+(\\.\\d+){0,3}")) {
            throw new IllegalArgumentException("an installer needs a version of numbers and dots, not " + projectVersion);
        }
        return numeric;
    }

    /** Whether the tools for a .deb are on the PATH. */
    public static boolean canMakeDeb() {
        return Platform.current() == Platform.LINUX && onPath("fakeroot") && onPath("dpkg-deb");
    }

    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, program)));
    }

    private static List<String> manifestClassPath(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
            return classPath == null ? List.of() : List.of(classPath.trim().split("\\s+"));
        }
    }

    private static Path onClassPath(String fileName) {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName() != null && p.getFileName().toString().equals(fileName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(fileName + " is neither beside the jar nor on the class path"));
    }

    private static void tool(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException(name + " is missing: packaging needs a full JDK 25"));
        StringWriter out = new StringWriter();
        int status = tool.run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException(name + " failed (" + status + "): " + out);
        }
    }

    /** Runs {@code program} and waits for it, with its output in {@code log}; fails on a non-zero status. */
    static void run(Path program, List<String> args, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(program + " did not finish within 5 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(program + " ended with status " + process.exitValue() + ": "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static List<String> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Path::toString).filter(p -> p.endsWith(suffix)).toList();
        }
    }

    private static Path newest(Path dir, String suffix, List<String> before) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix))
                    .max(Comparator.comparing((Path p) -> !before.contains(p.toString()))
                            .thenComparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("jpackage wrote no " + suffix + " to " + dir));
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    private static void log(String line) {
        System.out.println("[packager] " + line);
    }
}
