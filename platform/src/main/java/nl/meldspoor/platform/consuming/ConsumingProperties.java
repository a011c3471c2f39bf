package nl.meldspoor.platform.consuming;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a consumer waits out a failure that is not the record's fault (a database fail-over, a timeout).
 *
 * @param retryInitialInterval    the first wait before the record is tried again
 * @param retryMultiplier         each next wait is this much longer…
 * @param retryMaxInterval        …up to this; the record is retried indefinitely at this pace
 * @param unhealthyAfterAttempts  failed deliveries of one record after which the consumer's health is DOWN
 * @param replayReadTimeout       how long the admin API reads a dead-letter topic before it answers
 * @param commitInterval          how often a consumer whose writes are all idempotent (the read models, the notification
 *                                intake, the case holds) commits its offsets; zero: after every poll
 */
@ConfigurationProperties("meldspoor.consuming")
public record ConsumingProperties(
        Duration retryInitialInterval,
        Double retryMultiplier,
        Duration retryMaxInterval,
        Integer unhealthyAfterAttempts,
        Duration replayReadTimeout,
        Duration commitInterval) {

    public ConsumingProperties {
        retryInitialInterval = retryInitialInterval == null ? Duration.ofMillis(500) : retryInitialInterval;
        retryMultiplier = retryMultiplier == null ? 2.0 : retryMultiplier;
        retryMaxInterval = retryMaxInterval == null ? Duration.ofSeconds(30) : retryMaxInterval;
        unhealthyAfterAttempts = unhealthyAfterAttempts == null ? 5 : unhealthyAfterAttempts;
        replayReadTimeout = replayReadTimeout == null ? Duration.ofSeconds(10) : replayReadTimeout;
        commitInterval = commitInterval == null || commitInterval.isNegative() ? Duration.ofSeconds(1) : commitInterval;
    }

    public static ConsumingProperties defaults() {
        return new ConsumingProperties(null, null, null, null, null, null);
    }
}
