package nl.meldspoor.platform.consuming;

import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Listener containers for consumers that apply events in order: one consumer thread for all
 * partitions, configured like Spring Boot's; a record that can never be handled parked in the topic's
 * dead-letter topic under the consumer's name, anything else retried in place (see {@link DeadLetters}).
 */
public final class OrderedConsumers {

    private OrderedConsumers() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory(
            String consumer, ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaOperations<?, ?> deadLetterTemplate, DeadLetters deadLetters) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, consumerFactory);
        factory.setConcurrency(1);
        factory.setCommonErrorHandler(deadLetters.errorHandler(consumer, deadLetterTemplate));
        factory.setRecordInterceptor(deadLetters.successes(consumer));
        return factory;
    }
}
