package nl.meldspoor.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The notification-service: alerts and deadline reminders from the published events, so that no child is forgotten. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationServiceApplication {

    /** The system property by which Jakarta Mail finds its stream provider before it tries a ServiceLoader. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    public static void main(String[] args) {
        nameTheMailStreamProvider();
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    static void nameTheMailStreamProvider() {
        // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader for every encoded header (jakartaee/mail-api#861;
        // every subject here has an em dash), which in the executable jar opens the nested jars each time: a quarter of a
        // mail's CPU in the bench's profile. Named, it is one loaded class.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }
}
