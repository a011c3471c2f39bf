package nl.meldspoor.reporting.readmodel;

import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import org.apache.kafka.clients.admin.NewTopic;
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
        return ConsumedTopics.keptForever(properties.eventTopics(), properties.partitions(), properties.replicationFactor());
    }

    /** The access log's topic itself is created by every service that writes to it; its dead letters by this one. */
    @Bean
    NewTopic accessLogDeadLetters(ReportingProperties properties) {
        return ConsumedTopics.deadLettersOf(Topics.ACCESS_LOG, properties.replicationFactor());
    }
}
