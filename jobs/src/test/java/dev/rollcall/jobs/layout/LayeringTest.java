package dev.rollcall.jobs.layout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of rollcall, held so that it cannot rot: the audit's nouns (model) know only the
 * JDK, the rules know only the model, connectors and reports know neither the jobs nor each other,
 * and the packages of jobs form no cycle. The main classes of every module are on this module's
 * test class path, so one import sees them all.
 */
class LayeringTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The rules' fixtures come in a test-jar, which the predefined option does not know.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.rollcall");
  }

  @Test
  void everyModuleIsImported() {
    for (String pkg :
        new String[] {
          "dev.rollcall.model",
          "dev.rollcall.rules",
          "dev.rollcall.connectors.aws",
          "dev.rollcall.connectors.google",
          "dev.rollcall.connectors.atlas",
          "dev.rollcall.reports",
          "dev.rollcall.jobs.run"
        }) {
      if (main.stream().noneMatch(c -> c.getPackageName().equals(pkg))) {
        throw new AssertionError(
            "no main class of " + pkg + " was imported: the test sees nothing");
      }
    }
  }

  @Test
  void theModelImportsOnlyTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.rollcall.model..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.rollcall.model..", "java..")
        .check(main);
  }

  @Test
  void theRulesImportOnlyTheModel() {
    classes()
        .that()
        .resideInAPackage("dev.rollcall.rules..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.rollcall.rules..", "dev.rollcall.model..", "java..")
        .check(main);
  }

  @Test
  void connectorsNeverReachIntoJobsOrReports() {
    noClasses()
        .that()
        .resideInAPackage("dev.rollcall.connectors..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.rollcall.jobs..", "dev.rollcall.reports..", "dev.rollcall.rules..")
        .check(main);
  }

  @Test
  void reportsNeverReachIntoConnectorsOrJobs() {
    noClasses()
        .that()
        .resideInAPackage("dev.rollcall.reports..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.rollcall.connectors..", "dev.rollcall.jobs..")
        .check(main);
  }

  @Test
  void thePackagesOfJobsFormNoCycle() {
    slices().matching("dev.rollcall.jobs.(*)..").should().beFreeOfCycles().check(main);
  }
}
