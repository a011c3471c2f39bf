package nl.meldspoor.notifications.alert;

/** Classes that break the notification-service's architecture rules, to prove each rule refuses them (never loaded by the service). */
public final class ArchitectureViolations {

    private ArchitectureViolations() {
    }

    public static class AlertSendingMail {
        org.springframework.mail.MailSender sender;
    }

    public static class ReachingIntoAnotherService {
        nl.meldspoor.otherservice.Internal internal;
    }
}
