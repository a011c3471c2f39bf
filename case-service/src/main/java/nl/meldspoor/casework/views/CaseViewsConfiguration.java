package nl.meldspoor.casework.views;

import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import nl.meldspoor.platform.consuming.ConsumingProperties;
import nl.meldspoor.platform.consuming.DeadLetters;
import nl.meldspoor.platform.consuming.OrderedConsumers;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class CaseViewsConfiguration {

    /**
     * Every read of a case is a record here: stored once by its access id, so it commits at intervals rather than a
     * broker round trip and write per read.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> caseViewsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaTemplate<String, byte[]> eventPublishingKafkaTemplate, DeadLetters deadLetters, ConsumingProperties consuming) {
        return OrderedConsumers.idempotentContainerFactory(CaseViews.NAME, configurer, consumerFactory, eventPublishingKafkaTemplate, deadLetters,
                consuming.commitInterval());
    }

    @Bean
    NewTopic accessLogDeadLetters(@Value("${meldspoor.publishing.replication-factor:1}") short replicationFactor) {
        return ConsumedTopics.deadLettersOf(Topics.ACCESS_LOG, replicationFactor);
    }
}
