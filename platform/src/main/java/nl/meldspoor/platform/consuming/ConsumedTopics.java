package nl.meldspoor.platform.consuming;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import nl.meldspoor.platform.publishing.RecordLimits;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The event topics a consumer reads and their dead-letter topics, created with unlimited retention in
 * case the consumer starts before the services that publish to them (an existing topic is left as it is).
 * Every topic states its record limit explicitly ({@link RecordLimits#MAX_RECORD_BYTES}), so no broker
 * default decides which event fits; {@code min.insync.replicas} comes from the cluster's configuration
 * ({@link #withMinInsyncReplicas}), applied to every topic bean by the platform.
 */
public final class ConsumedTopics {

    private static final Map<String, String> KEEP_FOREVER = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RecordLimits.MAX_RECORD_BYTES));

    private ConsumedTopics() {
    }

    public static KafkaAdmin.NewTopics keptForever(Collection<String> topics, int partitions, short replicationFactor) {
        return new KafkaAdmin.NewTopics(topics.stream()
                .flatMap(topic -> Stream.of(keptForever(topic, partitions, replicationFactor), deadLettersOf(topic, replicationFactor)))
                .toArray(NewTopic[]::new));
    }

    /** One topic with unlimited retention: read models and directories are rebuilt from its offset 0. */
    public static NewTopic keptForever(String topic, int partitions, short replicationFactor) {
        return new NewTopic(topic, partitions, replicationFactor).configs(new HashMap<>(KEEP_FOREVER));
    }

    /** The dead-letter topic of a consumed topic, kept forever like the topic itself. */
    public static NewTopic deadLettersOf(String topic, short replicationFactor) {
        return keptForever(DeadLetters.topicOf(topic), 1, replicationFactor);
    }

    /**
     * Sets {@code min.insync.replicas} unless the topic states its own, so {@code acks=all} waits for that
     * many replicas (2 of 3 brokers on a real cluster, 1 on the one-broker embedded default).
     */
    public static NewTopic withMinInsyncReplicas(NewTopic topic, int minInsyncReplicas) {
        Map<String, String> configs = new HashMap<>(topic.configs() == null ? Map.of() : topic.configs());
        configs.putIfAbsent(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
        configs.putIfAbsent(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RecordLimits.MAX_RECORD_BYTES));
        return topic.configs(configs);
    }
}
