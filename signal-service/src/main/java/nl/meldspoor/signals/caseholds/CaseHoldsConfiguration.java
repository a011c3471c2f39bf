package nl.meldspoor.signals.caseholds;

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
class CaseHoldsConfiguration {

    /** One consumer for all partitions: each case's events are applied in order; idempotent, so committed at intervals. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> caseHoldsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaTemplate<String, byte[]> eventPublishingKafkaTemplate, DeadLetters deadLetters, ConsumingProperties consuming) {
        return OrderedConsumers.idempotentContainerFactory(CaseHolds.NAME, configurer, consumerFactory, eventPublishingKafkaTemplate, deadLetters,
                consuming.commitInterval());
    }

    /** The topic exists with unlimited retention even if the case-service has not started yet. */
    @Bean
    KafkaAdmin.NewTopics caseHoldsTopics(@Value("${meldspoor.case-holds.topic}") String topic,
                                         @Value("${meldspoor.publishing.partitions:3}") int partitions,
                                         @Value("${meldspoor.publishing.replication-factor:1}") short replicationFactor) {
        return ConsumedTopics.keptForever(List.of(topic), partitions, replicationFactor);
    }
}
