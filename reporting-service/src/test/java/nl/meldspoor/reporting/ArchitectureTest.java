package nl.meldspoor.reporting;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.readmodel.AggregateDocumentReadModel;
import nl.meldspoor.reporting.readmodel.HistoryEntry;

@AnalyzeClasses(packages = "nl.meldspoor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theReportingServiceUsesOnlyTheApiAndThePlatformOfOtherModules = classes()
            .that().resideInAPackage("nl.meldspoor.reporting..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("nl.meldspoor..").or(resideInAnyPackage("nl.meldspoor.reporting..", "nl.meldspoor.api..", "nl.meldspoor.platform..")))
            .because("services never import each other's internals");

    /**
     * The dashboards count from their own counters: not the pupil a case is about, not the events (with their texts) in
     * a read model's timeline, not the reporting-service's folds of whole histories (which hold the texts).
     */
    @ArchTest
    static final ArchRule dashboardsNeverReadPupilLevelData = noClasses()
            .that().resideInAPackage("nl.meldspoor.reporting.dashboard..")
            .should().callMethod(CaseRecord.class, "pupilRef")
            .orShould().callMethodWhere(target(name("history")).and(target(owner(assignableTo(AggregateDocumentReadModel.class)))))
            .orShould().dependOnClassesThat(resideInAPackage("nl.meldspoor.reporting..fold..").or(type(HistoryEntry.class)))
            .because("above school level there is no pupil-level data (DOMAIN.md §6), and counters are kept per event, not replayed");

    @ArchTest
    static final ArchRule readModelsHoldNoBusinessRules = noClasses()
            .that().resideInAPackage("nl.meldspoor.reporting..")
            .and().resideOutsideOfPackage("nl.meldspoor.reporting.access..")
            .should().dependOnClassesThat().haveSimpleName("RuleViolation")
            .because("rules live in the aggregates; projections only record what happened (who may read them is decided in access)");
}
