package nl.meldspoor.casework.views;

import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.consuming.ConsumedTopics;
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

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> caseViewsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaTemplate<String, byte[]> eventPublishingKafkaTemplate, DeadLetters deadLetters) {
        return OrderedConsumers.containerFactory(CaseViews.NAME, configurer, consumerFactory, eventPublishingKafkaTemplate, deadLetters);
    }

    @Bean
    NewTopic accessLogDeadLetters(@Value("${meldspoor.publishing.replication-factor:1}") short replicationFactor) {
        return ConsumedTopics.deadLettersOf(Topics.ACCESS_LOG, replicationFactor);
    }
}
