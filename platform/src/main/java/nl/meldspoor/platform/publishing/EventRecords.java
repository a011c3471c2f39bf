package nl.meldspoor.platform.publishing;

import java.nio.charset.StandardCharsets;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.SchoolFact;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/** Turns a stored event into its Kafka record on its aggregate's topic: key = aggregate id, value = the stored JSON, headers as published. */
class EventRecords {

    private final Serializer serializer;
    private final EventPublishingProperties properties;

    EventRecords(Serializer serializer, EventPublishingProperties properties) {
        this.serializer = serializer;
        this.properties = properties;
    }

    ProducerRecord<String, byte[]> toRecord(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_ID, event.getIdentifier());
        add(headers, EventHeaders.EVENT_TYPE, payload.getType().getName());
        add(headers, EventHeaders.EVENT_REVISION, payload.getType().getRevision());
        add(headers, EventHeaders.AGGREGATE_ID, event.getAggregateIdentifier());
        String aggregateType = aggregateTypeOf(event);
        add(headers, EventHeaders.AGGREGATE_TYPE, aggregateType);
        add(headers, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(event.getSequenceNumber()));
        add(headers, EventHeaders.RECORDED_AT, event.getTimestamp().toString());
        if (event.getPayload() instanceof SchoolFact fact) {
            add(headers, EventHeaders.SCHOOL, fact.schoolId());
            add(headers, EventHeaders.OCCURRED_AT, fact.occurredAt().toString());
        }
        return new ProducerRecord<>(properties.topicOf(aggregateType), null, event.getAggregateIdentifier(), payload.getData(), headers);
    }

    String aggregateTypeOf(DomainEventMessage<?> event) {
        return event.getType() != null ? event.getType() : properties.aggregateType();
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
