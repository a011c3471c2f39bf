package nl.meldspoor.platform.publishing;

import java.nio.charset.StandardCharsets;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.SchoolFact;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/** Turns a stored event into its Kafka record: key = aggregate id, value = the stored JSON, headers as published. */
class EventRecords {

    private final Serializer serializer;
    private final String topic;
    private final String aggregateType;

    EventRecords(Serializer serializer, String topic, String aggregateType) {
        this.serializer = serializer;
        this.topic = topic;
        this.aggregateType = aggregateType;
    }

    ProducerRecord<String, byte[]> toRecord(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_ID, event.getIdentifier());
        add(headers, EventHeaders.EVENT_TYPE, payload.getType().getName());
        add(headers, EventHeaders.EVENT_REVISION, payload.getType().getRevision());
        add(headers, EventHeaders.AGGREGATE_ID, event.getAggregateIdentifier());
        add(headers, EventHeaders.AGGREGATE_TYPE, event.getType() != null ? event.getType() : aggregateType);
        add(headers, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(event.getSequenceNumber()));
        add(headers, EventHeaders.RECORDED_AT, event.getTimestamp().toString());
        if (event.getPayload() instanceof SchoolFact fact) {
            add(headers, EventHeaders.SCHOOL, fact.schoolId());
            add(headers, EventHeaders.OCCURRED_AT, fact.occurredAt().toString());
        }
        return new ProducerRecord<>(topic, null, event.getAggregateIdentifier(), payload.getData(), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
