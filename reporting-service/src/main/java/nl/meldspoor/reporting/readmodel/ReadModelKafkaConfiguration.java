package nl.meldspoor.reporting.readmodel;

import java.util.Map;
import nl.meldspoor.platform.consuming.DeadLetters;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class ReadModelKafkaConfiguration {

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, byte[]> readModelContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, consumerFactory);
        factory.setAutoStartup(false);
        return factory;
    }

    /**
     * The event topics and their dead-letter topics, with unlimited retention, in case this service
     * starts before the services that publish to them.
     */
    @Bean
    KafkaAdmin.NewTopics eventTopics(ReportingProperties properties) {
        Map<String, String> keepForever = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        return new KafkaAdmin.NewTopics(properties.topics().stream()
                .flatMap(topic -> java.util.stream.Stream.of(
                        new NewTopic(topic, properties.partitions(), properties.replicationFactor()).configs(keepForever),
                        new NewTopic(DeadLetters.topicOf(topic), 1, properties.replicationFactor()).configs(keepForever)))
                .toArray(NewTopic[]::new));
    }
}
