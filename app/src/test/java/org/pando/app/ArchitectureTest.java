package org.pando.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of the module layout, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static final String[] DOMAIN = {"org.pando.domain..", "org.pando.account..", "org.pando.catalog..",
            "org.pando.events..", "org.pando.jobs..", "org.pando.blobs..", "org.pando.media..", "org.pando.upload..",
            "org.pando.learn..", "org.pando.understanding..", "org.pando.moderation..", "org.pando.recommend..",
            "org.pando.search..", "org.pando.stats..", "org.pando.ledger..",
            "org.pando.pipeline.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.pando");
    }

    @Test
    void domainModulesKnowNoWebFrameworkAndNoSql() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "java.sql..", "javax.sql..",
                        "org.jdbi..", "org.flywaydb..", "com.zaxxer..", "org.h2..", "org.postgresql..")
                .because("domain modules hold rules, and adapters sit at the edge")
                .check(classes);
    }

    @Test
    void onlyTheWebModuleImportsHelidon() {
        noClasses().that().resideOutsideOfPackage("org.pando.web..")
                .should().dependOnClassesThat().resideInAPackage("io.helidon..")
                .because("the web module is the only HTTP adapter")
                .check(classes);
    }

    @Test
    void onlyTheStoreModuleSpeaksSql() {
        noClasses().that().resideOutsideOfPackage("org.pando.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jdbi..", "org.flywaydb..")
                .because("the store module is the only persistence adapter")
                .check(classes);
    }

    @Test
    void modulesDoNotDependOnEachOtherInCycles() {
        slices().matching("org.pando.(*)..").should().beFreeOfCycles().check(classes);
    }
}
