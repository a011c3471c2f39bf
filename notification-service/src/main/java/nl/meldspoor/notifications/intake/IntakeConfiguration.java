package nl.meldspoor.notifications.intake;

import nl.meldspoor.notifications.NotificationProperties;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import nl.meldspoor.platform.consuming.ConsumingProperties;
import nl.meldspoor.platform.consuming.DeadLetters;
import nl.meldspoor.platform.consuming.OrderedConsumers;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /**
     * One consumer, a poll at a time: each case's events are applied in order; a record that can never be handled goes
     * to the dead-letter topic. Everything it writes is idempotent (watches by applied sequence, alerts by id), so its
     * offsets are committed at intervals.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> notificationIntakeContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaTemplate<Object, Object> deadLetterTemplate, DeadLetters deadLetters, ConsumingProperties consuming) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory =
                OrderedConsumers.batchContainerFactory(EventIntake.NAME, configurer, consumerFactory, deadLetterTemplate, deadLetters);
        OrderedConsumers.commitEvery(factory.getContainerProperties(), consuming.commitInterval());
        return factory;
    }

    /** The topics exist with unlimited retention even if the services that publish to them have not started yet. */
    @Bean
    KafkaAdmin.NewTopics notificationTopics(NotificationProperties properties) {
        return ConsumedTopics.keptForever(properties.topics(), properties.partitions(), properties.replicationFactor());
    }
}
