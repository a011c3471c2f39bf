package nl.meldspoor.platform.publishing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes sure a lane's topic exists with unlimited retention, the explicit record limit and the configured
 * {@code min.insync.replicas} before anything is published to it, so read models can always be rebuilt
 * from offset 0 — also when Kafka was down while the service started. Per topic, so one lane's trouble
 * creating its topic does not hold back another.
 */
class TopicProvisioner {

    private final KafkaAdmin admin;
    private final EventPublishingProperties properties;
    private final KafkaTopicProperties topicProperties;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    TopicProvisioner(KafkaAdmin admin, EventPublishingProperties properties, KafkaTopicProperties topicProperties) {
        this.admin = admin;
        this.properties = properties;
        this.topicProperties = topicProperties;
    }

    void ensureTopic(String name) {
        if (provisioned.contains(name)) {
            return;
        }
        create(ConsumedTopics.withMinInsyncReplicas(
                ConsumedTopics.keptForever(name, properties.partitions(), properties.replicationFactor()),
                topicProperties.minInsyncReplicas()));
        provisioned.add(name);
    }

    private void create(NewTopic topic) {
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            client.createTopics(List.of(topic)).all().get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new EventPublicationFailedException("Cannot create topic " + topic.name(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new EventPublicationFailedException("Kafka did not answer while creating topic " + topic.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailedException("Interrupted while creating topic " + topic.name(), e);
        }
    }
}
