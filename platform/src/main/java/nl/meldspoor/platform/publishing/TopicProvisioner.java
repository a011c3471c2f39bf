package nl.meldspoor.platform.publishing;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes sure the topics exist with unlimited retention before anything is published to it, so read
 * models can always be rebuilt from offset 0 — also when Kafka was down while the service started.
 */
class TopicProvisioner {

    private final KafkaAdmin admin;
    private final EventPublishingProperties properties;
    private volatile boolean provisioned;

    TopicProvisioner(KafkaAdmin admin, EventPublishingProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    void ensureTopic() {
        if (provisioned) {
            return;
        }
        for (String name : properties.topics()) {
            create(ConsumedTopics.keptForever(name, properties.partitions(), properties.replicationFactor()));
        }
        provisioned = true;
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
