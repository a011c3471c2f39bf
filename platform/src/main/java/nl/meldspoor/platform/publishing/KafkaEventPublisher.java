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
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the stored events of one {@link PublishingLane} to Kafka, from the event store, through the
 * lane's own tracking processor; events of the other lanes are passed over (the token moves on). The
 * processor's token is stored in the same transaction that waits for Kafka's acknowledgement of the
 * whole batch: if Kafka does not take an event the transaction fails, the token stays where it was and
 * the batch is retried with back-off — nothing is lost and the order is kept. While that lasts the lane's
 * {@link PublicationStatus} is DOWN with the failing event. Only committed events are read, so nothing
 * unstored is published. A batch retried after a partial failure may publish an event twice; consumers
 * deduplicate by event id or aggregate sequence.
 */
public class KafkaEventPublisher {

    /** The main lane's processor; kept for existing databases, whose token has this name. */
    public static final String PROCESSING_GROUP = PublishingLane.MAIN;

    private final PublishingLane lane;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventRecords records;
    private final TopicProvisioner topics;
    private final EventPublishingProperties properties;
    private final PublicationStatus status;
    private final MeterRegistry meters;
    private final String batchResource;

    KafkaEventPublisher(PublishingLane lane, KafkaTemplate<String, byte[]> kafka, EventRecords records, TopicProvisioner topics,
                        EventPublishingProperties properties, PublicationStatus status, MeterRegistry meters) {
        this.lane = lane;
        this.kafka = kafka;
        this.records = records;
        this.topics = topics;
        this.properties = properties;
        this.status = status;
        this.meters = meters;
        this.batchResource = KafkaEventPublisher.class.getName() + ".batch." + lane.processingGroup();
    }

    public PublishingLane lane() {
        return lane;
    }

    /** Whether this lane publishes the event (a stored event of an aggregate whose topic is the lane's). */
    boolean carries(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> stored && lane.carries(records.aggregateTypeOf(stored), properties);
    }

    /**
     * Takes the message, not its payload: the stored (sealed) JSON goes to Kafka as it is, so an event is never
     * deserialized — its texts never opened and sealed again — on its way out, nor at all by a lane that passes it over.
     */
    @EventHandler(payloadType = Object.class)
    public void publish(DomainEventMessage<?> event) {
        Batch batch = thisBatch();
        if (!carries(event)) {
            return;
        }
        try {
            topics.ensureTopic(lane.topic());
            ProducerRecord<String, byte[]> record = records.toRecord(event);
            batch.sends.add(new Send(event, kafka.send(record)));
        } catch (RuntimeException e) {
            batch.failed(event, e);
            throw e;
        }
    }

    /** Every invocation joins the batch, also a passed-over one, so a batch that commits counts as progress. */
    private Batch thisBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(batchResource, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> batch.awaitAcknowledgements());
            unitOfWork.afterCommit(u -> status.progressed());
            unitOfWork.onRollback(u -> {
                if (!batch.failureRecorded) {
                    status.failed(null, u.getExecutionResult() == null ? null : u.getExecutionResult().getExceptionResult());
                }
            });
            return batch;
        });
    }

    private record Send(DomainEventMessage<?> event, CompletableFuture<SendResult<String, byte[]>> result) {
    }

    private final class Batch {

        private final List<Send> sends = new ArrayList<>();
        private boolean failureRecorded;

        void failed(DomainEventMessage<?> event, Throwable failure) {
            failureRecorded = true;
            status.failed(describe(event), failure);
        }

        void awaitAcknowledgements() {
            long deadline = System.nanoTime() + properties.ackTimeout().toNanos();
            for (Send send : sends) {
                try {
                    SendResult<String, byte[]> result = send.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    published(result).increment();
                } catch (ExecutionException | TimeoutException e) {
                    failures().increment();
                    failed(send.event(), e instanceof ExecutionException ? e.getCause() : e);
                    throw new EventPublicationFailedException("Kafka did not acknowledge event " + send.event().getIdentifier()
                            + " on " + lane.topic() + "; the batch will be retried", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EventPublicationFailedException("Interrupted while waiting for Kafka", e);
                }
            }
        }
    }

    private static String describe(DomainEventMessage<?> event) {
        return event.getIdentifier() + " (" + event.getPayloadType().getSimpleName() + " of " + event.getType() + " "
                + event.getAggregateIdentifier() + " #" + event.getSequenceNumber() + ")";
    }

    private Counter published(SendResult<String, byte[]> result) {
        return Counter.builder("meldspoor.events.published")
                .description("Stored events acknowledged by Kafka")
                .tag("topic", result.getRecordMetadata().topic())
                .register(meters);
    }

    private Counter failures() {
        return Counter.builder("meldspoor.events.publication.failures")
                .description("Batches Kafka did not acknowledge (retried)")
                .tag("topic", lane.topic())
                .register(meters);
    }
}
