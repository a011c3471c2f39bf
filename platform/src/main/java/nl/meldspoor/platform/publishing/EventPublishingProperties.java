package nl.meldspoor.platform.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Publishing the stored events of a write service to Kafka.
 *
 * @param topic             the bounded context's topic, e.g. {@code meldspoor.case-events}
 * @param aggregateType     the aggregate the events belong to, put in a header
 * @param partitions        partitions of the topic when this service creates it
 * @param replicationFactor replicas of the topic when this service creates it (1 for one broker)
 * @param batchSize         events handled per transaction of the publishing processor
 * @param ackTimeout        how long to wait for Kafka to acknowledge a batch before retrying it
 */
@ConfigurationProperties("meldspoor.publishing")
public record EventPublishingProperties(
        Boolean enabled,
        String topic,
        String aggregateType,
        Integer partitions,
        Short replicationFactor,
        Integer batchSize,
        Duration ackTimeout) {

    public EventPublishingProperties {
        enabled = enabled == null || enabled;
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        batchSize = batchSize == null ? 100 : batchSize;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(30) : ackTimeout;
    }
}
