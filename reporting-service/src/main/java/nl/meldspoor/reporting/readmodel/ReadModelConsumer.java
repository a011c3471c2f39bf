package nl.meldspoor.reporting.readmodel;

import java.util.Map;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.PublishedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Feeds one read model from Kafka: decodes each record, applies it, records the position. When a
 * rebuild was requested it rewinds to offset 0 as soon as its partitions are assigned.
 */
class ReadModelConsumer implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(ReadModelConsumer.class);

    private final ReadModel readModel;
    private final PublishedEvents events;
    private final ReadModelPositions positions;
    private final ReadModelRebuilds rebuilds;

    ReadModelConsumer(ReadModel readModel, PublishedEvents events, ReadModelPositions positions, ReadModelRebuilds rebuilds) {
        this.readModel = readModel;
        this.events = events;
        this.positions = positions;
        this.rebuilds = rebuilds;
    }

    void consume(ConsumerRecord<String, byte[]> record) {
        PublishedEvent event = events.read(record);
        readModel.apply(event);
        positions.applied(readModel.name(), record.topic(), record.partition(), record.offset(), event.recordedAt());
    }

    /**
     * A dead letter replayed by an administrator: applied like any record (the read model is idempotent by
     * aggregate sequence), but the position is left alone — it is far ahead of the replayed record's offset.
     */
    void replay(ConsumerRecord<String, byte[]> record) {
        readModel.apply(events.read(record));
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (!assignments.isEmpty() && rebuilds.requested(readModel.name())) {
            log.info("Rebuilding read model {} from offset 0 on {}", readModel.name(), assignments.keySet());
            callback.seekToBeginning(assignments.keySet());
            rebuilds.replayStarted(readModel.name());
        }
    }
}
