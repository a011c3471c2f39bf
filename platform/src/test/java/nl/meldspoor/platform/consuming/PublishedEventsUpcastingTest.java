package nl.meldspoor.platform.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.platform.testing.EventContracts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Records of an earlier revision stay on the topics after an upgrade: a consumer reads them through the same upcasters as
 * the event store, and only a revision without a path to the current one is poison.
 */
class PublishedEventsUpcastingTest {

    private static final String SIGNAL_RECORDED_V2 = """
            {"pupilRef":"pupil-1","schoolId":"school-a","actor":{"personId":"lk-eva","role":"TEACHER"},
             "occurredAt":"2026-11-09T10:00:00Z","signalId":"sig-1","familyRef":"family-3",
             "content":{"observedAt":"2026-11-09T09:00:00Z","place":"speelplaats","situation":"pauze",
               "statements":[{"text":"Blauwe plek.","kind":"FACT","origin":"OWN_OBSERVATION","source":null}],
               "othersPresent":[],"category":"HOME_SITUATION","flags":[],"indicatorCodes":[],
               "recordedBy":{"personId":"lk-eva","role":"TEACHER"}},
             "urgentPath":false}""";

    private final PublishedEvents events = new PublishedEvents(EventContracts.JSON);

    @Test
    void aSignalRecordedBeforeTheBodyMapIsReadWithAnEmptyBodyMap() {
        PublishedEvent event = events.read(record("2", SIGNAL_RECORDED_V2));

        assertThat(event.revision()).isEqualTo("3");
        assertThat(((SignalRecorded) event.payload()).bodyMap()).isEmpty();
        assertThat(event.json()).contains("\"bodyMap\":[]");
    }

    /** The event store of the signal-service reads its own earlier revisions through the same step, in Axon's upcaster chain. */
    @Test
    void aSignalRecordedBeforeTheBodyMapReadsFromTheEventStoreWithAnEmptyBodyMap() {
        var serializer = org.axonframework.serialization.json.JacksonSerializer.builder().objectMapper(EventContracts.JSON).build();
        var stored = new org.axonframework.eventhandling.GenericDomainEventEntry<>("PupilFile", "pupil-1", 0, "ev-1",
                java.time.Instant.parse("2026-11-09T10:00:00Z"), SignalRecorded.class.getName(), "2",
                SIGNAL_RECORDED_V2.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        var chain = new org.axonframework.serialization.upcasting.event.EventUpcasterChain(
                nl.meldspoor.platform.upcasting.PublishedLanguageUpcasters.ALL.stream()
                        .<org.axonframework.serialization.upcasting.event.EventUpcaster>map(nl.meldspoor.platform.upcasting.AxonJsonUpcaster::new)
                        .toList());

        var read = chain.upcast(java.util.stream.Stream.of(
                new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(stored, serializer))).toList();

        assertThat(read).hasSize(1);
        assertThat(read.get(0).getType().getRevision()).isEqualTo("3");
        SignalRecorded signal = serializer.deserialize(read.get(0).getData());
        assertThat(signal.bodyMap()).isEmpty();
        assertThat(signal.signalId()).isEqualTo("sig-1");
    }

    @Test
    void aRevisionWithoutAnUpcasterIsPoison() {
        assertThatThrownBy(() -> events.read(record("9", SIGNAL_RECORDED_V2)))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("No upcaster from revision 9 to 3");
    }

    private static ConsumerRecord<String, byte[]> record(String revision, String json) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("signals", 0, 0, "pupil-1", json.getBytes(StandardCharsets.UTF_8));
        header(record, EventHeaders.EVENT_ID, "ev-1");
        header(record, EventHeaders.EVENT_TYPE, SignalRecorded.class.getName());
        header(record, EventHeaders.EVENT_REVISION, revision);
        header(record, EventHeaders.AGGREGATE_ID, "pupil-1");
        header(record, EventHeaders.AGGREGATE_SEQUENCE, "0");
        header(record, EventHeaders.RECORDED_AT, "2026-11-09T10:00:00Z");
        return record;
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
