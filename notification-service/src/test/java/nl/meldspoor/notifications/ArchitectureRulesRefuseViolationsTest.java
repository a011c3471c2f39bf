package nl.meldspoor.notifications;

import static nl.meldspoor.platform.testing.ArchitectureRuleProof.accepts;
import static nl.meldspoor.platform.testing.ArchitectureRuleProof.refuses;

import nl.meldspoor.notifications.alert.ArchitectureViolations;
import nl.meldspoor.notifications.alert.ImmediateAlerts;
import org.junit.jupiter.api.Test;

/** Each architecture rule refuses a class that breaks it, and accepts a class of the service that keeps it. */
class ArchitectureRulesRefuseViolationsTest {

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
