package nl.meldspoor.reporting.it;

import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.PublishedRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Case events as the case-service publishes them. */
final class EventRecords {

    private EventRecords() {
    }

    static ProducerRecord<String, byte[]> of(PublishedEvent event) {
        return PublishedRecords.of(Topics.CASE_EVENTS, "MeldcodeCase", event);
    }

    static void add(RecordHeaders headers, String name, String value) {
        PublishedRecords.add(headers, name, value);
    }
}
