package nl.meldspoor.casework;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "nl.meldspoor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theMeldcodeDomainKnowsNoWebOrPersistence = noClasses()
            .that().resideInAPackage("nl.meldspoor.casework.meldcase")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..", "nl.meldspoor.platform..")
            .because("the aggregate and its rules are plain Java with Axon annotations (STYLE.md §4, §7)");

    @ArchTest
    static final ArchRule thePublishedLanguageIsFreeOfSpringAndPersistence = noClasses()
            .that().resideInAPackage("nl.meldspoor.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "java.sql..", "nl.meldspoor.platform..", "nl.meldspoor.casework..")
            .because("the api module is the contract between services");

    @ArchTest
    static final ArchRule theCaseServiceUsesOnlyTheApiAndThePlatformOfOtherModules = classes()
            .that().resideInAPackage("nl.meldspoor.casework..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("nl.meldspoor..").or(resideInAnyPackage("nl.meldspoor.casework..", "nl.meldspoor.api..", "nl.meldspoor.platform..")))
            .because("services never import each other's internals");

    @ArchTest
    static final ArchRule controllersStayOutOfTheDomain = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().resideInAPackage("..web..");
}
