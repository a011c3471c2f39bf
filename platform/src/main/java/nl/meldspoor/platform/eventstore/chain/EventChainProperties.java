package nl.meldspoor.platform.eventstore.chain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often the write service verifies the hash chain of every aggregate in its event store.
 *
 * @param verificationInterval time between two board-wide verifications (and before the first); daily by default
 */
@ConfigurationProperties("meldspoor.audit.chain")
public record EventChainProperties(Duration verificationInterval) {

    public EventChainProperties {
        verificationInterval = verificationInterval == null ? Duration.ofDays(1) : verificationInterval;
    }
}
