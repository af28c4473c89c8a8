package se.lotsbok;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Set;

/**
 * Keeps the layers' arrows pointing one way (README, "How it is built"): ui → service/report → domain,
 * store → domain.
 */
class ArchitectureTest {

    private static JavaClasses classes;
    private static JavaClasses testClasses;

    /** The types whose no-argument (or zone-only) {@code now} reads the machine's clock. */
    private static final Set<String> TEMPORALS = Set.of("java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.LocalTime", "java.time.Instant", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.YearMonth", "java.time.Year", "java.time.MonthDay");

    /**
     * A call that reads the machine's clock or zone: {@code X.now()} or {@code X.now(zone)} on a
     * java.time type, {@code Clock.system*()}, {@code ZoneId.systemDefault()}, {@code TimeZone.getDefault()}
     * and {@code System.currentTimeMillis()}. {@code X.now(clock)} is how everyone else asks.
     */
    static final DescribedPredicate<JavaCall<?>> READS_THE_SYSTEM_CLOCK = DescribedPredicate.describe(
            "read the machine's clock or time zone", call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                List<String> parameters = call.getTarget().getRawParameterTypes().stream()
                        .map(JavaClass::getName).toList();
                return TEMPORALS.contains(owner) && name.equals("now")
                                && (parameters.isEmpty() || parameters.equals(List.of("java.time.ZoneId")))
                        || owner.equals("java.time.Clock") && name.startsWith("system")
                        || owner.equals("java.time.ZoneId") && name.equals("systemDefault")
                        || owner.equals("java.util.TimeZone") && name.equals("getDefault")
                        || owner.equals("java.lang.System") && name.equals("currentTimeMillis");
            });

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.lotsbok");
        testClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("se.lotsbok");
    }

    @Test
    void onlyTheCompositionRootReadsTheSystemClock() {
        noClasses().that().doNotHaveFullyQualifiedName(AppWiring.class.getName())
                .and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().callCodeUnitWhere(READS_THE_SYSTEM_CLOCK)
                .because("a program with two clocks shows one date in the window and records another; the"
                        + " composition root creates the one Clock (Stockholm time) and every layer gets now and"
                        + " today from it, so the whole program also runs on a test's fixed day")
                .check(classes);
    }

    @Test
    void testsLiveOnAClockTheyName() {
        noClasses().that().doNotHaveFullyQualifiedName(ReadsTheSystemClock.class.getName())
                .should().callCodeUnitWhere(READS_THE_SYSTEM_CLOCK)
                .because("a test that reads today's date passes only in the week it was written; every test"
                        + " (and benchmark) names the fixed or hand-moved clock it runs on")
                .check(testClasses);
    }

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("se.lotsbok.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.controlsfx..", "org.jooq..", "java.sql..", "javax.sql..", "org.h2..",
                        "org.flywaydb..", "tools.jackson..",
                        "se.lotsbok.store..", "se.lotsbok.service..", "se.lotsbok.report..", "se.lotsbok.ui..",
                        "se.lotsbok.cli..")
                .because("the rules must be testable without a window or a database, and reusable by every layer")
                .check(classes);
    }

    @Test
    void onlyTheStoreTouchesSql() {
        noClasses().that().resideOutsideOfPackage("se.lotsbok.store..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.jooq..", "java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..")
                .because("all SQL lives in one place, so a change of database (H2 server, PostgreSQL) touches only it")
                .check(classes);
    }

    @Test
    void theUiNeverReachesIntoTheStore() {
        noClasses().that().resideInAPackage("se.lotsbok.ui..")
                .should().dependOnClassesThat().resideInAPackage("se.lotsbok.store..")
                .because("views and view models go through services, which hold the transactions and the rules")
                .check(classes);
    }

    @Test
    void servicesAndReportsKnowNothingOfTheUi() {
        noClasses().that().resideInAnyPackage("se.lotsbok.service..", "se.lotsbok.report..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "se.lotsbok.ui..",
                        "se.lotsbok.cli..")
                .because("the command line runs the same services without a window")
                .check(classes);
    }

    @Test
    void theStoreDependsOnTheDomainOnly() {
        noClasses().that().resideInAPackage("se.lotsbok.store..")
                .should().dependOnClassesThat().resideInAnyPackage("se.lotsbok.service..", "se.lotsbok.report..",
                        "se.lotsbok.ui..", "se.lotsbok.cli..", "javafx..")
                .because("persistence must not know who calls it")
                .check(classes);
    }

    @Test
    void theCommandLineHasNoWindow() {
        noClasses().that().resideInAPackage("se.lotsbok.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "se.lotsbok.ui..")
                .because("commands run on machines without a display")
                .check(classes);
    }

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        slices().matching("se.lotsbok.(**)").should().beFreeOfCycles()
                // jOOQ's generated classes refer to each other by design; they are not written here
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("se.lotsbok.store.jooq.."),
                        DescribedPredicate.alwaysTrue())
                .because("two packages that need each other can only be understood, tested and changed together;"
                        + " a shared type goes to the package both may depend on")
                .check(classes);
    }

    @Test
    void onlyMainAndTheCommandLineWriteToTheConsole() {
        noClasses().that().resideOutsideOfPackage("se.lotsbok.cli..")
                .and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("the window has no console, and a line on standard error could quote personal data;"
                        + " the rest of the program reports through System.Logger, which Main configures")
                .check(classes);
    }

    @Test
    void theClockRuleSeesEachWayOfReadingTheSystemClock() {
        JavaClasses offender = new ClassFileImporter().importClasses(ReadsTheSystemClock.class);
        for (String method : List.of("today", "zoned", "instant", "clock", "zone", "millis")) {
            assertThat(offender.get(ReadsTheSystemClock.class).getMethod(method).getCallsFromSelf())
                    .as(method).anyMatch(READS_THE_SYSTEM_CLOCK);
        }
        assertThat(offender.get(ReadsTheSystemClock.class).getMethod("fixed", java.time.Clock.class).getCallsFromSelf())
                .noneMatch(READS_THE_SYSTEM_CLOCK);
    }

    /** What the clock rule must catch (and, in {@code fixed}, let through). */
    @SuppressWarnings("unused")
    private static final class ReadsTheSystemClock {
        static Object today() {
            return java.time.LocalDate.now();
        }

        static Object zoned() {
            return java.time.LocalDateTime.now(java.time.ZoneId.of("UTC"));
        }

        static Object instant() {
            return java.time.Instant.now();
        }

        static Object clock() {
            return java.time.Clock.systemUTC();
        }

        static Object zone() {
            return java.time.ZoneId.systemDefault();
        }

        static long millis() {
            return System.currentTimeMillis();
        }

        static Object fixed(java.time.Clock clock) {
            return java.time.LocalDate.now(clock).atStartOfDay(clock.getZone());
        }
    }
}
