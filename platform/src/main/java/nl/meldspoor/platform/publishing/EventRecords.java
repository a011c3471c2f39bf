package nl.meldspoor.platform.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.SchoolFact;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/** Turns a stored event into its Kafka record on its aggregate's topic: key = aggregate id, value = the stored JSON, headers as published. */
class EventRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        if (SchoolFact.class.isAssignableFrom(event.getPayloadType())) {
            SchoolAndMoment fact = SchoolAndMoment.of(payload.getData(), event);
            add(headers, EventHeaders.SCHOOL, fact.schoolId());
            add(headers, EventHeaders.OCCURRED_AT, fact.occurredAt().toString());
        }
        return new ProducerRecord<>(properties.topicOf(aggregateType), null, event.getAggregateIdentifier(), payload.getData(), headers);
    }

    /**
     * A school fact's school and moment, read from its stored JSON (both are plain identifiers and times, never
     * sealed); only a payload whose JSON does not carry them as such is deserialized.
     */
    private record SchoolAndMoment(String schoolId, Instant occurredAt) {

        static SchoolAndMoment of(byte[] json, DomainEventMessage<?> event) {
            try {
                JsonNode tree = JSON.readTree(json);
                JsonNode school = tree.path("schoolId");
                JsonNode moment = tree.path("occurredAt");
                if (school.isTextual() && moment.isTextual()) {
                    return new SchoolAndMoment(school.asText(), Instant.parse(moment.asText()));
                }
            } catch (IOException | DateTimeParseException unexpectedShape) {
                // fall through to the payload itself
            }
            SchoolFact fact = (SchoolFact) event.getPayload();
            return new SchoolAndMoment(fact.schoolId(), fact.occurredAt());
        }
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
