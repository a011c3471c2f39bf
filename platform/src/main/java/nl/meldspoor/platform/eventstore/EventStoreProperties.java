package nl.meldspoor.platform.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the event store hands new events to this service's tracking processors (the Kafka publishing lanes).
 *
 * @param fetchDelay         how long the store's reader waits before looking again when it found nothing and no
 *                           commit woke it: bounds the delay of events committed elsewhere (another replica);
 *                           a commit in this service wakes it at once. Axon's default is 1 s.
 * @param wakeAfterTransaction wake the processors when the outermost transaction has committed (true), or when
 *                           Axon's unit of work commits inside it (false: Axon's behaviour, the events then wait
 *                           for the fetch delay; kept for comparison only)
 */
@ConfigurationProperties("meldspoor.event-store")
public record EventStoreProperties(Duration fetchDelay, Boolean wakeAfterTransaction) {

    public EventStoreProperties {
        fetchDelay = fetchDelay == null ? Duration.ofMillis(250) : fetchDelay;
        wakeAfterTransaction = wakeAfterTransaction == null || wakeAfterTransaction;
        if (fetchDelay.isNegative() || fetchDelay.isZero()) {
            throw new IllegalArgumentException("meldspoor.event-store.fetch-delay must be positive, was " + fetchDelay);
        }
    }
}
