package se.lotsbok.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.report.AppVersion;
import se.lotsbok.testing.Pins;

/**
 * The packaged program as an office PC gets it: the app image built by the same steps as
 * {@code -Pinstaller} (its own runtime, an AOT cache from a training run of {@code info}), and the
 * {@code .deb} unpacked into a temporary root. Each runs {@code --help}, a headless {@code info} on a
 * new register, and an upgrade: a register of the first released schema, migrated at the next start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedAppIT {

    private static final Map<String, String> LOGIN = Map.of("LOTSBOK_USER", "chef", "LOTSBOK_PASSWORD",
            "ett långt lösenord");

    @TempDir
    Path temp;
    private Packager.AppImage image;
    private Path deb;

    @BeforeAll
    void buildTheImageOnce() throws Exception {
        assumeTrue(ToolProvider.findFirst("jpackage").isPresent() && ToolProvider.findFirst("jlink").isPresent(),
                "jpackage and jlink are not in this JDK: the packaged program is not tested");
        Path target = Path.of(System.getProperty("lotsbok.jar", "target/lotsbok.jar")).toAbsolutePath().getParent();
        Path work = target.resolve("packaged-it");
        Packager.deleteTree(work);
        image = Packager.appImage(target.resolve("lotsbok.jar"), work.resolve("packaging"), work.resolve("dist"),
                AppVersion.get());
        Packager.train(image, work.resolve("training"), "info");
        if (Packager.canMakeDeb()) {
            deb = Packager.deb(image, work.resolve("dist"), AppVersion.get());
        }
    }

    @Test
    void theAppImageAnswersHelpAndInfoWithItsVersion() throws Exception {
        assertHelpAndInfo(image);
    }

    @Test
    void theAppImageMigratesARegisterOfTheFirstReleaseAtItsFirstStart() throws Exception {
        Path folder = temp.resolve("gammalt");
        firstReleaseRegister(folder);
        Result info = run(image, LOGIN, "info", "--db", folder.toString());
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("Deltagare: 1");
        assertThat(info.out().lines().filter(l -> l.startsWith("Schemaversion: ")).findFirst().orElseThrow())
                .isNotEqualTo("Schemaversion: 1");
        assertThat(Files.readString(folder.resolve("logs/lotsbok.0.log"))).contains("schema migrated from version 1 to");
    }

    @Test
    void theDebInstalledIntoATemporaryRootRunsAndUsesItsAotCache() throws Exception {
        assumeTrue(deb != null, "fakeroot and dpkg-deb are not installed (Debian: apt-get install fakeroot"
                + " dpkg-dev): the .deb is not tested");
        Path root = temp.resolve("root");
        Files.createDirectories(root);
        Process unpack = new ProcessBuilder("dpkg-deb", "-x", deb.toString(), root.toString()).inheritIO().start();
        assertThat(unpack.waitFor(2, TimeUnit.MINUTES) && unpack.exitValue() == 0).isTrue();
        Packager.AppImage installed = Packager.AppImage.at(root.resolve("opt").resolve(Packager.DEB_NAME));
        assertThat(installed.launcher()).isExecutable();
        assertThat(installed.aotCache()).exists();
        // With the cache required rather than tried, a cache the JVM cannot use stops the start.
        Files.writeString(installed.config(), Packager.withJavaOptions(
                Files.readString(installed.config(), StandardCharsets.UTF_8), List.of("-XX:AOTMode=on")),
                StandardCharsets.UTF_8);
        assertHelpAndInfo(installed);
    }

    private void assertHelpAndInfo(Packager.AppImage program) throws Exception {
        Result help = run(program, Map.of(), "--help");
        assertThat(help.status()).as(help.err()).isZero();
        assertThat(help.out()).contains("Kommandon:", "info", "backup");

        Path folder = temp.resolve("nytt-" + System.nanoTime());
        Result info = run(program, LOGIN, "info", "--db", folder.toString());
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("Version: " + AppVersion.get(), "Deltagare: 0");
        assertThat(info.err()).isEmpty();
        assertThat(folder.resolve("lotsbok.mv.db")).exists();
    }

    /** The register as the first release left it: schema version 1, unencrypted, one participant. */
    private static void firstReleaseRegister(Path folder) throws Exception {
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("lotsbok") + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
        Flyway.configure().dataSource(url, "lotsbok", "").locations("classpath:db/migration").target("1").load().migrate();
        OffsetDateTime at = OffsetDateTime.parse("2025-03-01T08:15:30+01:00");
        try (Connection c = DriverManager.getConnection(url, "lotsbok", "");
                PreparedStatement insert = c.prepareStatement("INSERT INTO participant (first_name, last_name,"
                        + " identity_number, birth_date, gender, programme, phone, address, comment, version,"
                        + " created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, '', '', '', 1, ?, 0, ?, 0)")) {
            Object[] values = {"Åse", "Öberg", Pins.twelve("20080314", "238"), LocalDate.of(2008, 3, 14), "WOMAN", "YOUTH",
                at, at};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    private record Result(int status, String out, String err) {
    }

    private Result run(Packager.AppImage program, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.launcher().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("LOTSBOK_USER");
        builder.environment().remove("LOTSBOK_PASSWORD");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(program.launcher() + " did not finish within 2 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
