package nl.meldspoor.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.SchoolFact;
import nl.meldspoor.platform.consuming.PublishedEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.serialization.Revision;

/** Kafka records exactly as a write service publishes them: key = aggregate id, the event's JSON, the event headers. */
public final class PublishedRecords {

    private PublishedRecords() {
    }

    /** A published event as the write service put it on its topic. */
    public static ProducerRecord<String, byte[]> of(String topic, String aggregateType, PublishedEvent event) {
        return of(topic, aggregateType, event.aggregateId(), event.sequence(), event.eventId(), event.recordedAt(), event.payload(), event.json());
    }

    public static ProducerRecord<String, byte[]> of(String topic, String aggregateType, String aggregateId, long sequence, String eventId,
                                                    SchoolFact event) {
        try {
            return of(topic, aggregateType, aggregateId, sequence, eventId, event.occurredAt(), event,
                    EventContracts.JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ProducerRecord<String, byte[]> of(String topic, String aggregateType, String aggregateId, long sequence, String eventId,
                                                    Instant recordedAt, SchoolFact event, String json) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_ID, eventId);
        add(headers, EventHeaders.EVENT_TYPE, event.getClass().getName());
        add(headers, EventHeaders.EVENT_REVISION, event.getClass().getAnnotation(Revision.class).value());
        add(headers, EventHeaders.AGGREGATE_ID, aggregateId);
        add(headers, EventHeaders.AGGREGATE_TYPE, aggregateType);
        add(headers, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(sequence));
        add(headers, EventHeaders.RECORDED_AT, recordedAt.toString());
        add(headers, EventHeaders.SCHOOL, event.schoolId());
        add(headers, EventHeaders.OCCURRED_AT, event.occurredAt().toString());
        return new ProducerRecord<>(topic, null, aggregateId, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
