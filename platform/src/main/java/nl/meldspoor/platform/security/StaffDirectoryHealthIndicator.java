package nl.meldspoor.platform.security;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component {@code staffDirectory}: OUT_OF_SERVICE until this replica has read the staff
 * topic to its end. Until then it can authorise nobody and answers every request 503, so a replica that is starting
 * (a rolling update, a second replica) includes it in its readiness group and gets no traffic before it can serve
 * it; once loaded it stays UP, the directory is kept current from the topic.
 */
public class StaffDirectoryHealthIndicator extends AbstractHealthIndicator {

    private final StaffDirectory directory;

    public StaffDirectoryHealthIndicator(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (directory.isLoaded()) {
            builder.up();
        } else {
            builder.outOfService().withDetail("loading", "the staff topic is still being read");
        }
    }
}
