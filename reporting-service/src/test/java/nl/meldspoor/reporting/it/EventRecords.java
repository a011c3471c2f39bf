package nl.meldspoor.reporting.it;

import java.nio.charset.StandardCharsets;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.reporting.intake.PublishedEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Kafka records exactly as a write service publishes them (key = aggregate id, JSON value, event headers). */
final class EventRecords {

    private EventRecords() {
    }

    static ProducerRecord<String, byte[]> of(PublishedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_ID, event.eventId());
        add(headers, EventHeaders.EVENT_TYPE, event.type());
        add(headers, EventHeaders.EVENT_REVISION, event.revision());
        add(headers, EventHeaders.AGGREGATE_ID, event.aggregateId());
        add(headers, EventHeaders.AGGREGATE_TYPE, "MeldcodeCase");
        add(headers, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(event.sequence()));
        add(headers, EventHeaders.RECORDED_AT, event.recordedAt().toString());
        add(headers, EventHeaders.SCHOOL, event.payload().schoolId());
        add(headers, EventHeaders.OCCURRED_AT, event.payload().occurredAt().toString());
        return new ProducerRecord<>(Topics.CASE_EVENTS, null, event.aggregateId(), event.json().getBytes(StandardCharsets.UTF_8), headers);
    }

    static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
