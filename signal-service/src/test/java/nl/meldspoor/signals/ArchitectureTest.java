package nl.meldspoor.signals;

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
    static final ArchRule theDomainKnowsNoWebOrPersistence = noClasses()
            .that().resideInAnyPackage("nl.meldspoor.signals.pupil", "nl.meldspoor.signals.incident")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..", "nl.meldspoor.platform..")
            .because("aggregates and their rules are plain Java with Axon annotations (STYLE.md §4, §7)");

    @ArchTest
    static final ArchRule theSignalServiceUsesOnlyTheApiAndThePlatformOfOtherModules = classes()
            .that().resideInAPackage("nl.meldspoor.signals..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("nl.meldspoor..").or(resideInAnyPackage("nl.meldspoor.signals..", "nl.meldspoor.api..", "nl.meldspoor.platform..")))
            .because("services never import each other's internals");

    @ArchTest
    static final ArchRule controllersStayOutOfTheDomain = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().resideInAPackage("..web..");
}
