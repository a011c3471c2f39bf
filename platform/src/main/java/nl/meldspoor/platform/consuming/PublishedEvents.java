package nl.meldspoor.platform.consuming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.SchoolFact;
import nl.meldspoor.platform.upcasting.PublishedLanguageUpcasters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.serialization.Revision;

/**
 * Reads the published language back from Kafka records. Only event classes of the published
 * language are loaded, and only revisions this service understands or can upcast ({@link PublishedLanguageUpcasters});
 * anything else is poison.
 */
public class PublishedEvents {

    private static final String PUBLISHED_LANGUAGE = "nl.meldspoor.api.";

    private final ObjectMapper json;

    public PublishedEvents(ObjectMapper json) {
        this.json = json;
    }

    public PublishedEvent read(ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        Class<?> eventClass = eventClass(type);
        String publishedRevision = optionalHeader(record, EventHeaders.EVENT_REVISION);
        Revision known = eventClass.getAnnotation(Revision.class);
        if (record.value() == null) {
            throw new PoisonEventException("Record without a value");
        }
        String body = new String(record.value(), StandardCharsets.UTF_8);
        String revision = publishedRevision;
        if (known != null && !known.value().equals(publishedRevision)) {
            body = upcast(type, publishedRevision, known.value(), body);
            revision = known.value();
        }
        SchoolFact payload;
        try {
            payload = (SchoolFact) json.readValue(body, eventClass);
        } catch (Exception e) {
            throw new PoisonEventException("Value is not a valid " + type + ": " + e.getMessage(), e);
        }
        return new PublishedEvent(header(record, EventHeaders.EVENT_ID), type, revision, header(record, EventHeaders.AGGREGATE_ID),
                number(record, EventHeaders.AGGREGATE_SEQUENCE), instant(record, EventHeaders.RECORDED_AT), payload, body);
    }

    /**
     * The event type a record's header names, or null without one: a consumer that needs only some types can pass the
     * others over without decoding them (a record without the header still goes through {@link #read}, which refuses it).
     */
    public static String typeOf(ConsumerRecord<String, byte[]> record) {
        return optionalHeader(record, EventHeaders.EVENT_TYPE);
    }

    /** A record of an earlier revision, still on the topic, read through the same steps as the event store's. */
    private String upcast(String type, String revision, String wanted, String body) {
        ObjectNode stored;
        try {
            stored = json.readTree(body) instanceof ObjectNode object ? object : null;
        } catch (Exception e) {
            throw new PoisonEventException("Value is not JSON: " + e.getMessage(), e);
        }
        if (stored == null) {
            throw new PoisonEventException("Value is not a JSON object");
        }
        return PublishedLanguageUpcasters.upcast(type, revision, wanted, stored)
                .map(ObjectNode::toString)
                .orElseThrow(() -> new PoisonEventException("No upcaster from revision " + revision + " to " + wanted + " of " + type));
    }

    private static Class<?> eventClass(String type) {
        if (!type.startsWith(PUBLISHED_LANGUAGE)) {
            throw new PoisonEventException("Not an event of the published language: " + type);
        }
        try {
            Class<?> eventClass = Class.forName(type);
            if (!SchoolFact.class.isAssignableFrom(eventClass)) {
                throw new PoisonEventException("Not an event: " + type);
            }
            return eventClass;
        } catch (ClassNotFoundException e) {
            throw new PoisonEventException("Unknown event type " + type, e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        String value = optionalHeader(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("Missing header " + name);
        }
        return value;
    }

    private static String optionalHeader(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long number(ConsumerRecord<String, byte[]> record, String name) {
        try {
            return Long.parseLong(header(record, name));
        } catch (NumberFormatException e) {
            throw new PoisonEventException("Header " + name + " is not a number", e);
        }
    }

    private static Instant instant(ConsumerRecord<String, byte[]> record, String name) {
        try {
            return Instant.parse(header(record, name));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("Header " + name + " is not an instant", e);
        }
    }
}
