package nl.meldspoor.platform.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the topics the services create are replicated on the cluster.
 *
 * @param minInsyncReplicas replicas that must hold a record before {@code acks=all} acknowledges it: 1 for the
 *                          one-broker embedded default, 2 with replication factor 3 on a real cluster
 *                          ({@code MELDSPOOR_KAFKA_MIN_INSYNC_REPLICAS})
 */
@ConfigurationProperties("meldspoor.kafka")
public record KafkaTopicProperties(Integer minInsyncReplicas) {

    public KafkaTopicProperties {
        minInsyncReplicas = minInsyncReplicas == null ? 1 : minInsyncReplicas;
        if (minInsyncReplicas < 1) {
            throw new IllegalArgumentException("meldspoor.kafka.min-insync-replicas must be at least 1");
        }
    }
}
