package se.lotsbok;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the arrows of DESIGN.md §5 pointing one way: ui → service/report → domain, store → domain. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.lotsbok");
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
}
