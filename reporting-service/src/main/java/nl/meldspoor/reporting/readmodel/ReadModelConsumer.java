package nl.meldspoor.reporting.readmodel;

import io.micrometer.core.instrument.DistributionSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.PublishedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Feeds one generation of one read model from Kafka, a poll at a time: decodes the records, applies them with one
 * bulk write per collection, records the positions — all before the container commits the poll's offsets (at
 * intervals, {@code OrderedConsumers.commitEvery}). A record that cannot be decoded or applied is reported by its
 * index: the ones before it are written and committed, it goes the usual way of retries and the dead-letter topic,
 * and the ones after it are polled again.
 * When a drop-and-replay rebuild was requested (read models without generations) it rewinds to offset 0.
 */
class ReadModelConsumer implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(ReadModelConsumer.class);

    private final ReadModel readModel;
    private final int generation;
    private final String consumerName;
    private final PublishedEvents events;
    private final ReadModelPositions positions;
    private final ReadModelRebuilds rebuilds;
    private final RecordInterceptor<String, byte[]> successes;
    private final DistributionSummary pollEvents;

    ReadModelConsumer(ReadModel readModel, int generation, String consumerName, PublishedEvents events, ReadModelPositions positions,
                      ReadModelRebuilds rebuilds, RecordInterceptor<String, byte[]> successes, DistributionSummary pollEvents) {
        this.readModel = readModel;
        this.generation = generation;
        this.consumerName = consumerName;
        this.events = events;
        this.positions = positions;
        this.rebuilds = rebuilds;
        this.successes = successes;
        this.pollEvents = pollEvents;
    }

    String consumerName() {
        return consumerName;
    }

    int generation() {
        return generation;
    }

    void consume(List<ConsumerRecord<String, byte[]>> records) {
        pollEvents.record(records.size());
        List<PublishedEvent> decoded = new ArrayList<>(records.size());
        RuntimeException failure = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                decoded.add(events.read(record));
            } catch (RuntimeException unreadable) {
                failure = unreadable;
                break;
            }
        }
        try {
            readModel.applyAll(decoded, generation);
        } catch (ApplyFailure applyFailure) {
            failure = (RuntimeException) applyFailure.getCause();
            decoded = decoded.subList(0, applyFailure.index());
            readModel.applyAll(decoded, generation);
        }
        int applied = decoded.size();
        positions.applied(consumerName, records.subList(0, applied), decoded);
        if (successes != null) {
            records.subList(0, applied).forEach(record -> successes.success(record, null));
        }
        if (failure != null) {
            throw new BatchListenerFailedException("Record " + applied + " of the poll could not be applied", failure, applied);
        }
    }

    /**
     * A dead letter replayed by an administrator: applied like any record (the read model is idempotent by
     * aggregate sequence), but the position is left alone — it is far ahead of the replayed record's offset.
     */
    void replay(ConsumerRecord<String, byte[]> record) {
        // it may fill a gap that another replica's events wait behind
        readModel.heldEventsMayHaveChanged();
        readModel.applyAll(List.of(events.read(record)), generation);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        readModel.heldEventsMayHaveChanged();
        if (!readModel.generational() && !assignments.isEmpty() && rebuilds.requested(readModel.name())) {
            log.info("Rebuilding read model {} from offset 0 on {}", readModel.name(), assignments.keySet());
            callback.seekToBeginning(assignments.keySet());
            rebuilds.replayStarted(readModel.name());
        }
    }
}
