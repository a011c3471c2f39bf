package nl.meldspoor.platform.commands;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long an Idempotency-Key is kept, and how its expired keys are cleaned up.
 *
 * @param idempotencyRetention how long a retry with the same key gets the first response again; after it the
 *                             key counts as new (a client retries within minutes, not days)
 * @param idempotencyCleanupInterval how often expired keys are deleted
 * @param idempotencyCleanupBatchSize how many keys one delete removes, so a large backlog never holds long locks
 */
@ConfigurationProperties("meldspoor.commands")
public record IdempotencyProperties(Duration idempotencyRetention, Duration idempotencyCleanupInterval, int idempotencyCleanupBatchSize) {

    public IdempotencyProperties {
        idempotencyRetention = idempotencyRetention == null ? Duration.ofHours(24) : idempotencyRetention;
        idempotencyCleanupInterval = idempotencyCleanupInterval == null ? Duration.ofMinutes(15) : idempotencyCleanupInterval;
        idempotencyCleanupBatchSize = idempotencyCleanupBatchSize <= 0 ? 1000 : idempotencyCleanupBatchSize;
        if (idempotencyRetention.isNegative() || idempotencyRetention.isZero()) {
            throw new IllegalArgumentException("meldspoor.commands.idempotency-retention must be positive");
        }
    }
}
