package nl.meldspoor.reporting;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import nl.meldspoor.reporting.meldcase.CaseRecord;

@AnalyzeClasses(packages = "nl.meldspoor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theReportingServiceUsesOnlyTheApiAndThePlatformOfOtherModules = classes()
            .that().resideInAPackage("nl.meldspoor.reporting..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("nl.meldspoor..").or(resideInAnyPackage("nl.meldspoor.reporting..", "nl.meldspoor.api..", "nl.meldspoor.platform..")))
            .because("services never import each other's internals");

    @ArchTest
    static final ArchRule dashboardsNeverReadPupilLevelData = noClasses()
            .that().resideInAPackage("nl.meldspoor.reporting.dashboard..")
            .should().callMethod(CaseRecord.class, "pupilRef")
            .orShould().callMethod(CaseRecord.class, "events")
            .because("above school level there is no pupil-level data (DOMAIN.md §6)");

    @ArchTest
    static final ArchRule readModelsHoldNoBusinessRules = noClasses()
            .that().resideInAPackage("nl.meldspoor.reporting..")
            .and().resideOutsideOfPackage("nl.meldspoor.reporting.access..")
            .should().dependOnClassesThat().haveSimpleName("RuleViolation")
            .because("rules live in the aggregates; projections only record what happened (who may read them is decided in access)");
}
