package nl.meldspoor.signals;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import nl.meldspoor.signals.pupil.ArchitectureViolations;
import nl.meldspoor.signals.pupil.PupilFile;
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
        refuses(ArchitectureTest.theDomainKnowsNoWebOrPersistence, ArchitectureViolations.DomainUsingSpring.class);
        accepts(ArchitectureTest.theDomainKnowsNoWebOrPersistence, PupilFile.class);
    }

    @Test
    void theServiceMayNotReachIntoAnotherService() {
        refuses(ArchitectureTest.theSignalServiceUsesOnlyTheApiAndThePlatformOfOtherModules, ArchitectureViolations.ReachingIntoAnotherService.class);
        accepts(ArchitectureTest.theSignalServiceUsesOnlyTheApiAndThePlatformOfOtherModules, PupilFile.class);
    }

    @Test
    void aControllerMayNotLiveInTheDomain() {
        refuses(ArchitectureTest.controllersStayOutOfTheDomain, ArchitectureViolations.ControllerInTheDomain.class);
    }
}
