package nl.meldspoor.platform.consuming;

import java.time.Duration;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Listener containers for consumers that apply events in order: one consumer thread for all
 * partitions, configured like Spring Boot's; a record that can never be handled parked in the topic's
 * dead-letter topic under the consumer's name, anything else retried in place (see {@link DeadLetters}).
 */
public final class OrderedConsumers {

    private OrderedConsumers() {
    }

    public static ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory(
            String consumer, ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaOperations<?, ?> deadLetterTemplate, DeadLetters deadLetters) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = ordered(consumer, configurer, consumerFactory, deadLetterTemplate, deadLetters);
        factory.setRecordInterceptor(deadLetters.successes(consumer));
        return factory;
    }

    /**
     * The same for a consumer whose every write is idempotent: its offsets committed every {@code commitInterval}
     * ({@link #commitEvery}).
     */
    public static ConcurrentKafkaListenerContainerFactory<String, byte[]> idempotentContainerFactory(
            String consumer, ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaOperations<?, ?> deadLetterTemplate, DeadLetters deadLetters, Duration commitInterval) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = containerFactory(consumer, configurer, consumerFactory, deadLetterTemplate, deadLetters);
        commitEvery(factory.getContainerProperties(), commitInterval);
        return factory;
    }

    /**
     * The same for a listener that takes a poll at once: its offsets are committed after it, and a listener that
     * names the record it failed on ({@code BatchListenerFailedException}) has the ones before it committed and only
     * that one retried or parked. Such a listener tells {@link DeadLetters#successes} itself which records it handled.
     */
    public static ConcurrentKafkaListenerContainerFactory<String, byte[]> batchContainerFactory(
            String consumer, ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaOperations<?, ?> deadLetterTemplate, DeadLetters deadLetters) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = ordered(consumer, configurer, consumerFactory, deadLetterTemplate, deadLetters);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    /**
     * Offsets committed every {@code interval} rather than after every poll, for a consumer whose writes are all
     * idempotent. One event at a time, a commit per poll is a round trip to the broker and a write there for every
     * record (a quarter of the case holds' CPU per case event); a crash now redelivers at most the records of the last
     * interval, which change nothing. Pending offsets are still committed when partitions are revoked and when the
     * container stops. Zero: after every poll, as before.
     */
    public static void commitEvery(ContainerProperties container, Duration interval) {
        if (interval.isZero()) {
            container.setAckMode(ContainerProperties.AckMode.BATCH);
            return;
        }
        container.setAckMode(ContainerProperties.AckMode.TIME);
        container.setAckTime(interval.toMillis());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ConcurrentKafkaListenerContainerFactory<String, byte[]> ordered(
            String consumer, ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaOperations<?, ?> deadLetterTemplate, DeadLetters deadLetters) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, consumerFactory);
        factory.setConcurrency(1);
        factory.setCommonErrorHandler(deadLetters.errorHandler(consumer, deadLetterTemplate));
        return factory;
    }
}
