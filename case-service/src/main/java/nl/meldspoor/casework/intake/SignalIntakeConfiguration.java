package nl.meldspoor.casework.intake;

import java.util.List;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import nl.meldspoor.platform.consuming.ConsumingProperties;
import nl.meldspoor.platform.consuming.DeadLetters;
import nl.meldspoor.platform.consuming.OrderedConsumers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class SignalIntakeConfiguration {

    /**
     * One consumer for all partitions: each pupil's events are applied in order. Every command it sends is idempotent
     * (a case opened once, a signal attached once, a correction by its event's id), so it commits at intervals.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> signalIntakeContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaTemplate<String, byte[]> eventPublishingKafkaTemplate, DeadLetters deadLetters, ConsumingProperties consuming) {
        return OrderedConsumers.idempotentContainerFactory(SignalIntake.NAME, configurer, consumerFactory, eventPublishingKafkaTemplate, deadLetters,
                consuming.commitInterval());
    }

    /** The topics exist with unlimited retention even if the signal-service has not started yet. */
    @Bean
    KafkaAdmin.NewTopics signalIntakeTopics(@Value("${meldspoor.intake.topic}") String topic,
                                            @Value("${meldspoor.publishing.partitions:3}") int partitions,
                                            @Value("${meldspoor.publishing.replication-factor:1}") short replicationFactor) {
        return ConsumedTopics.keptForever(List.of(topic), partitions, replicationFactor);
    }
}
