package nl.meldspoor.platform.publishing;

import java.time.Duration;
import java.util.Map;
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
 * @param aggregateTopics   aggregates whose events go to a topic of their own, by aggregate type
 *                          (the case-service's {@code StaffMember} to {@code meldspoor.staff})
 * @param passedOverTokenInterval how often at most a lane stores its token after batches it only passed over
 *                          ({@link LaneTokenStore}); below the token claim's time-out of 10 s
 */
@ConfigurationProperties("meldspoor.publishing")
public record EventPublishingProperties(
        Boolean enabled,
        String topic,
        String aggregateType,
        Integer partitions,
        Short replicationFactor,
        Integer batchSize,
        Duration ackTimeout,
        Map<String, String> aggregateTopics,
        Duration passedOverTokenInterval) {

    public EventPublishingProperties {
        enabled = enabled == null || enabled;
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        batchSize = batchSize == null ? 100 : batchSize;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(30) : ackTimeout;
        aggregateTopics = aggregateTopics == null ? Map.of() : Map.copyOf(aggregateTopics);
        passedOverTokenInterval = passedOverTokenInterval == null ? Duration.ofSeconds(1) : passedOverTokenInterval;
        if (passedOverTokenInterval.isNegative() || passedOverTokenInterval.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("meldspoor.publishing.passed-over-token-interval must lie between 0 and 5 s"
                    + " (the token claim times out after 10 s), not " + passedOverTokenInterval);
        }
    }

    /** The topic an aggregate's events are published to. */
    public String topicOf(String aggregateType) {
        return aggregateType == null ? topic : aggregateTopics.getOrDefault(aggregateType, topic);
    }

    /** Every topic this service publishes to. */
    public java.util.Set<String> topics() {
        java.util.Set<String> all = new java.util.TreeSet<>(aggregateTopics.values());
        all.add(topic);
        return all;
    }
}
