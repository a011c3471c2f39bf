package nl.meldspoor.notifications;

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
    static final ArchRule theNotificationServiceUsesOnlyTheApiAndThePlatformOfOtherModules = classes()
            .that().resideInAPackage("nl.meldspoor.notifications..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("nl.meldspoor..").or(resideInAnyPackage("nl.meldspoor.notifications..", "nl.meldspoor.api..", "nl.meldspoor.platform..")))
            .because("services never import each other's internals");

    @ArchTest
    static final ArchRule alertsAreDecidedWithoutWebOrMail = noClasses()
            .that().resideInAnyPackage("nl.meldspoor.notifications.alert..", "nl.meldspoor.notifications.reminder..",
                    "nl.meldspoor.notifications.calendar..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.mail..", "jakarta.mail..")
            .because("who is told what and when is decided apart from how it is delivered");
}
