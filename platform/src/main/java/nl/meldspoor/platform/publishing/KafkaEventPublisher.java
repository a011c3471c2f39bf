package nl.meldspoor.platform.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes every stored event to Kafka, from the event store, through a tracking processor. The
 * processor's token is stored in the same transaction that waits for Kafka's acknowledgement of the
 * whole batch: if Kafka is down the transaction fails, the token stays where it was and the batch is
 * retried — nothing is lost. Only committed events are read, so nothing unstored is published. A
 * batch retried after a partial failure may publish an event twice; consumers deduplicate by event
 * id or aggregate sequence.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventRecords records;
    private final TopicProvisioner topics;
    private final EventPublishingProperties properties;
    private final MeterRegistry meters;

    KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, EventRecords records, TopicProvisioner topics,
                        EventPublishingProperties properties, MeterRegistry meters) {
        this.kafka = kafka;
        this.records = records;
        this.topics = topics;
        this.properties = properties;
        this.meters = meters;
    }

    @EventHandler
    public void publish(Object payload, DomainEventMessage<?> event) {
        topics.ensureTopic();
        ProducerRecord<String, byte[]> record = records.toRecord(event);
        pendingSendsOfThisBatch().add(kafka.send(record));
    }

    private List<CompletableFuture<SendResult<String, byte[]>>> pendingSendsOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<SendResult<String, byte[]>>> pending = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAcknowledgements(pending));
            return pending;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> pending) {
        long deadline = System.nanoTime() + properties.ackTimeout().toNanos();
        for (CompletableFuture<SendResult<String, byte[]>> send : pending) {
            try {
                SendResult<String, byte[]> result = send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published(result).increment();
            } catch (ExecutionException | TimeoutException e) {
                failed().increment();
                throw new EventPublicationFailedException("Kafka did not acknowledge the events; the batch will be retried", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventPublicationFailedException("Interrupted while waiting for Kafka", e);
            }
        }
    }

    private Counter published(SendResult<String, byte[]> result) {
        return Counter.builder("meldspoor.events.published")
                .description("Stored events acknowledged by Kafka")
                .tag("topic", result.getRecordMetadata().topic())
                .register(meters);
    }

    private Counter failed() {
        return Counter.builder("meldspoor.events.publication.failures")
                .description("Batches Kafka did not acknowledge (retried)")
                .tag("topic", properties.topic())
                .register(meters);
    }
}
