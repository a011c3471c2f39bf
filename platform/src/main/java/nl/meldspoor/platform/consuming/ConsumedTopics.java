package nl.meldspoor.platform.consuming;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The event topics a consumer reads and their dead-letter topics, created with unlimited retention in
 * case the consumer starts before the services that publish to them (an existing topic is left as it is).
 */
public final class ConsumedTopics {

    private static final Map<String, String> KEEP_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    private ConsumedTopics() {
    }

    public static KafkaAdmin.NewTopics keptForever(Collection<String> topics, int partitions, short replicationFactor) {
        return new KafkaAdmin.NewTopics(topics.stream()
                .flatMap(topic -> Stream.of(keptForever(topic, partitions, replicationFactor), deadLettersOf(topic, replicationFactor)))
                .toArray(NewTopic[]::new));
    }

    /** One topic with unlimited retention: read models and directories are rebuilt from its offset 0. */
    public static NewTopic keptForever(String topic, int partitions, short replicationFactor) {
        return new NewTopic(topic, partitions, replicationFactor).configs(KEEP_FOREVER);
    }

    /** The dead-letter topic of a consumed topic, kept forever like the topic itself. */
    public static NewTopic deadLettersOf(String topic, short replicationFactor) {
        return keptForever(DeadLetters.topicOf(topic), 1, replicationFactor);
    }
}
