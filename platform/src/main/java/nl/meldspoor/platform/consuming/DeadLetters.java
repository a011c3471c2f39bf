package nl.meldspoor.platform.consuming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens when a record cannot be applied. A poison record (undecodable, unknown type, or
 * failing again and again) goes to the topic's dead-letter topic with the reason, is counted, and
 * consumption continues. A database that is unreachable is not the record's fault: that is retried
 * until it works, keeping the order of the partition.
 */
public final class DeadLetters {

    public static final String REASON_HEADER = "meldspoor-dead-letter-reason";
    public static final String CONSUMER_HEADER = "meldspoor-dead-letter-consumer";

    private DeadLetters() {
    }

    /** The dead-letter topic of an event topic. */
    public static String topicOf(String topic) {
        return topic + ".dlt";
    }

    /**
     * @param consumer the read model or process that could not apply the record; a tag of the metric and a header of the dead letter
     */
    public static DefaultErrorHandler errorHandler(String consumer, KafkaOperations<?, ?> template, MeterRegistry meters) {
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
                    .description("Records that could not be applied and went to the dead-letter topic")
                    .tag("consumer", consumer)
                    .tag("topic", record.topic())
                    .register(meters)
                    .increment();
            publisher.accept(record, failure);
        }, new FixedBackOff(200, 2));
        handler.addNotRetryableExceptions(PoisonEventException.class);
        handler.setBackOffFunction((record, failure) -> storageUnavailable(failure) ? new FixedBackOff(2000, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
        return handler;
    }

    public static boolean storageUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof org.springframework.dao.DataAccessResourceFailureException
                    || cause instanceof OptimisticLockingFailureException
                    || cause instanceof com.mongodb.MongoSocketException || cause instanceof com.mongodb.MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof PoisonEventException)) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
