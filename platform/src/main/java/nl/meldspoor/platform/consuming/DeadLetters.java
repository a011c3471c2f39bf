package nl.meldspoor.platform.consuming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens when a record cannot be applied. Only a record that can never be applied — one that
 * cannot be read (undecodable, an unknown type or revision, missing headers: a {@link
 * PoisonEventException} or a deserialization error) or that a consumer refuses for good — goes to the
 * topic's dead-letter topic with the reason and the consumer's name, where an administrator can replay it
 * (see {@link DeadLetterReplays}). Everything else (a database fail-over, a timeout, a bug that throws
 * something else) is not the record's fault: it is retried with exponential back-off, indefinitely,
 * keeping the partition's order, and shown by {@link ConsumerRetries} — losing an escalation whose sender
 * was told 202 is worse than a consumer that waits.
 */
public class DeadLetters {

    public static final String REASON_HEADER = "meldspoor-dead-letter-reason";
    public static final String CONSUMER_HEADER = "meldspoor-dead-letter-consumer";

    private final ConsumerRetries retries;
    private final ConsumingProperties properties;
    private final MeterRegistry meters;

    public DeadLetters(ConsumerRetries retries, ConsumingProperties properties, MeterRegistry meters) {
        this.retries = retries;
        this.properties = properties;
        this.meters = meters;
    }

    /** The dead-letter topic of an event topic. */
    public static String topicOf(String topic) {
        return topic + ".dlt";
    }

    /**
     * @param consumer the read model or process that could not apply the record; a tag of the metrics and a header of the dead letter
     */
    public DefaultErrorHandler errorHandler(String consumer, KafkaOperations<?, ?> template) {
        retries.register(consumer);
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(topicOf(record.topic()), -1));
        publisher.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(failure).getBytes(StandardCharsets.UTF_8));
            headers.add(CONSUMER_HEADER, consumer.getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            Counter.builder("meldspoor.consumer.dead.letters")
                    .description("Records that can never be applied and went to the dead-letter topic")
                    .tag("consumer", consumer)
                    .tag("topic", record.topic())
                    .register(meters)
                    .increment();
            publisher.accept(record, failure);
            retries.parked(consumer);
        }, backOff());
        // Spring Kafka already never retries deserialization and conversion errors; an unreadable event is the same.
        handler.addNotRetryableExceptions(PoisonEventException.class);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
                if (!unreadable(failure)) {
                    retries.failed(consumer, record, failure, deliveryAttempt);
                }
            }
        });
        return handler;
    }

    /** Tells the consumer's health that a record it was retrying got through. */
    public <K, V> RecordInterceptor<K, V> successes(String consumer) {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<K, V> intercept(ConsumerRecord<K, V> record, Consumer<K, V> kafka) {
                return record;
            }

            @Override
            public void success(ConsumerRecord<K, V> record, Consumer<K, V> kafka) {
                retries.succeeded(consumer, record);
            }
        };
    }

    private ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), properties.retryMultiplier());
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    private static boolean unreadable(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonEventException) {
                return true;
            }
        }
        return false;
    }

    static String reason(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof PoisonEventException)) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
