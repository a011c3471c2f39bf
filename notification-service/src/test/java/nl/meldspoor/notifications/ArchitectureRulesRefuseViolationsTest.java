package nl.meldspoor.notifications;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import nl.meldspoor.notifications.alert.ArchitectureViolations;
import nl.meldspoor.notifications.alert.ImmediateAlerts;
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
    void theServiceMayNotReachIntoAnotherService() {
        refuses(ArchitectureTest.theNotificationServiceUsesOnlyTheApiAndThePlatformOfOtherModules, ArchitectureViolations.ReachingIntoAnotherService.class);
        accepts(ArchitectureTest.theNotificationServiceUsesOnlyTheApiAndThePlatformOfOtherModules, ImmediateAlerts.class);
    }

    @Test
    void decidingAlertsMayNotSendMail() {
        refuses(ArchitectureTest.alertsAreDecidedWithoutWebOrMail, ArchitectureViolations.AlertSendingMail.class);
        accepts(ArchitectureTest.alertsAreDecidedWithoutWebOrMail, ImmediateAlerts.class);
    }
}
