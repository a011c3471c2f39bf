package nl.meldspoor.casework;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import nl.meldspoor.api.archfixture.ApiUsingSpring;
import nl.meldspoor.casework.meldcase.ArchitectureViolations;
import nl.meldspoor.casework.meldcase.MeldcodeCase;
import org.junit.jupiter.api.Test;

/** Each architecture rule refuses a class that breaks it, and accepts a class of the service that keeps it. */
class ArchitectureRulesRefuseViolationsTest {

    private static void refuses(ArchRule rule, Class<?> violation) {
        JavaClasses classes = new ClassFileImporter().importClasses(violation);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining(violation.getSimpleName());
    }

    private static void accepts(ArchRule rule, Class<?> keeper) {
        assertThatCode(() -> rule.check(new ClassFileImporter().importClasses(keeper))).doesNotThrowAnyException();
    }

    @Test
    void theDomainMayNotUseSpring() {
        refuses(ArchitectureTest.theMeldcodeDomainKnowsNoWebOrPersistence, ArchitectureViolations.DomainUsingSpring.class);
        accepts(ArchitectureTest.theMeldcodeDomainKnowsNoWebOrPersistence, MeldcodeCase.class);
    }

    @Test
    void thePublishedLanguageMayNotUseSpring() {
        refuses(ArchitectureTest.thePublishedLanguageIsFreeOfSpringAndPersistence, ApiUsingSpring.class);
    }

    @Test
    void theServiceMayNotReachIntoAnotherService() {
        refuses(ArchitectureTest.theCaseServiceUsesOnlyTheApiAndThePlatformOfOtherModules, ArchitectureViolations.ReachingIntoAnotherService.class);
        accepts(ArchitectureTest.theCaseServiceUsesOnlyTheApiAndThePlatformOfOtherModules, MeldcodeCase.class);
    }

    @Test
    void aControllerMayNotLiveInTheDomain() {
        refuses(ArchitectureTest.controllersStayOutOfTheDomain, ArchitectureViolations.ControllerInTheDomain.class);
    }
}
